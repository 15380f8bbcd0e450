package io.hussh.sftp;

import java.time.Duration;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs long transfers at INFO: file, percentage, MiB/s, time left and the resumed offset, at most every interval. */
final class ProgressLog implements TransferListener {

    private static final Logger LOG = LoggerFactory.getLogger(ProgressLog.class);
    private static final double MIB = 1024.0 * 1024.0;

    private final long threshold;
    private final long intervalNanos;
    private long lastLogged = System.nanoTime();

    /** @param threshold transfers of fewer bytes are not logged */
    ProgressLog(long threshold, Duration interval) {
        this.threshold = threshold;
        this.intervalNanos = interval.toNanos();
    }

    @Override
    public void progress(TransferStatus status) {
        if (status.total() < threshold || status.done()) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastLogged < intervalNanos) {
            return;
        }
        lastLogged = now;
        LOG.info(line(status));
    }

    static String line(TransferStatus status) {
        String resumed = status.resumedFrom() > 0
                ? String.format(Locale.ROOT, ", resumed from %.1f MiB", status.resumedFrom() / MIB) : "";
        long left = status.secondsLeft();
        return String.format(Locale.ROOT, "%s %s: %.0f%% (%.1f of %.1f MiB) at %.1f MiB/s, %s%s",
                status.upload() ? "Uploading" : "Downloading", status.remotePath(), status.percent(),
                status.position() / MIB, status.total() / MIB, status.bytesPerSecond() / MIB,
                left < 0 ? "time left unknown" : left + " s left", resumed);
    }
}
