package io.hussh.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;


/**
 * A real PostgreSQL server of the tests' own, on 127.0.0.1 only: a fresh cluster in a temporary directory, started by
 * the test and stopped after it. The binaries are the machine's Debian packages ({@code postgresql}) where installed,
 * else the PostgreSQL build that zonky ships as a Maven artifact (a test dependency), so that {@code mvn verify} needs
 * nothing else. As root (CI) the server runs as the {@code postgres} user (or {@code nobody}), since PostgreSQL refuses
 * to run as root.
 */
public final class LocalPostgres implements AutoCloseable {

    private static final Path DEBIAN_BINARIES = Path.of("/usr/lib/postgresql");
    private static final String ZONKY_ARCHIVE = "postgres-linux-x86_64.txz";
    private static final String ZONKY_VERSION = "14.22.0";

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
            run(List.of("chown", "-R", serverUser(), directory.toString()), false);
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
        postgres.awaitReady();
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

    /**
     * Waits until the server accepts a session, not only a socket: PostgreSQL listens before its startup recovery ends
     * and answers "the database system is starting up" (SQLSTATE 57P03) in between.
     */
    private void awaitReady() throws Exception {
        SQLException last = null;
        for (int i = 0; i < 300 && server.isAlive(); i++) {
            try (Connection session = DriverManager.getConnection(jdbcUrl())) {
                return;
            } catch (SQLException notYet) {
                last = notYet;
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("PostgreSQL did not accept sessions on port " + port + ":\n"
                                        + Files.readString(directory.resolve("server.log")), last);
    }

    private static Path binaries() throws Exception {
        if (Files.isDirectory(DEBIAN_BINARIES)) {
            try (Stream<Path> versions = Files.list(DEBIAN_BINARIES)) {
                Path newest = versions.filter(version -> Files.isExecutable(version.resolve("bin/postgres")))
                        .max(Comparator.comparing(version -> Integer.parseInt(version.getFileName().toString())))
                        .orElse(null);
                if (newest != null) {
                    return newest.resolve("bin");
                }
            }
        }
        return zonkyBinaries();
    }

    /** Unpacks the binaries of the zonky artifact once per JVM, into a directory every user may read. */
    private static synchronized Path zonkyBinaries() throws Exception {
        Path unpacked = Path.of(System.getProperty("java.io.tmpdir"), "hussh-postgres-binaries-" + ZONKY_VERSION);
        if (Files.isExecutable(unpacked.resolve("bin/postgres"))) {
            return unpacked.resolve("bin");
        }
        try (InputStream archive = LocalPostgres.class.getResourceAsStream("/" + ZONKY_ARCHIVE)) {
            if (archive == null) {
                throw new IllegalStateException("Neither Debian's postgresql package (" + DEBIAN_BINARIES + ") nor "
                                                + ZONKY_ARCHIVE + " from the zonky test dependency is available");
            }
            Path staging = Files.createTempDirectory("hussh-postgres-staging");
            Files.copy(archive, staging.resolve(ZONKY_ARCHIVE));
            run(List.of("tar", "-xJf", staging.resolve(ZONKY_ARCHIVE).toString(), "-C", staging.toString()), false);
            Files.delete(staging.resolve(ZONKY_ARCHIVE));
            run(List.of("chmod", "-R", "a+rX", staging.toString()), false);
            Files.move(staging, unpacked, StandardCopyOption.ATOMIC_MOVE);
        }
        return unpacked.resolve("bin");
    }

    private static String serverUser() throws Exception {
        Process id = new ProcessBuilder("id", "-u", "postgres").redirectErrorStream(true).start();
        id.getInputStream().readAllBytes();
        return id.waitFor() == 0 ? "postgres" : "nobody";
    }

    private static List<String> asUser(List<String> command, boolean root) {
        if (!root) {
            return command;
        }
        List<String> wrapped;
        try {
            wrapped = new ArrayList<>(List.of("runuser", "-u", serverUser(), "--"));
        } catch (Exception e) {
            throw new IllegalStateException("cannot tell which user runs PostgreSQL", e);
        }
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
