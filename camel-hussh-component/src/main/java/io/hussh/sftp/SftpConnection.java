package io.hussh.sftp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.Session;
import com.jcraft.jsch.SftpATTRS;
import com.jcraft.jsch.SftpException;

/**
 * One SSH session with one SFTP channel, used by one transfer at a time ({@link ChannelSftp} is not thread-safe).
 * Every path given here is a plain absolute remote path; escaping for JSch happens here and nowhere else.
 */
final class SftpConnection implements AutoCloseable {

    private static final String POSIX_RENAME = "posix-rename@openssh.com";

    /**
     * JSch's RESUME and APPEND modes stat the file once more and write at whatever size they find then, which splices
     * the source at the wrong place if the file changed since the transfer planned its offset (a dying session's queued
     * writes still landing, say). Any other mode value opens with WRITE|CREAT, no TRUNC, and writes at exactly the
     * offset given.
     */
    private static final int WRITE_AT_OFFSET = 3;

    private final Session session;
    private final ChannelSftp channel;
    private final Socket socket;
    private java.time.Duration roundTrip;

    SftpConnection(Session session, ChannelSftp channel, Socket socket) {
        this.session = session;
        this.channel = channel;
        this.socket = socket;
    }

    boolean isAlive() {
        return session.isConnected() && channel.isConnected();
    }

    boolean supportsPosixRename() {
        return channel.getExtension(POSIX_RENAME) != null;
    }

    /**
     * The shortest of two round trips of a request the server answers at once (a realpath of the home directory),
     * measured on first use: a connection keeps its link.
     */
    java.time.Duration roundTrip() throws IOException {
        if (roundTrip == null) {
            roundTrip = measureRoundTrip();
        }
        return roundTrip;
    }

