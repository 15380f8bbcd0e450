package io.hussh.sftp;

/**
 * Where a transfer stands.
 *
 * @param remotePath     the remote file
 * @param upload         true for an upload, false for a download
 * @param position       bytes at the destination now, the resumed part included
 * @param total          size of the source, or -1 when unknown (a stream)
 * @param resumedFrom    the offset this attempt started from
 * @param bytesPerSecond payload rate of this attempt so far
 * @param reconnects     reconnects so far, of the transfer and of its streams
 * @param streams        connections carrying the file's data now: more than one when it is split into segments
 * @param done           the transfer completed
 */
public record TransferStatus(String remotePath, boolean upload, long position, long total, long resumedFrom,
        double bytesPerSecond, int reconnects, int streams, boolean done) {

    /** Percent done, or -1 when the total is unknown. */
    public double percent() {
        return total > 0 ? 100.0 * position / total : total == 0 ? 100 : -1;
    }

    /** Seconds left at the current rate, or -1 when that cannot be told. */
    public long secondsLeft() {
        return total < 0 || bytesPerSecond <= 0 ? -1 : (long) Math.ceil((total - position) / bytesPerSecond);
    }
}
