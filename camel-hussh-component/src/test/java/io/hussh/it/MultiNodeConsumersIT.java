package io.hussh.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

import io.hussh.testing.ChildJvm;
import io.hussh.testing.ErrorCatalog;
import io.hussh.testing.LocalPostgres;
import io.hussh.testing.TestFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Consumers of one outbox on several nodes: separate JVM processes sharing a real PostgreSQL server (the JDBC
 * idempotent repositories of camel-sql), or one active among them through a Camel cluster service.
 */
class MultiNodeConsumersIT extends MatrixTestSupport {

    private static final ErrorCatalog CATALOG = new ErrorCatalog("Several consumers",
            "separate JVM processes sharing a PostgreSQL server, MultiNodeConsumersIT");
    private static LocalPostgres postgres;
    private final List<ChildJvm> nodes = new ArrayList<>();

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = LocalPostgres.start();
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl());
             Statement statement = connection.createStatement()) {
            // camel-sql's own table, with room for long remote paths; created once, not by racing nodes
            statement.execute("CREATE TABLE CAMEL_MESSAGEPROCESSED (processorName VARCHAR(255),"
                              + " messageId VARCHAR(1024), createdAt TIMESTAMP, PRIMARY KEY (processorName, messageId))");
        }
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        CATALOG.write();
        if (postgres != null) {
            postgres.close();
        }
    }

    @AfterEach
    void stopNodes() throws Exception {
        for (ChildJvm node : nodes) {
            node.close();
        }
    }

    static Stream<Arguments> nodeCounts() {
        return Stream.concat(Stream.of(Arguments.of(ServerKind.MINA, 2)),
                Stream.of(ServerKind.values()).map(kind -> Arguments.of(kind, 3)));
    }

    @ParameterizedTest(name = "{0}, {1} consumer nodes")
    @MethodSource("nodeCounts")
    void nodesSharingAJdbcRepositoryDeliverEveryFileOnceInAll(ServerKind kind, int count) throws Exception {
        connect(kind);
        String outbox = server.newDirectory("outbox");
        Path deliveries = tmp.resolve("deliveries.txt");
        for (int i = 0; i < count; i++) {
            nodes.add(consumer(server.port(), outbox, tmp.resolve("node-" + i), deliveries, "jdbc", postgres.jdbcUrl()));
        }
        // the files arrive while every node polls, each complete under its name at once
        Map<String, String> expected = new HashMap<>();
        for (int i = 0; i < 60; i++) {
            byte[] content = TestFiles.randomBytes(20_000 + i * 1000, 300 + i);
            String name = "file-" + i + ".bin";
            server.seed(outbox + "/" + name + ".hussh.tmp", content);
            Files.move(server.local(outbox + "/" + name + ".hussh.tmp"), server.local(outbox + "/" + name),
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            expected.put(name, TestFiles.sha256(content));
            Thread.sleep(20);
        }
        List<String[]> delivered = settledDeliveries(deliveries, lines -> lines.size() >= expected.size());

        Map<String, String> seen = new HashMap<>();
        for (String[] line : delivered) {
            assertThat(seen.put(line[1], line[2])).as("delivered twice: " + line[1]).isNull();
        }
        assertThat(seen).isEqualTo(expected);
        assertThat(delivered.stream().map(line -> line[4]).distinct().count()).as("nodes that delivered")
                .isGreaterThan(1);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = ServerKind.class, names = {"MINA", "OPENSSH", "PROFTPD"})
    void aNodeKilledMidDownloadGivesUpItsClaimWithinTheOrphanTimeout(ServerKind kind) throws Exception {
        connect(kind);
        String outbox = server.newDirectory("orphans");
        byte[] content = TestFiles.randomBytes(16 * 1024 * 1024, 400);
        server.seed(outbox + "/big.bin", content);
        Path deliveries = tmp.resolve("deliveries.txt");

        ChildJvm doomed = consumer(nodeProxy(2L * 1024 * 1024), outbox, tmp.resolve("doomed"), deliveries,
                "orphan-aware", postgres.jdbcUrl());
        nodes.add(doomed);
        TestFiles.awaitSize(tmp.resolve("doomed/big.bin.hussh.tmp"), 2 * 1024 * 1024);
        doomed.kill();
        long killed = System.nanoTime();
        nodes.add(consumer(server.port(), outbox, tmp.resolve("heir"), deliveries, "orphan-aware",
                postgres.jdbcUrl()));

        awaitDeliveries(deliveries, lines -> !lines.isEmpty());
        long tookMillis = (System.nanoTime() - killed) / 1_000_000;
        List<String[]> delivered = settledDeliveries(deliveries, lines -> !lines.isEmpty());

        assertThat(delivered).hasSize(1);
        assertThat(delivered.get(0)[2]).isEqualTo(TestFiles.sha256(content));
        // the dead node's last keep-alive came at most a keep-alive interval before the kill
        assertThat(tookMillis).as("the orphaned claim was seized after its maximum age")
                .isGreaterThanOrEqualTo(ConsumerNode.LOCK_MAX_AGE_MILLIS * 3 / 4);
        assertThat(server.local(outbox + "/.done/big.bin")).exists();
        CATALOG.recordSeen("a consumer node killed mid-download, JdbcOrphanLockAwareIdempotentRepository (" + kind
                           + ")", "no error (camel-sql logs at DEBUG that it seized the orphan lock)",
                "the file, delivered once by another node after lockMaxAgeMillis, then moved to .done");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = ServerKind.class, names = {"MINA", "OPENSSH", "PROFTPD"})
    void withOneActiveConsumerTheOtherNodeTakesOverAndResumesTheSharedPartial(ServerKind kind) throws Exception {
        connect(kind);
        String outbox = server.newDirectory("single-active");
        byte[] content = TestFiles.randomBytes(16 * 1024 * 1024, 500);
        server.seed(outbox + "/big.bin", content);
        Path deliveries = tmp.resolve("deliveries.txt");
        Path shared = tmp.resolve("shared-in");
        Path cluster = Files.createDirectories(tmp.resolve("cluster"));

        ChildJvm leader = consumer(nodeProxy(2L * 1024 * 1024), outbox, shared, deliveries, "single-active",
                cluster.toString());
        nodes.add(leader);
        TestFiles.awaitSize(shared.resolve("big.bin.hussh.tmp"), 2 * 1024 * 1024);
        ChildJvm follower = consumer(server.port(), outbox, shared, deliveries, "single-active", cluster.toString());
        nodes.add(follower);
        Thread.sleep(1500);
        assertThat(deliveries).doesNotExist();
        leader.kill();

        List<String[]> delivered = settledDeliveries(deliveries, lines -> !lines.isEmpty());

        assertThat(delivered).hasSize(1);
        String[] line = delivered.get(0);
        assertThat(line[2]).isEqualTo(TestFiles.sha256(content));
        assertThat(line[4]).isEqualTo(String.valueOf(follower.pid()));
        assertThat(Long.parseLong(line[3])).as("resumed from the leader's partial").isGreaterThan(0);
    }

    private ChildJvm consumer(int port, String outbox, Path localDirectory, Path deliveries, String mode, String arg)
            throws Exception {
        ChildJvm node = ChildJvm.start(Files.createTempFile(tmp, "consumer-", ".log"), ConsumerNode.class,
                String.valueOf(port), knownHosts.toString(), outbox, localDirectory.toString(), deliveries.toString(),
                mode, arg);
        node.awaitOutput("STARTED", 60);
        return node;
    }

    /** The deliveries once {@code done} holds, and two more seconds in which a duplicate would have shown. */
    private static List<String[]> settledDeliveries(Path file, Predicate<List<String[]>> done) throws Exception {
        awaitDeliveries(file, done);
        Thread.sleep(2000);
        return deliveries(file);
    }

    private static List<String[]> awaitDeliveries(Path file, Predicate<List<String[]>> done) throws Exception {
        long until = System.nanoTime() + 90_000_000_000L;
        List<String[]> lines = deliveries(file);
        while (!done.test(lines) && System.nanoTime() < until) {
            Thread.sleep(100);
            lines = deliveries(file);
        }
        return lines;
    }

    private static List<String[]> deliveries(Path file) throws Exception {
        List<String[]> lines = new ArrayList<>();
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith("DELIVERED ")) {
                    lines.add(line.split(" "));
                }
            }
        }
        return lines;
    }
}
