package io.hussh.sftp;

import java.io.IOException;
import java.io.OutputStream;

import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.SftpATTRS;
import com.jcraft.jsch.SftpException;

/** The upload side of a transfer: files on the SFTP server. */
final class RemoteTarget implements TransferTarget {

    private final SftpConnection connection;
    private final SftpConnectionPool pool;
    private final TransferOptions options;
    private final RemoteLease lease;

    RemoteTarget(SftpConnection connection, SftpConnectionPool pool, TransferOptions options, RemoteLease lease) {
        this.connection = connection;
        this.pool = pool;
        this.options = options;
        this.lease = lease;
    }

    @Override
    public void claim(TransferProgress progress) throws IOException {
        lease.acquire(connection, progress, options.autoCreate());
    }

    @Override
    public void checkClaim() throws IOException {
        lease.checkHeld(connection);
    }

    @Override
    public boolean holdsClaim() {
        return lease.held();
    }

    @Override
    public void endAttempt() {
        lease.detach(connection);
    }

    @Override
    public Exception lostClaim(Exception cause) {
        return lease.lost() && !(cause instanceof LeaseLostException) ? lease.lostFailure(cause) : cause;
    }

    @Override
    public long size(String path) throws IOException {
        try {
            SftpATTRS attrs = connection.statOrNull(path);
            return attrs == null ? -1 : attrs.getSize();
        } catch (SftpException e) {
            throw failure(path, "Cannot stat " + path, e);
        }
    }

    @Override
    public OutputStream open(String path, long offset) throws IOException {
        return new ExplainedWrites(path, openRaw(path, offset), lease);
    }

    @Override
    public OutputStream openSegment(String path, long offset) throws IOException {
        try {
            return new ExplainedWrites(path, connection.openWriteAt(path, offset), lease);
        } catch (SftpException e) {
            throw failure(path, "Cannot open " + path + " for writing at byte " + offset, e);
        }
    }

    @Override
    public String readJournal(String path) throws IOException {
        String journal = SideFiles.journal(path);
        try {
            SftpATTRS attrs = connection.statOrNull(journal);
            if (attrs == null) {
                return null;
            }
            return new String(connection.read(journal, 0, (int) Math.min(Integer.MAX_VALUE - 8, attrs.getSize())),
                    java.nio.charset.StandardCharsets.US_ASCII);
        } catch (SftpException e) {
            throw failure(journal, "Cannot read " + journal, e);
        }
    }

    @Override
    public void startJournal(String path, String journal) throws IOException {
        writeJournal(path, journal, true);
    }

    @Override
    public void updateJournal(String path, String journal) throws IOException {
        writeJournal(path, journal, false);
    }

    private void writeJournal(String path, String journal, boolean replace) throws IOException {
        String file = SideFiles.journal(path);
        // a writer that lost its lease must not tell the next one anything
        if (!lease.held()) {
            throw lease.lostFailure(null);
        }
        byte[] content = journal.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        try {
            if (replace) {
                connection.overwrite(file, content);
            } else {
                connection.overwriteInPlace(file, content);
            }
        } catch (SftpException e) {
            throw failure(file, "Cannot write " + file, e);
        }
    }

    @Override
    public void deleteJournal(String path) throws IOException {
        if (lease.held()) {
            remove(connection, SideFiles.journal(path));
        }
    }

    /** Gives a write the server refused a message that says what its SFTP status means. */
    private static final class ExplainedWrites extends java.io.FilterOutputStream {

        private final String path;
        private final RemoteLease lease;

        ExplainedWrites(String path, OutputStream out, RemoteLease lease) {
            super(out);
            this.path = path;
            this.lease = lease;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            // not one more byte under a lease that ran out, even before the keeper notices
            if (!lease.held()) {
                throw lease.lostFailure(null);
            }
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                throw explained(e);
            }
        }

        @Override
        public void close() throws IOException {
            if (!lease.held() && out instanceof PacedUpload buffered) {
                // what it still buffers would land under a lease that ran out
                buffered.abandon();
                throw lease.lostFailure(null);
            }
            try {
                out.close();
            } catch (IOException e) {
                throw explained(e);
            }
        }

