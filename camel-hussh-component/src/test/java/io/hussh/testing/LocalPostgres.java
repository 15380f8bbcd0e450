package io.hussh.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/**
 * A real PostgreSQL server of the tests' own, from the machine's Debian packages ({@code postgresql}), on 127.0.0.1
 * only: a fresh cluster in a temporary directory, started by the test and stopped after it. As root (CI) the server
 * runs as the {@code postgres} user, since PostgreSQL refuses to run as root. Without the packages the tests that need
 * it are skipped with the reason, except on CI, where that is a failure.
 */
public final class LocalPostgres implements AutoCloseable {

    private static final Path DEBIAN_BINARIES = Path.of("/usr/lib/postgresql");

    private final Process server;
    private final int port;
    private final Path directory;

    private LocalPostgres(Process server, int port, Path directory) {
        this.server = server;
        this.port = port;
        this.directory = directory;
    }

    public static LocalPostgres start() throws Exception {
        Path bin = binaries();
        Path directory = Files.createTempDirectory("hussh-postgres");
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) {
            run(List.of("chown", "-R", "postgres", directory.toString()), false);
        }
        Path data = directory.resolve("data");
        run(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "hussh", "--auth=trust",
                "-E", "UTF8", "--no-sync"), root);
        int port = freePort();
        List<String> command = List.of(bin.resolve("postgres").toString(), "-D", data.toString(), "-p",
                String.valueOf(port), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=" + directory,
                "-c", "fsync=off", "-c", "max_connections=50");
        Process server = new ProcessBuilder(asUser(command, root)).redirectErrorStream(true)
                .redirectOutput(directory.resolve("server.log").toFile()).start();
        LocalPostgres postgres = new LocalPostgres(server, port, directory);
        postgres.awaitListening();
        return postgres;
    }

    /** The JDBC address of the {@code postgres} database, user {@code hussh}, no password (trust on loopback). */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=hussh";
    }

    public int port() {
        return port;
    }

    @Override
    public void close() throws Exception {
        server.destroy();
        if (!server.waitFor(20, TimeUnit.SECONDS)) {
            server.destroyForcibly();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        }
    }

    private void awaitListening() throws Exception {
        for (int i = 0; i < 300; i++) {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                if (!server.isAlive()) {
                    break;
                }
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("PostgreSQL did not start on port " + port + ":\n"
                                        + Files.readString(directory.resolve("server.log")));
    }

    private static Path binaries() throws IOException {
        Path newest = null;
        if (Files.isDirectory(DEBIAN_BINARIES)) {
            try (Stream<Path> versions = Files.list(DEBIAN_BINARIES)) {
                newest = versions.filter(version -> Files.isExecutable(version.resolve("bin/postgres")))
                        .max(Comparator.comparing(version -> Integer.parseInt(version.getFileName().toString())))
                        .orElse(null);
            }
        }
        if (newest == null) {
            String reason = "PostgreSQL is not installed (Debian package postgresql, " + DEBIAN_BINARIES + ")";
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(reason + "; on CI that is a failure, not a skip");
            }
            Assumptions.abort(reason);
        }
        return newest.resolve("bin");
    }

    private static List<String> asUser(List<String> command, boolean root) {
        if (!root) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    private static void run(List<String> command, boolean asPostgres) throws Exception {
        Process process = new ProcessBuilder(asUser(command, asPostgres)).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
