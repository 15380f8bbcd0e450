package io.hussh.sftp;

import java.io.IOException;
import java.nio.file.Path;

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

    /** Number of SSH sessions open now, busy or idle. */
    public int openConnections() {
        return pool.openConnections();
    }

    @Override
    public void close() {
        pool.close();
        watchdog.close();
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
