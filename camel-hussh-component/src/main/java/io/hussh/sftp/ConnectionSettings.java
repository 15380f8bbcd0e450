package io.hussh.sftp;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how to open SSH sessions. Secrets are held here but never rendered by {@link #toString()}.
 *
 * @param knownHostsFile          the OpenSSH known_hosts file to verify host keys against
 * @param strictHostKeyChecking   {@code true} refuses unknown and changed host keys
 * @param serverAliveInterval     keepalive interval; also bounds how long a silent connection may block a read
 * @param bulkRequests            SFTP read requests one download keeps in flight, 32 KiB each
 */
public record ConnectionSettings(
        String host,
        int port,
        String username,
        String password,
        Path privateKeyFile,
        String privateKeyPassphrase,
        Path knownHostsFile,
        boolean strictHostKeyChecking,
        Duration connectTimeout,
        Duration serverAliveInterval,
        int bulkRequests) {

    /**
     * On a 40 ms round trip, with the receive window sized to match ({@link ReceiveWindow}), a 256 MiB download ran at
     * 11.4 MiB/s with JSch's own 16, 39.3 with 64 (what OpenSSH's client keeps in flight) and 65.7 with 128
     * (docs/benchmarks.md). 128 costs each connection a 4 MiB reply buffer.
     */
    public static final int DEFAULT_BULK_REQUESTS = 128;

    public ConnectionSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(serverAliveInterval, "serverAliveInterval");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be between 1 and 65535, was " + port);
        }
        if (bulkRequests < 1) {
            throw new IllegalArgumentException("bulkRequests must be at least 1, was " + bulkRequests);
        }
    }

    /** Settings with the default {@link #DEFAULT_BULK_REQUESTS}. */
    public ConnectionSettings(String host, int port, String username, String password, Path privateKeyFile,
                              String privateKeyPassphrase, Path knownHostsFile, boolean strictHostKeyChecking,
                              Duration connectTimeout, Duration serverAliveInterval) {
        this(host, port, username, password, privateKeyFile, privateKeyPassphrase, knownHostsFile,
                strictHostKeyChecking, connectTimeout, serverAliveInterval, DEFAULT_BULK_REQUESTS);
    }

    /** {@code user@host:port}, the way host keys and errors name the server. */
    public String address() {
        return username + "@" + host + ":" + port;
    }

    @Override
    public String toString() {
        return "ConnectionSettings[" + address()
               + ", password=" + (password == null ? "none" : "***")
               + ", privateKeyFile=" + privateKeyFile
               + ", knownHostsFile=" + knownHostsFile
               + ", strictHostKeyChecking=" + strictHostKeyChecking + "]";
    }
}
