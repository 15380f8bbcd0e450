package io.hussh.sftp;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.SftpException;

/**
 * Entry point of the transfer core: uploads and downloads over pooled SFTP connections to one server. Thread-safe;
 * each call runs on its own connection.
 */
public final class SftpTransfers implements AutoCloseable {

    /** Keepalives JSch may miss before it gives up, plus one interval of grace. */
    private static final int STALL_INTERVALS = 4;

    private final ConnectionSettings settings;
    private final SftpConnectionPool pool;
    private final StallWatchdog watchdog;

    public SftpTransfers(ConnectionSettings settings) throws IOException {
        this.settings = settings;
        this.pool = new SftpConnectionPool(new SftpConnector(settings));
        this.watchdog = new StallWatchdog(settings.serverAliveInterval().multipliedBy(STALL_INTERVALS));
    }

    /** Uploads {@code source} to the absolute {@code remotePath}. */
    public TransferResult upload(TransferSource source, String remotePath, TransferOptions options)
            throws HusshTransferException {
        try (PathLocks.Held held = PathLocks.JVM.lock(settings.host() + ":" + settings.port() + remotePath)) {
            return run("Upload to", remotePath,
                    (connection, progress) -> new Transfer(source, new RemoteTarget(connection, pool, options),
                            remotePath, remotePath, options, progress));
        }
    }

    /** Downloads the absolute {@code remotePath} into {@code localFile}. */
    public TransferResult download(String remotePath, Path localFile, TransferOptions options)
            throws HusshTransferException {
        String local = localFile.toAbsolutePath().toString();
        try (PathLocks.Held held = PathLocks.JVM.lock(local)) {
            return run("Download of", remotePath,
                    (connection, progress) -> new Transfer(new RemoteSource(connection, remotePath),
                            new LocalTarget(), local, remotePath, options, progress));
        }
    }

    /** The regular files below {@code directory}, down to {@code maxDepth} levels (1: the directory itself). */
    public List<RemoteFile> list(String directory, int maxDepth) throws HusshTransferException {
        return withConnection("Listing", directory, connection -> RemoteListing.files(connection, directory, maxDepth));
    }

    /** Removes a remote file; a file that is already gone is not an error. */
    public void delete(String remotePath) throws HusshTransferException {
        withConnection("Removing", remotePath, connection -> {
            try {
                connection.remove(remotePath);
            } catch (SftpException e) {
                if (e.id != ChannelSftp.SSH_FX_NO_SUCH_FILE) {
                    throw e;
                }
            }
            return null;
        });
    }

    /** Moves a remote file into {@code directory} (created when missing), keeping its name; returns the new path. */
    public String moveTo(String remotePath, String directory) throws HusshTransferException {
        String target = RemotePaths.resolve(directory, remotePath.substring(remotePath.lastIndexOf('/') + 1));
        return withConnection("Moving", remotePath, connection -> {
            connection.mkdirs(directory);
            connection.rename(remotePath, target);
            return target;
        });
    }

    /** Number of SSH sessions open now, busy or idle. */
    public int openConnections() {
        return pool.openConnections();
    }

    @Override
    public void close() {
        pool.close();
        watchdog.close();
    }

    private interface RemoteWork<T> {
        T run(SftpConnection connection) throws SftpException;
    }

    private <T> T withConnection(String what, String remotePath, RemoteWork<T> work) throws HusshTransferException {
        SftpConnection connection = null;
        try {
            connection = pool.borrow();
            T result = work.run(connection);
            pool.release(connection);
            return result;
        } catch (SftpException e) {
            pool.discard(connection);
            throw new HusshTransferException(remotePath, what + " " + remotePath + " on " + settings.address()
                                                         + " failed: " + SftpErrors.describe(e), e);
        } catch (IOException | RuntimeException e) {
            if (connection != null) {
                pool.discard(connection);
            }
            throw new HusshTransferException(remotePath, what + " " + remotePath + " on " + settings.address()
                                                         + " failed: " + e.getMessage(), e);
        }
    }

    private interface TransferFactory {
        Transfer create(SftpConnection connection, TransferProgress progress);
    }

    private TransferResult run(String what, String remotePath, TransferFactory factory) throws HusshTransferException {
        SftpConnection connection = null;
        StallWatchdog.Watch watch = null;
        try {
            connection = pool.borrow();
            TransferProgress progress = new TransferProgress();
            watch = watchdog.watch(connection, progress);
            TransferResult result = factory.create(connection, progress).run();
            watch.close();
            pool.release(connection);
            return result;
        } catch (IOException | RuntimeException e) {
            if (watch != null) {
                watch.close();
            }
            boolean lost = connection != null && !connection.isAlive();
            // after a failure the channel may still hold replies to requests in flight: never reuse it
            if (connection != null) {
                pool.discard(connection);
            }
            String reason = watch != null && watch.fired()
                    ? "the connection stalled: nothing moved for " + watchdog.limit().toSeconds() + " s (four"
                      + " serverAliveInterval periods), so it was cut (" + e.getMessage() + ")"
                    : lost ? "the connection was lost (" + e.getMessage() + ")" : e.getMessage();
            throw new HusshTransferException(remotePath,
                    what + " " + remotePath + " on " + settings.address() + " failed: " + reason, e);
        }
    }
}