    private java.time.Duration measureRoundTrip() throws IOException {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 2; i++) {
            long start = System.nanoTime();
            try {
                channel.realpath(".");
            } catch (SftpException e) {
                throw new IOException("Cannot measure the round trip: " + SftpErrors.describe(e), e);
            }
            best = Math.min(best, System.nanoTime() - start);
        }
        return java.time.Duration.ofNanos(best);
    }

    /** Whether the server still answers a request on this connection. */
    boolean answers() {
        try {
            channel.realpath(".");
            return true;
        } catch (SftpException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Whether the connection is gone after a failure: JSch may not have noticed a cut yet when a writer reports it, so
     * a connection that cannot answer a request counts as gone too.
     */
    boolean lost() {
        return !isAlive() || !answers();
    }

    /** The attributes of {@code path}, or {@code null} when it does not exist. */
    SftpATTRS statOrNull(String path) throws SftpException {
        try {
            return channel.stat(RemotePaths.escapeForJsch(path));
        } catch (SftpException e) {
            if (e.id == ChannelSftp.SSH_FX_NO_SUCH_FILE) {
                return null;
            }
            throw e;
        }
    }

    /**
     * Opens for writing: offset 0 creates or truncates, with the writes in flight the round trip needs
     * ({@link WritesInFlight}); any other offset writes from exactly there.
     */
    OutputStream openWrite(String path, long offset) throws SftpException, IOException {
        if (offset == 0) {
            int requests = WritesInFlight.forRoundTrip(roundTrip(), channel.getBulkRequests());
            return PacedUpload.open(channel, RemotePaths.escapeForJsch(path), path, requests);
        }
        return channel.put(RemotePaths.escapeForJsch(path), null, WRITE_AT_OFFSET, offset);
    }

    /**
     * Opens for writing from exactly {@code offset}, creating the file when missing and never truncating it: the
     * streams of a segmented transfer write one file at once.
     */
    OutputStream openWriteAt(String path, long offset) throws SftpException {
        return channel.put(RemotePaths.escapeForJsch(path), null, WRITE_AT_OFFSET, offset);
    }

    /** Reads from {@code offset} to the end, with {@code bulkRequests} reads in flight. */
    InputStream openRead(String path, long offset) throws SftpException {
        return channel.get(RemotePaths.escapeForJsch(path), null, offset);
    }

    void read(String path, long offset, OutputStream out) throws SftpException {
        channel.get(RemotePaths.escapeForJsch(path), out, null, ChannelSftp.RESUME, offset);
    }

    /** Up to {@code length} bytes of {@code path} from {@code offset}; fewer when the file ends first. */
    byte[] read(String path, long offset, int length) throws SftpException, IOException {
        byte[] bytes = new byte[length];
        int filled = 0;
        try (InputStream in = channel.get(RemotePaths.escapeForJsch(path), null, offset)) {
            int n;
            while (filled < length && (n = in.read(bytes, filled, length - filled)) > 0) {
                filled += n;
            }
        }
        return filled == length ? bytes : java.util.Arrays.copyOf(bytes, filled);
    }

    void setModificationTime(String path, long millis) throws SftpException {
        channel.setMtime(RemotePaths.escapeForJsch(path), (int) (millis / 1000));
    }

    void setPermissions(String path, int mode) throws SftpException {
        channel.chmod(mode, RemotePaths.escapeForJsch(path));
    }

    /** Renames; JSch uses posix-rename@openssh.com by itself when the server offers it, which replaces atomically. */
    void rename(String from, String to) throws SftpException {
        channel.rename(RemotePaths.escapeForJsch(from), RemotePaths.escapeForJsch(to));
    }

    void remove(String path) throws SftpException {
        channel.rm(RemotePaths.escapeForJsch(path));
    }

    /** The entries of a directory, without {@code .} and {@code ..}, with their attributes as the server lists them. */
    List<ChannelSftp.LsEntry> list(String directory) throws SftpException {
        List<ChannelSftp.LsEntry> entries = new ArrayList<>();
        channel.ls(RemotePaths.escapeForJsch(directory), entry -> {
            if (!entry.getFilename().equals(".") && !entry.getFilename().equals("..")) {
                entries.add(entry);
            }
            return ChannelSftp.LsEntrySelector.CONTINUE;
        });
        return entries;
    }

    /**
     * Creates one directory, failing when anything exists under that name: on every SFTP server this is the one
     * exclusive create JSch can send.
     */
    void mkdir(String directory) throws SftpException {
        channel.mkdir(directory);
    }

    void rmdir(String directory) throws SftpException {
        channel.rmdir(RemotePaths.escapeForJsch(directory));
    }

    /** Writes a small file's content from its start, over what it held, without truncating it first. */
    void overwriteInPlace(String path, byte[] content) throws SftpException {
        channel.put(new java.io.ByteArrayInputStream(content), RemotePaths.escapeForJsch(path), null, WRITE_AT_OFFSET);
    }

    /** Replaces the whole content of a small file. */
    void overwrite(String path, byte[] content) throws SftpException {
        channel.put(new java.io.ByteArrayInputStream(content), RemotePaths.escapeForJsch(path), ChannelSftp.OVERWRITE);
    }

    /** Creates {@code directory} and its missing parents. */
    void mkdirs(String directory) throws SftpException {
        if (directory.equals("/")) {
            return;
        }
        SftpATTRS existing = statOrNull(directory);
        if (existing != null) {
            if (!existing.isDir()) {
                throw new SftpException(ChannelSftp.SSH_FX_FAILURE, directory + " exists and is not a directory");
            }
            return;
        }
        mkdirs(RemotePaths.parent(directory));
        try {
            // unlike the other operations, JSch's mkdir neither globs nor unescapes its path
            channel.mkdir(directory);
        } catch (SftpException e) {
            // another writer may have created it in the meantime
            SftpATTRS now = statOrNull(directory);
            if (now == null || !now.isDir()) {
                throw e;
            }
        }
    }

    /**
     * Cuts the connection from another thread. Closing the socket first unblocks a thread stuck writing into a full
     * send buffer, which a JSch disconnect alone would not.
     */
    void abort() {
        try {
            // an RST discards what the send buffer still holds: writes queued there must not land later, after another
            // writer took the file over
            socket.setSoLinger(true, 0);
            socket.close();
        } catch (IOException e) {
            // closing is all that is wanted; the transfer reports the failure
        }
        close();
    }

    @Override
    public void close() {
        channel.disconnect();
        session.disconnect();
    }
}
