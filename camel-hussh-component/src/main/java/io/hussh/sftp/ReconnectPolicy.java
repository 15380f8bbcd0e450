package io.hussh.sftp;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often and how patiently a transfer reconnects after its connection broke, within the same call. The delay
 * doubles from {@code reconnectDelay} up to {@code maximumReconnectDelay}, with jitter so that many clients cut by the
 * same outage do not come back at the same instant.
 */
public record ReconnectPolicy(int maximumReconnectAttempts, Duration reconnectDelay, Duration maximumReconnectDelay) {

    /** Fail at the first broken connection. */
    public static ReconnectPolicy none() {
        return new ReconnectPolicy(0, Duration.ZERO, Duration.ZERO);
    }

    /** The pause before reconnect number {@code attempt} (1 for the first). */
    Duration delayBefore(int attempt) {
        long base = reconnectDelay.toMillis() << Math.min(attempt - 1, 20);
        long capped = Math.min(base, Math.max(reconnectDelay.toMillis(), maximumReconnectDelay.toMillis()));
        // full delay at most, half of it at least
        return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }
}
