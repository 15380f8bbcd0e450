package io.hussh.sftp;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Aborts transfers on which nothing has moved for too long. JSch's keepalive only runs when its reader times out; a
 * writer blocked on a full TCP send buffer (a peer that stopped reading) blocks the keepalive too, and would wait
 * forever. Closing the socket from here unblocks both.
 */
final class StallWatchdog implements AutoCloseable {

    private final Duration limit;
    private final ScheduledExecutorService timer;

    StallWatchdog(Duration limit) {
        this.limit = limit;
        this.timer = DaemonTimer.named("hussh-stall-watchdog");
    }

    Duration limit() {
        return limit;
    }

    /** Watches one transfer until the returned watch is closed. */
    Watch watch(SftpConnection connection, TransferProgress progress) {
        long period = Math.max(10, limit.toMillis() / 4);
        Watch watch = new Watch();
        watch.future = timer.scheduleAtFixedRate(() -> {
            synchronized (watch) {
                if (!watch.closed && progress.idleNanos() > limit.toNanos()) {
                    watch.fired = true;
                    connection.abort();
                    watch.close();
                }
            }
        }, period, period, TimeUnit.MILLISECONDS);
        return watch;
    }

    static final class Watch implements AutoCloseable {

        private volatile ScheduledFuture<?> future;
        private volatile boolean fired;
        private boolean closed;

        /** Whether the watchdog aborted the connection. */
        boolean fired() {
            return fired;
        }

        /** Once this returns the watchdog never touches the connection again, so it may go back to the pool. */
        @Override
        public synchronized void close() {
            closed = true;
            if (future != null) {
                future.cancel(false);
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
