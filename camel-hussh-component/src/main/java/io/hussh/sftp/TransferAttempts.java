package io.hussh.sftp;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a transfer as attempts, each a new {@link Transfer} on its own connection, reconnecting after a broken
 * connection as the {@link ReconnectPolicy} allows. Each attempt plans afresh, so with resume it continues from what
 * reached the destination, and without resume it starts over (the temp file protects the final name). Which failures
 * are retried is {@link FailureClassifier}'s decision; what an attempt leaves for the next one is its
 * {@link AttemptOutcome}.
 */
final class TransferAttempts {

    private static final Logger LOG = LoggerFactory.getLogger(TransferAttempts.class);

    private static final long LOGGED_SIZE = 64L * 1024 * 1024;
    private static final Duration LOG_INTERVAL = Duration.ofSeconds(5);

    /** Makes the transfer of one attempt on that attempt's connection. */
    interface TransferFactory {
        /**
         * @param commitMayHaveHappened an earlier attempt lost its connection after sending the commit
         */
        Transfer create(SftpConnection connection, TransferProgress progress, boolean commitMayHaveHappened);
    }

    private enum Direction {
        UPLOAD("Upload to"),
        DOWNLOAD("Download of");

        private final String verb;

        Direction(String verb) {
            this.verb = verb;
        }
    }

    private final SftpConnectionPool pool;
    private final StallWatchdog watchdog;
    private final ReconnectPolicy policy;
    private final String server;
    private final TransferListener listener;
    private final ActiveTransfers active;

    /**
     * @param server   the server as errors name it ({@code user@host:port})
     * @param listener told how each transfer advances, or {@code null}; transfers of 64 MiB and more are also logged
     *                 at INFO every 5 s
     */
    TransferAttempts(SftpConnectionPool pool, StallWatchdog watchdog, ReconnectPolicy policy, String server,
                     TransferListener listener, ActiveTransfers active) {
        this.pool = pool;
        this.watchdog = watchdog;
        this.policy = policy;
        this.server = server;
        this.listener = listener;
        this.active = active;
    }

    /**
     * @param repeatableSource whether the source can be read again from the start; a stream that was read from cannot,
     *                         so its transfer is not retried once it began
     */
    TransferResult upload(String remotePath, boolean repeatableSource, TransferFactory factory)
            throws HusshTransferException {
        return run(Direction.UPLOAD, remotePath, repeatableSource, factory);
    }

    TransferResult download(String remotePath, TransferFactory factory) throws HusshTransferException {
        return run(Direction.DOWNLOAD, remotePath, true, factory);
    }

    private TransferResult run(Direction direction, String remotePath, boolean repeatableSource,
                               TransferFactory factory) throws HusshTransferException {
        ProgressLog log = new ProgressLog(LOGGED_SIZE, LOG_INTERVAL);
        TransferProgress progress = new TransferProgress(remotePath, direction == Direction.UPLOAD,
                listener == null ? List.of(log) : List.of(log, listener));
        try (ActiveTransfers.Registration listed = active.add(progress)) {
            return run(direction, remotePath, repeatableSource, factory, progress);
        }
    }

