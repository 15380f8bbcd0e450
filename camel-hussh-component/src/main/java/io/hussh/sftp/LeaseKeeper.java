package io.hussh.sftp;

import java.io.IOException;
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
    private final Map<RemoteLease, ScheduledFuture<?>> renewals = new ConcurrentHashMap<>();

    LeaseKeeper(SftpConnectionPool pool) {
        this.pool = pool;
        this.timer = DaemonTimer.named("hussh-lease-keeper");
    }

    void keep(RemoteLease lease) {
        long period = Math.max(1, lease.renewInterval().toMillis());
        ScheduledFuture<?> previous = renewals.put(lease, timer.scheduleWithFixedDelay(
                () -> renew(lease), period, period, TimeUnit.MILLISECONDS));
        if (previous != null) {
            previous.cancel(false);
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
        ScheduledFuture<?> renewal = renewals.remove(lease);
        if (renewal != null) {
            renewal.cancel(false);
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
    }
}
