package io.hussh.sftp;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Entry point of the transfer core: uploads and downloads over pooled SFTP connections to one server. Thread-safe;
 * each call runs on its own connection.
 */
public final class SftpTransfers implements AutoCloseable {

    private final ConnectionSettings settings;
    private final SftpConnectionPool pool;

    public SftpTransfers(ConnectionSettings settings) throws IOException {
        this.settings = settings;
        this.pool = new SftpConnectionPool(new SftpConnector(settings));
    }

    /** Uploads {@code source} to the absolute {@code remotePath}. */
    public TransferResult upload(TransferSource source, String remotePath, TransferOptions options)
            throws HusshTransferException {
        try (PathLocks.Held held = PathLocks.JVM.lock(settings.host() + ":" + settings.port() + remotePath)) {
            return run("Upload to", remotePath,
                    connection -> new Transfer(source, new RemoteTarget(connection, pool, options), remotePath,
                            remotePath, options));
        }
    }

    /** Downloads the absolute {@code remotePath} into {@code localFile}. */
    public TransferResult download(String remotePath, Path localFile, TransferOptions options)
            throws HusshTransferException {
        String local = localFile.toAbsolutePath().toString();
        try (PathLocks.Held held = PathLocks.JVM.lock(local)) {
            return run("Download of", remotePath,
                    connection -> new Transfer(new RemoteSource(connection, remotePath), new LocalTarget(), local,
                            remotePath, options));
        }
    }

    /** Number of SSH sessions open now, busy or idle. */
    public int openConnections() {
        return pool.openConnections();
    }

    @Override
    public void close() {
        pool.close();
    }

    private interface TransferFactory {
        Transfer create(SftpConnection connection);
    }

    private TransferResult run(String what, String remotePath, TransferFactory factory) throws HusshTransferException {
        SftpConnection connection = null;
        try {
            connection = pool.borrow();
            TransferResult result = factory.create(connection).run();
            pool.release(connection);
            return result;
        } catch (IOException | RuntimeException e) {
            boolean lost = connection != null && !connection.isAlive();
            // after a failure the channel may still hold replies to requests in flight: never reuse it
            if (connection != null) {
                pool.discard(connection);
            }
            String reason = lost ? "the connection was lost (" + e.getMessage() + ")" : e.getMessage();
            throw new HusshTransferException(remotePath,
                    what + " " + remotePath + " on " + settings.address() + " failed: " + reason, e);
        }
    }
}