    private TransferResult run(Direction direction, String remotePath, boolean repeatableSource,
                               TransferFactory factory, TransferProgress progress) throws HusshTransferException {
        String what = direction.verb + " " + remotePath + " on " + server;
        long firstOffset = -1;
        boolean commitMayHaveHappened = false;
        int failuresInARow = 0;
        long previousOffset = -1;
        for (int reconnects = 0; ; reconnects++) {
            Attempt attempt = attempt(factory, progress, commitMayHaveHappened);
            if (attempt.outcome() instanceof AttemptOutcome.Completed completed) {
                progress.finish();
                long offset = firstOffset < 0 ? completed.result().resumeOffset() : firstOffset;
                return completed.result().afterAttempts(progress.bytes(), offset, reconnects);
            }
            AttemptOutcome.Failed failed = (AttemptOutcome.Failed) attempt.outcome();
            if (firstOffset < 0) {
                firstOffset = failed.plannedOffset();
            }
            commitMayHaveHappened |= failed.commitSent();
            // an attempt that starts further than the one before shows the earlier one's bytes were kept: only attempts
            // without such progress count against the limit, so a link that drops every few hundred MiB still gets a
            // large resumed file across, while one that keeps starting over gives up
            failuresInARow = failed.plannedOffset() > previousOffset ? 1 : failuresInARow + 1;
            previousOffset = Math.max(previousOffset, failed.plannedOffset());
            String reason = reason(failed, attempt.failure());
            // a stream that was read from cannot be sent again
            boolean sourceAllowsRetry = repeatableSource || !failed.planned();
            boolean retryable = attempt.failure().retryable() && sourceAllowsRetry;
            if (!retryable || failuresInARow > policy.maximumReconnectAttempts()) {
                String after = reconnects == 0 ? "" : " (after " + reconnects + " reconnects)";
                if (attempt.failure().retryable() && !sourceAllowsRetry) {
                    reason += "; the body was a stream, which cannot be read again: send a File or byte[] to let the"
                              + " transfer reconnect";
                }
                throw new HusshTransferException(remotePath, what + " failed" + after + ": " + reason, failed.cause());
            }
            progress.reconnected();
            Duration delay = policy.delayBefore(failuresInARow);
            LOG.warn("{}: {}; reconnecting in {} ms (attempt {} of {} without progress)", what, reason,
                    delay.toMillis(), failuresInARow, policy.maximumReconnectAttempts());
            pause(delay, remotePath, what, failed.cause());
        }
    }

    /** An attempt's outcome, and how the classifier sees its failure ({@code null} when it completed). */
    private record Attempt(AttemptOutcome outcome, FailureClassifier.Failure failure) {
    }

    private Attempt attempt(TransferFactory factory, TransferProgress progress, boolean commitMayHaveHappened) {
        SftpConnection connection;
        try {
            connection = pool.borrow();
        } catch (IOException | RuntimeException e) {
            return new Attempt(AttemptOutcome.Failed.beforePlanning(e), FailureClassifier.classify(e, false, false));
        }
        // the pause before this attempt and its connect are no stall
        progress.touch();
        AttemptOutcome outcome;
        boolean stalled = false;
        try (StallWatchdog.Watch watch = watchdog.watch(connection, progress)) {
            outcome = factory.create(connection, progress, commitMayHaveHappened).run();
            watch.close();
            stalled = watch.fired();
        } catch (RuntimeException e) {
            outcome = AttemptOutcome.Failed.beforePlanning(e);
        } catch (Error e) {
            pool.discard(connection);
            throw e;
        }
        if (outcome instanceof AttemptOutcome.Failed failed) {
            // after a failure the channel may still hold replies to requests in flight: never reuse it
            boolean died = connection.lost();
            pool.discard(connection);
            return new Attempt(outcome, FailureClassifier.classify(failed.cause(), died, stalled));
        }
        pool.release(connection);
        return new Attempt(outcome, null);
    }

    private String reason(AttemptOutcome.Failed failed, FailureClassifier.Failure failure) {
        String message = failed.cause().getMessage();
        return switch (failure) {
            case STALLED -> "the connection stalled: nothing moved for " + watchdog.limit().toSeconds() + " s (four"
                            + " serverAliveInterval periods), so it was cut (" + message + ")";
            case CONNECTION_LOST -> "the connection was lost (" + message + ")";
            case CONNECT_FAILED, LEASE_LOST, FINAL -> message;
        };
    }

    private static void pause(Duration delay, String remotePath, String what, Exception failure)
            throws HusshTransferException {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HusshTransferException(remotePath, what + " was interrupted while waiting to reconnect", failure);
        }
    }
}
