package io.hussh.sftp;

import java.time.Duration;
import java.util.List;

/**
 * Bytes moved by one transfer, when it last made any progress at all (for the stall watchdog), and the reports to
 * its listeners.
 */
final class TransferProgress {

    private static final long REPORT_INTERVAL = Duration.ofSeconds(1).toNanos();

    private final String remotePath;
    private final boolean upload;
    private final List<TransferListener> listeners;
    /** The whole transfer's progress, when this is one stream's part of it; {@code null} otherwise. */
    private final TransferProgress whole;
    private volatile long bytes;
    private volatile long lastActivity = System.nanoTime();
    private volatile int reconnects;
    private volatile int streams = 1;
    private long offset;
    private long total = -1;
    private long attemptStart;
    private long bytesAtAttemptStart;
    private long lastReport;

    TransferProgress(String remotePath, boolean upload, List<TransferListener> listeners) {
        this.remotePath = remotePath;
        this.upload = upload;
        this.listeners = listeners;
        this.whole = null;
    }

    private TransferProgress(TransferProgress whole) {
        this.remotePath = whole.remotePath;
        this.upload = whole.upload;
        this.listeners = List.of();
        this.whole = whole;
    }

    /**
     * The progress of one stream of a segmented transfer: its own idle time (for the stall watchdog of its
     * connection), counted into this one.
     */
    TransferProgress part() {
        return new TransferProgress(this);
    }

    /** An attempt starts writing at {@code offset} of a source of {@code total} bytes. */
    synchronized void begin(long offset, long total) {
        this.offset = offset;
        this.total = total;
        this.streams = 1;
        this.attemptStart = System.nanoTime();
        this.bytesAtAttemptStart = bytes;
        this.lastReport = attemptStart;
        touch();
    }

    /** Streams of one transfer advance it from several threads. */
    synchronized void advance(long count) {
        if (whole != null) {
            whole.advance(count);
        }
        bytes += count;
        long now = System.nanoTime();
        lastActivity = now;
        if (now - lastReport >= REPORT_INTERVAL) {
            lastReport = now;
            report(false, now);
        }
    }

    /** The transfer, or one of its streams, connected again after its connection broke. */
    synchronized void reconnected() {
        if (whole != null) {
            whole.reconnected();
        }
        reconnects++;
    }

    /** How many connections carry the file's data now. */
    void streams(int count) {
        if (whole != null) {
            whole.streams(count);
        }
        streams = count;
    }

    /** Marks progress that moves no payload: a step of the transfer completed. */
    void touch() {
        if (whole != null) {
            whole.touch();
        }
        lastActivity = System.nanoTime();
    }

    synchronized void finish() {
        report(true, System.nanoTime());
    }

    long bytes() {
        return bytes;
    }

    long idleNanos() {
        return System.nanoTime() - lastActivity;
    }

    /** Where the transfer stands now. */
    synchronized TransferStatus status() {
        return status(false, System.nanoTime());
    }

    private TransferStatus status(boolean done, long now) {
        long moved = bytes - bytesAtAttemptStart;
        double seconds = Math.max(1e-9, (now - attemptStart) / 1e9);
        return new TransferStatus(remotePath, upload, offset + moved, total, offset, moved / seconds, reconnects,
                streams, done);
    }

    private void report(boolean done, long now) {
        TransferStatus status = status(done, now);
        for (TransferListener listener : listeners) {
            listener.progress(status);
        }
    }
}
