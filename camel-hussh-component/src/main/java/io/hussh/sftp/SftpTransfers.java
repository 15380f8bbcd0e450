package io.hussh.sftp;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.SftpATTRS;
import com.jcraft.jsch.SftpException;

/**
 * Entry point of the transfer core: uploads and downloads over pooled SFTP connections to one server, and the remote
 * file operations a consumer needs (list, probe, delete, move). Thread-safe; each call runs on its own connection.
 * Each transfer runs as {@link TransferAttempts}.
 */
public final class SftpTransfers implements AutoCloseable {

    /** Keepalives JSch may miss before it gives up, plus one interval of grace. */
    private static final int STALL_INTERVALS = 4;

    private final ConnectionSettings settings;
    private final SftpConnectionPool pool;
    private final StallWatchdog watchdog;
    private final TransferAttempts attempts;
    private final LeaseKeeper leaseKeeper;

    /** Transfers that fail at the first broken connection. */
    public SftpTransfers(ConnectionSettings settings) throws IOException {
        this(settings, ReconnectPolicy.none(), null);
    }

    public SftpTransfers(ConnectionSettings settings, ReconnectPolicy reconnectPolicy) throws IOException {
        this(settings, reconnectPolicy, null);
    }

    /**
     * @param listener told how each transfer advances, or {@code null}; transfers of 64 MiB and more are also logged
     *                 at INFO every 5 s
     */
    public SftpTransfers(ConnectionSettings settings, ReconnectPolicy reconnectPolicy, TransferListener listener)
            throws IOException {
        this.settings = settings;
        this.pool = new SftpConnectionPool(new SftpConnector(settings));
        this.watchdog = new StallWatchdog(settings.serverAliveInterval().multipliedBy(STALL_INTERVALS));
        this.attempts = new TransferAttempts(pool, watchdog, reconnectPolicy, settings.address(), listener);
        this.leaseKeeper = new LeaseKeeper(pool);
    }

    /** Uploads {@code source} to the absolute {@code remotePath}. */
    public TransferResult upload(TransferSource source, String remotePath, TransferOptions options)
            throws HusshTransferException {
        // the in-JVM lock spares writers of one process polling each other's lease; the lease is what keeps writers
        // on other hosts, or reaching the server under another name, apart
        try (PathLocks.Held held = PathLocks.JVM.lock(settings.host() + ":" + settings.port() + remotePath);
             RemoteLease lease = new RemoteLease(remotePath, options.leaseDuration(),
                     options.leaseWaitTimeout(), leaseKeeper)) {
            return attempts.upload(remotePath, source.repeatable(),
                    (connection, progress, commitMayHaveHappened) -> new Transfer(source,
                            new RemoteTarget(connection, pool, options, lease), remotePath, remotePath, options,
                            progress, commitMayHaveHappened));
        }
    }

    /** Downloads the absolute {@code remotePath} into {@code localFile}. */
    public TransferResult download(String remotePath, Path localFile, TransferOptions options)
            throws HusshTransferException {
        String local = localFile.toAbsolutePath().toString();
        try (PathLocks.Held held = PathLocks.JVM.lock(local);
             LocalLock lock = new LocalLock(Path.of(local), remotePath, options.leaseWaitTimeout())) {
            return attempts.download(remotePath,
                    (connection, progress, commitMayHaveHappened) -> new Transfer(
                            new RemoteSource(connection, remotePath), new LocalTarget(lock), local, remotePath, options,
                            progress, commitMayHaveHappened));
        }
    }

    /** The regular files below {@code directory}, down to {@code maxDepth} levels (1: the directory itself). */
    public List<RemoteFile> list(String directory, int maxDepth) throws HusshTransferException {
        return withConnection("Listing", directory, connection -> RemoteListing.files(connection, directory, maxDepth));
    }

    /** Connects, logs in and checks that {@code directory} is a directory: can this server be worked with now? */
    public void probe(String directory) throws HusshTransferException {
        withConnection("Checking", directory, connection -> {
            SftpATTRS attrs = connection.statOrNull(directory);
            if (attrs == null || !attrs.isDir()) {
                throw new SftpException(ChannelSftp.SSH_FX_NO_SUCH_FILE, directory + " is not a directory on the server");
            }
            return null;
        });
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
        leaseKeeper.close();
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
}
