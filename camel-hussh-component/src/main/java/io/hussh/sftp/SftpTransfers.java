package io.hussh.sftp;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.SftpATTRS;
import com.jcraft.jsch.SftpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point of the transfer core: uploads and downloads over pooled SFTP connections to one server. Thread-safe;
 * each call runs on its own connection.
 */
public final class SftpTransfers implements AutoCloseable {

    /** Keepalives JSch may miss before it gives up, plus one interval of grace. */
    private static final int STALL_INTERVALS = 4;
    private static final long LOGGED_SIZE = 64L * 1024 * 1024;
    private static final Duration LOG_INTERVAL = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(SftpTransfers.class);

    private final ConnectionSettings settings;
    private final ReconnectPolicy reconnectPolicy;
    private final SftpConnectionPool pool;
    private final StallWatchdog watchdog;
    private final TransferListener listener;

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
        this.reconnectPolicy = reconnectPolicy;
        this.listener = listener;
        this.pool = new SftpConnectionPool(new SftpConnector(settings));
        this.watchdog = new StallWatchdog(settings.serverAliveInterval().multipliedBy(STALL_INTERVALS));
    }

    /** Uploads {@code source} to the absolute {@code remotePath}. */
    public TransferResult upload(TransferSource source, String remotePath, TransferOptions options)
            throws HusshTransferException {
        try (PathLocks.Held held = PathLocks.JVM.lock(settings.host() + ":" + settings.port() + remotePath)) {
            return run("Upload to", remotePath, true, source.repeatable(),
                    (connection, progress, commitMayHaveHappened) -> new Transfer(source,
                            new RemoteTarget(connection, pool, options), remotePath, remotePath, options, progress,
                            commitMayHaveHappened));
        }
    }

    /** Downloads the absolute {@code remotePath} into {@code localFile}. */
    public TransferResult download(String remotePath, Path localFile, TransferOptions options)
            throws HusshTransferException {
        String local = localFile.toAbsolutePath().toString();
        try (PathLocks.Held held = PathLocks.JVM.lock(local)) {
            return run("Download of", remotePath, false, true,
                    (connection, progress, commitMayHaveHappened) -> new Transfer(
                            new RemoteSource(connection, remotePath), new LocalTarget(), local, remotePath, options,
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
        Transfer create(SftpConnection connection, TransferProgress progress, boolean commitMayHaveHappened);
    }

    /**
     * Runs a transfer, reconnecting after a broken connection as the policy allows: the next attempt plans afresh, so
     * with resume it continues from what reached the destination, and without resume it starts over (the temp file
     * protects the final name). Failures the server reports (permission denied, no such file, a full disk), refused
     * logins and host keys fail at once.
     */
    private TransferResult run(String what, String remotePath, boolean upload, boolean repeatableSource,
                               TransferFactory factory) throws HusshTransferException {
        ProgressLog log = new ProgressLog(LOGGED_SIZE, LOG_INTERVAL);
        TransferProgress progress = new TransferProgress(remotePath, upload,
                listener == null ? List.of(log) : List.of(log, listener));
        long firstOffset = -1;
        boolean commitMayHaveHappened = false;
        int failuresInARow = 0;
        long previousOffset = -1;
        for (int reconnects = 0; ; reconnects++) {
            Attempt attempt = attempt(factory, progress, commitMayHaveHappened);
            if (attempt.result != null) {
                progress.finish();
                long offset = firstOffset < 0 ? attempt.result.resumeOffset() : firstOffset;
                return attempt.result.afterAttempts(progress.bytes(), offset, reconnects);
            }
            if (firstOffset < 0) {
                firstOffset = attempt.plannedOffset;
            }
            commitMayHaveHappened |= attempt.commitSent;
            // an attempt that starts further than the one before shows the earlier one's bytes were kept: only attempts
            // without such progress count against the limit, so a link that drops every few hundred MiB still gets a
            // large resumed file across, while one that keeps starting over gives up
            failuresInARow = attempt.plannedOffset > previousOffset ? 1 : failuresInARow + 1;
            previousOffset = Math.max(previousOffset, attempt.plannedOffset);
            String reason = attempt.reason();
            // a stream that was read from cannot be sent again
            boolean retryable = attempt.transientFailure && (repeatableSource || attempt.plannedOffset < 0);
            if (!retryable || failuresInARow > reconnectPolicy.maximumReconnectAttempts()) {
                String after = reconnects == 0 ? "" : " (after " + reconnects + " reconnects)";
                if (attempt.transientFailure && !retryable) {
                    reason += "; the body was a stream, which cannot be read again: send a File or byte[] to let the"
                              + " transfer reconnect";
                }
                throw new HusshTransferException(remotePath,
                        what + " " + remotePath + " on " + settings.address() + " failed" + after + ": " + reason,
                        attempt.failure);
            }
            Duration delay = reconnectPolicy.delayBefore(failuresInARow);
            LOG.warn("{} {} on {}: {}; reconnecting in {} ms (attempt {} of {} without progress)", what, remotePath,
                    settings.address(), reason, delay.toMillis(), failuresInARow,
                    reconnectPolicy.maximumReconnectAttempts());
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new HusshTransferException(remotePath, what + " " + remotePath
                                                             + " was interrupted while waiting to reconnect", attempt.failure);
            }
        }
    }

    /** The outcome of one connection's try at a transfer. */
    private static final class Attempt {
        TransferResult result;
        Exception failure;
        boolean transientFailure;
        boolean lost;
        boolean stalled;
        boolean commitSent;
        long plannedOffset = -1;
        Duration stallLimit;

        String reason() {
            if (stalled) {
                return "the connection stalled: nothing moved for " + stallLimit.toSeconds() + " s (four"
                       + " serverAliveInterval periods), so it was cut (" + failure.getMessage() + ")";
            }
            return lost ? "the connection was lost (" + failure.getMessage() + ")" : failure.getMessage();
        }
    }

    private Attempt attempt(TransferFactory factory, TransferProgress progress, boolean commitMayHaveHappened) {
        Attempt attempt = new Attempt();
        attempt.stallLimit = watchdog.limit();
        SftpConnection connection = null;
        StallWatchdog.Watch watch = null;
        Transfer transfer = null;
        try {
            connection = pool.borrow();
            // the pause before this attempt and its connect are no stall
            progress.touch();
            watch = watchdog.watch(connection, progress);
            transfer = factory.create(connection, progress, commitMayHaveHappened);
            attempt.result = transfer.run();
            watch.close();
            pool.release(connection);
        } catch (IOException | RuntimeException e) {
            if (watch != null) {
                watch.close();
            }
            attempt.failure = e;
            attempt.stalled = watch != null && watch.fired();
            attempt.lost = connection != null && !connection.isAlive();
            attempt.commitSent = transfer != null && transfer.commitSent();
            attempt.transientFailure = attempt.stalled || attempt.lost || e instanceof TransientConnectionException;
            attempt.plannedOffset = transfer == null ? -1 : transfer.plannedOffset();
            // after a failure the channel may still hold replies to requests in flight: never reuse it
            if (connection != null) {
                pool.discard(connection);
            }
        } catch (Error e) {
            if (watch != null) {
                watch.close();
            }
            if (connection != null) {
                pool.discard(connection);
            }
            throw e;
        }
        return attempt;
    }
}
