package io.hussh.sftp;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renews the {@link RemoteLease}s of one server's uploads on connections of its own, borrowed from the pool, so that a
 * transfer's channel never carries two conversations at once ({@code ChannelSftp} is not thread-safe).
 */
final class LeaseKeeper implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LeaseKeeper.class);

    interface Work {
        void run(SftpConnection connection) throws Exception;
    }

    private final SftpConnectionPool pool;
    private final ScheduledExecutorService timer;
    /** Apart from the renewals, so that a renewal stuck on a dead network cannot keep a lease from expiring. */
    private final ScheduledExecutorService deadlines;
    private final Map<RemoteLease, List<ScheduledFuture<?>>> kept = new ConcurrentHashMap<>();

    LeaseKeeper(SftpConnectionPool pool) {
        this.pool = pool;
        this.timer = DaemonTimer.named("hussh-lease-keeper");
        this.deadlines = DaemonTimer.named("hussh-lease-deadlines");
    }

    void keep(RemoteLease lease) {
        long period = Math.max(1, lease.renewInterval().toMillis());
        List<ScheduledFuture<?>> previous = kept.put(lease, List.of(
                timer.scheduleWithFixedDelay(() -> renew(lease), period, period, TimeUnit.MILLISECONDS),
                deadlines.scheduleWithFixedDelay(lease::expireIfDue, period / 2, Math.max(1, period / 2),
                        TimeUnit.MILLISECONDS)));
        if (previous != null) {
            previous.forEach(future -> future.cancel(false));
        }
    }

    private void renew(RemoteLease lease) {
        SftpConnection connection;
        try {
            connection = pool.borrow();
        } catch (IOException | RuntimeException e) {
            lease.renewalFailed(e);
            return;
        }
        lease.renew(connection);
        pool.release(connection);
    }

    void forget(RemoteLease lease) {
        List<ScheduledFuture<?>> futures = kept.remove(lease);
        if (futures != null) {
            futures.forEach(future -> future.cancel(false));
        }
    }

    /**
     * Runs {@code work} on a pooled connection; a failure is logged at WARN with {@code failureMessage}.
     */
    void withConnection(Work work, String failureMessage) {
        SftpConnection connection = null;
        try {
            connection = pool.borrow();
            work.run(connection);
            pool.release(connection);
        } catch (Exception e) {
            if (connection != null) {
                pool.discard(connection);
            }
            LOG.warn("{}: {}", failureMessage, e.toString());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        deadlines.shutdownNow();
    }
}
