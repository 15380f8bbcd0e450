package io.hussh.sftp;

/** Bytes moved by one transfer, and when it last made any progress at all. */
final class TransferProgress {

    private volatile long bytes;
    private volatile long lastActivity = System.nanoTime();

    void advance(long count) {
        bytes += count;
        lastActivity = System.nanoTime();
    }

    /** Marks progress that moves no payload: a step of the transfer completed. */
    void touch() {
        lastActivity = System.nanoTime();
    }

    long bytes() {
        return bytes;
    }

    long idleNanos() {
        return System.nanoTime() - lastActivity;
    }
}
