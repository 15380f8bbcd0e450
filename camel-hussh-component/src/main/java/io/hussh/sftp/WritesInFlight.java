package io.hussh.sftp;

import java.time.Duration;

/**
 * How many write requests of an upload are in flight at once: what carries {@link #RATE} over the connection's round
 * trip, at least {@link #MINIMUM} and at most {@code bulkRequests}.
 * <p>
 * More writes in flight than the link needs slow an upload down on a short round trip, where a few run fastest, and
 * too few cap it on a long one, where every round trip carries at most what is in flight; the measurements behind
 * both ends are in docs/benchmarks.md ("Writes in flight").
 */
final class WritesInFlight {

    static final int MINIMUM = 16;
    /** A rate above what one SSH connection reaches, so that the round trip alone sets the number. */
    static final long RATE = 400L * 1024 * 1024;
    private static final int REQUEST_SIZE = 32 * 1024;

    private WritesInFlight() {
    }

    static int forRoundTrip(Duration roundTrip, int bulkRequests) {
        double needed = RATE * (roundTrip.toNanos() / 1e9) / REQUEST_SIZE;
        return (int) Math.max(Math.min(MINIMUM, bulkRequests), Math.min(bulkRequests, Math.ceil(needed)));
    }
}