        private IOException explained(IOException e) {
            // JSch wraps its own I/O failures in a status too; only a status without a cause is the server's answer
            if (!(e.getCause() instanceof SftpException status) || status.getCause() != null) {
                return e;
            }
            String hint = status.id == ChannelSftp.SSH_FX_FAILURE
                    ? "; SFTP v3 servers report a full disk or an exceeded quota this way" : "";
            return new HusshTransferException(path, "Writing " + path + " failed: " + SftpErrors.describe(status)
                                                    + hint, e);
        }
    }

    private OutputStream openRaw(String path, long offset) throws IOException {
        try {
            try {
                return connection.openWrite(path, offset);
            } catch (SftpException e) {
                // opening first and creating directories only when missing saves a round trip per file
                if (e.id != ChannelSftp.SSH_FX_NO_SUCH_FILE) {
                    throw e;
                }
                String directory = RemotePaths.parent(path);
                if (!options.autoCreate()) {
                    throw new HusshTransferException(path, "The remote directory " + directory + " does not exist;"
                                                           + " create it, or set autoCreate=true", e);
                }
                connection.mkdirs(directory);
                return connection.openWrite(path, offset);
            }
        } catch (SftpException e) {
            throw failure(path, "Cannot open " + path + " for writing", e);
        }
    }

    @Override
    public byte[] read(String path, long offset, int length) throws IOException {
        try {
            return connection.read(path, offset, length);
        } catch (SftpException e) {
            throw failure(path, "Cannot read " + path, e);
        }
    }

    @Override
    public void setAttributes(String path, long lastModified, Integer permissions) throws IOException {
        try {
            if (lastModified >= 0) {
                connection.setModificationTime(path, lastModified);
            }
            if (permissions != null) {
                connection.setPermissions(path, permissions);
            }
        } catch (SftpException e) {
            throw failure(path, "Cannot set the time or permissions of " + path, e);
        }
    }

    @Override
    public void commit(String tempPath, String finalPath) throws IOException {
        try {
            connection.rename(tempPath, finalPath);
        } catch (SftpException renameFailure) {
            try {
                if (connection.supportsPosixRename() || connection.statOrNull(finalPath) == null) {
                    throw failure(finalPath, "Cannot rename " + tempPath + " to " + finalPath, renameFailure);
                }
            } catch (SftpException statFailure) {
                renameFailure.addSuppressed(statFailure);
                throw failure(finalPath, "Cannot rename " + tempPath + " to " + finalPath, renameFailure);
            }
            if (!options.allowNonAtomicReplace()) {
                throw new HusshTransferException(finalPath, "Cannot replace " + finalPath
                        + " atomically: the server does not offer posix-rename@openssh.com and refuses to rename"
                        + " over an existing file. The existing file was left untouched. Set allowNonAtomicReplace=true"
                        + " to replace it through a backup rename (briefly absent, never lost), or remove it first.",
                        renameFailure);
            }
            replaceThroughBackup(tempPath, finalPath);
        }
    }

    /**
     * Two plain renames instead of delete-then-rename: if the second fails, the backup is renamed back, so the
     * destination is absent for a moment but its old content is never lost.
     */
    private void replaceThroughBackup(String tempPath, String finalPath) throws IOException {
        String backup = options.sideFiles().backup(finalPath);
        try {
            connection.rename(finalPath, backup);
        } catch (SftpException e) {
            throw failure(finalPath, "Cannot move " + finalPath + " aside to " + backup, e);
        }
        try {
            connection.rename(tempPath, finalPath);
        } catch (SftpException e) {
            HusshTransferException failure = failure(finalPath, "Cannot rename " + tempPath + " to " + finalPath, e);
            try {
                connection.rename(backup, finalPath);
            } catch (SftpException restoreFailure) {
                failure.addSuppressed(new HusshTransferException(finalPath,
                        "The previous file could not be restored; it is kept at " + backup, restoreFailure));
            }
            throw failure;
        }
        try {
            connection.remove(backup);
        } catch (SftpException e) {
            throw failure(finalPath, "Replaced " + finalPath + " but cannot remove the backup " + backup, e);
        }
    }

    /**
     * Runs after a failure, on a fresh connection: the transfer's own may be dead, or still hold replies to writes
     * that were in flight, which a removal on it would read as its own.
     */
    @Override
    public void delete(String path) throws IOException {
        SftpConnection fresh = pool.borrow();
        try {
            // opening the connection may have taken long enough for the lease to pass to another writer
            if (lease.held()) {
                remove(fresh, path);
            }
        } catch (IOException | RuntimeException e) {
            pool.discard(fresh);
            throw e;
        }
        pool.release(fresh);
    }

    private static void remove(SftpConnection on, String path) throws HusshTransferException {
        try {
            on.remove(path);
        } catch (SftpException e) {
            if (e.id != ChannelSftp.SSH_FX_NO_SUCH_FILE) {
                throw failure(path, "Cannot remove " + path, e);
            }
        }
    }

    private static HusshTransferException failure(String path, String what, SftpException e) {
        return new HusshTransferException(path, what + ": " + SftpErrors.describe(e), e);
    }
}
