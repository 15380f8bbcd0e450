package io.hussh.sftp;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how to open SSH sessions. Immutable; made with {@link #builder(String, String)}. The values are taken as
 * given: the front end (the Camel endpoint's option resolver) checks what users type. Secrets are held here but never
 * rendered by {@link #toString()}.
 */
public final class ConnectionSettings {

    /** What raising it buys on long round trips, and what it costs, is measured in docs/benchmarks.md. */
    public static final int DEFAULT_BULK_REQUESTS = 128;
    /** What it buys on long links and costs nowhere else is measured in docs/benchmarks.md. */
    public static final int DEFAULT_PARALLEL_STREAMS = 8;

    private final String host;
    private final int port;
    private final String username;
    private final String password;
    private final Path privateKeyFile;
    private final String privateKeyPassphrase;
    private final Path knownHostsFile;
    private final boolean strictHostKeyChecking;
    private final Duration connectTimeout;
    private final Duration serverAliveInterval;
    private final int bulkRequests;
    private final int parallelStreams;

    private ConnectionSettings(Builder builder) {
        this.host = Objects.requireNonNull(builder.host, "host");
        this.port = builder.port;
        this.username = Objects.requireNonNull(builder.username, "username");
        this.password = builder.password;
        this.privateKeyFile = builder.privateKeyFile;
        this.privateKeyPassphrase = builder.privateKeyPassphrase;
        this.knownHostsFile = builder.knownHostsFile;
        this.strictHostKeyChecking = builder.strictHostKeyChecking;
        this.connectTimeout = Objects.requireNonNull(builder.connectTimeout, "connectTimeout");
        this.serverAliveInterval = Objects.requireNonNull(builder.serverAliveInterval, "serverAliveInterval");
        this.bulkRequests = builder.bulkRequests;
        this.parallelStreams = builder.parallelStreams;
    }

    /**
     * Port 22, host keys checked against {@code ~/.ssh/known_hosts}, 10 s to connect, a keepalive every 15 s and
     * {@link #DEFAULT_BULK_REQUESTS} reads in flight, until told otherwise.
     */
    public static Builder builder(String host, String username) {
        return new Builder(host, username);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String username() {
        return username;
    }

    /** The password, or {@code null} for public-key authentication only. */
    public String password() {
        return password;
    }

    public Path privateKeyFile() {
        return privateKeyFile;
    }

    public String privateKeyPassphrase() {
        return privateKeyPassphrase;
    }

    /** The OpenSSH known_hosts file to verify host keys against. */
    public Path knownHostsFile() {
        return knownHostsFile;
    }

    /** {@code true} refuses unknown and changed host keys. */
    public boolean strictHostKeyChecking() {
        return strictHostKeyChecking;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** Keepalive interval; also bounds how long a silent connection may block a read. */
    public Duration serverAliveInterval() {
        return serverAliveInterval;
    }

    /** SFTP read requests one download keeps in flight, 32 KiB each. */
    public int bulkRequests() {
        return bulkRequests;
    }

    /**
     * Data connections one file may be split over; also what all the split transfers of these settings share, so that
     * they never open more than this many connections beside one of their own each.
     */
    public int parallelStreams() {
        return parallelStreams;
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

    /** Builds {@link ConnectionSettings}; every setter names its setting, so two values cannot be swapped. */
    public static final class Builder {

        private final String host;
        private final String username;
        private int port = 22;
        private String password;
        private Path privateKeyFile;
        private String privateKeyPassphrase;
        private Path knownHostsFile = Path.of(System.getProperty("user.home"), ".ssh", "known_hosts");
        private boolean strictHostKeyChecking = true;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration serverAliveInterval = Duration.ofSeconds(15);
        private int bulkRequests = DEFAULT_BULK_REQUESTS;
        private int parallelStreams = DEFAULT_PARALLEL_STREAMS;

        private Builder(String host, String username) {
            this.host = host;
            this.username = username;
        }

        private Builder(ConnectionSettings settings) {
            host = settings.host;
            username = settings.username;
            port = settings.port;
            password = settings.password;
            privateKeyFile = settings.privateKeyFile;
            privateKeyPassphrase = settings.privateKeyPassphrase;
            knownHostsFile = settings.knownHostsFile;
            strictHostKeyChecking = settings.strictHostKeyChecking;
            connectTimeout = settings.connectTimeout;
            serverAliveInterval = settings.serverAliveInterval;
            bulkRequests = settings.bulkRequests;
            parallelStreams = settings.parallelStreams;
        }

        public Builder port(int value) {
            port = value;
            return this;
        }

        public Builder password(String value) {
            password = value;
            return this;
        }

        public Builder privateKeyFile(Path value) {
            privateKeyFile = value;
            return this;
        }

        public Builder privateKeyPassphrase(String value) {
            privateKeyPassphrase = value;
            return this;
        }

        public Builder knownHostsFile(Path value) {
            knownHostsFile = value;
            return this;
        }

        public Builder strictHostKeyChecking(boolean value) {
            strictHostKeyChecking = value;
            return this;
        }

        public Builder connectTimeout(Duration value) {
            connectTimeout = value;
            return this;
        }

        public Builder serverAliveInterval(Duration value) {
            serverAliveInterval = value;
            return this;
        }

        public Builder bulkRequests(int value) {
            bulkRequests = value;
            return this;
        }

        public Builder parallelStreams(int value) {
            parallelStreams = value;
            return this;
        }

        public ConnectionSettings build() {
            return new ConnectionSettings(this);
        }
    }
}
