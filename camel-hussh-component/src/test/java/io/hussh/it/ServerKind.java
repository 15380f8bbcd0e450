package io.hussh.it;

import java.util.EnumMap;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;

/** The server matrix: each kind is started once per test run, on first use, and stopped when the JVM ends. */
public enum ServerKind {

    OPENSSH("OpenSSH sftp-server", true),
    MINA("MINA SSHD", false),
    MINA_NO_OPENSSH_EXTENSIONS("MINA SSHD, no posix-rename", false),
    PROFTPD("ProFTPD mod_sftp", true);

    private static final Map<ServerKind, ServerUnderTest> STARTED = new EnumMap<>(ServerKind.class);

    private final String label;
    private final boolean needsDocker;

    ServerKind(String label, boolean needsDocker) {
        this.label = label;
        this.needsDocker = needsDocker;
    }

    /** The running server; aborts the test when Docker is missing, unless on CI, where that is a failure. */
    public ServerUnderTest server() throws Exception {
        synchronized (STARTED) {
            ServerUnderTest server = STARTED.get(this);
            if (server == null) {
                requireDockerIfNeeded();
                server = start();
                STARTED.put(this, server);
                ServerUnderTest started = server;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        started.close();
                    } catch (Exception e) {
                        System.err.println("could not stop " + label + ": " + e);
                    }
                }));
            }
            return server;
        }
    }

    private ServerUnderTest start() throws Exception {
        return switch (this) {
            case OPENSSH -> ContainerServerUnderTest.openSsh();
            case MINA -> new MinaServerUnderTest(true);
            case MINA_NO_OPENSSH_EXTENSIONS -> new MinaServerUnderTest(false);
            case PROFTPD -> ContainerServerUnderTest.proFtpd();
        };
    }

    private void requireDockerIfNeeded() {
        if (!needsDocker || DockerClientFactory.instance().isDockerAvailable()) {
            return;
        }
        String reason = "Docker is not available, so the " + label + " container cannot run"
                        + " (on a machine without an image registry, run .ci/prepare-docker first)";
        if ("true".equals(System.getenv("CI"))) {
            throw new IllegalStateException(reason + "; on CI that is a failure, not a skip");
        }
        Assumptions.abort(reason);
    }

    @Override
    public String toString() {
        return label;
    }
}
