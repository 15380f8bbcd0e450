package io.hussh.it;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.hussh.camel.HusshConstants;
import io.hussh.testing.FaultProxy.Direction;
import io.hussh.testing.TestFiles;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The hussh: consumer on every server of the matrix. */
class ConsumerIT extends MatrixTestSupport {

    private String outbox;
    private final List<Exchange> delivered = new CopyOnWriteArrayList<>();

    private CamelContext consume(int port, String options, boolean routeFails) throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("hussh:" + ServerUnderTest.USER + "@127.0.0.1:" + port + outbox + "?password=RAW("
                     + ServerUnderTest.PASSWORD + ")&knownHostsFile=" + knownHosts + "&localDirectory="
                     + tmp.resolve("in") + "&initialDelay=0&delay=100&" + options)
                        .process(e -> delivered.add(e.copy()))
                        .process(e -> {
                            if (routeFails) {
                                throw new IllegalStateException("the route rejects " + e.getMessage().getHeader(Exchange.FILE_NAME));
                            }
                        });
            }
        });
        context.start();
        return context;
    }

    private void awaitDeliveries(int count) throws InterruptedException {
        for (int i = 0; i < 600 && delivered.size() < count; i++) {
            Thread.sleep(50);
        }
        assertThat(delivered).hasSizeGreaterThanOrEqualTo(count);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ServerKind.class)
    void filesAreDeliveredOnceAndTempFilesNever(ServerKind kind) throws Exception {
        connect(kind);
        outbox = server.newDirectory("outbox");
        byte[] a = TestFiles.randomBytes(1024 * 1024, 60);
        byte[] b = TestFiles.randomBytes(700_000, 61);
        server.seed(outbox + "/a.bin", a);
        server.seed(outbox + "/b.bin", b);
        server.seed(outbox + "/c.bin.hussh.tmp", new byte[10]);

        try (CamelContext context = consume(server.port(), "atomic=true&resume=true", false)) {
            awaitDeliveries(2);
            Thread.sleep(1000);
        }

        assertThat(delivered).extracting(e -> e.getMessage().getHeader(Exchange.FILE_NAME)).containsExactly("a.bin", "b.bin");
        assertThat(TestFiles.sha256(delivered.get(0).getMessage().getBody(File.class).toPath())).isEqualTo(TestFiles.sha256(a));
        assertThat(TestFiles.sha256(delivered.get(1).getMessage().getBody(File.class).toPath())).isEqualTo(TestFiles.sha256(b));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ServerKind.class)
    void aCutDownloadResumesOnTheNextPoll(ServerKind kind) throws Exception {
        connect(kind);
        outbox = server.newDirectory("outbox");
        int size = 16 * 1024 * 1024;
        int cut = 8 * 1024 * 1024;
        byte[] content = TestFiles.randomBytes(size, 62);
        server.seed(outbox + "/big.bin", content);
        proxy.dropOnceAfter(Direction.DOWNSTREAM, cut);

        try (CamelContext context = consume(proxy.port(), "atomic=true&resume=true&maximumReconnectAttempts=0", false)) {
            awaitDeliveries(1);
        }

        Exchange exchange = delivered.get(0);
        long offset = exchange.getMessage().getHeader(HusshConstants.RESUME_OFFSET, Long.class);
        long remainder = size - offset;
        assertThat(proxy.drops()).isEqualTo(1);
        assertThat(offset).isGreaterThan(2 * 1024 * 1024);
        assertThat(exchange.getMessage().getHeader(HusshConstants.BYTES_TRANSFERRED, Long.class)).isEqualTo(remainder);
        assertThat(proxy.downstreamBytes()).isLessThan(cut + wireBudget(remainder) + 64 * 1024);
        assertThat(TestFiles.sha256(exchange.getMessage().getBody(File.class).toPath())).isEqualTo(TestFiles.sha256(content));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ServerKind.class)
    void aReplacedFileIsDeliveredAgainInFull(ServerKind kind) throws Exception {
        connect(kind);
        outbox = server.newDirectory("outbox");
        Path remote = server.local(outbox + "/prices.csv");
        server.seed(outbox + "/prices.csv", TestFiles.randomBytes(300_000, 63));
        Files.setLastModifiedTime(remote, FileTime.from(Instant.parse("2026-11-01T10:00:00Z")));
        byte[] replaced = TestFiles.randomBytes(300_000, 64);

        try (CamelContext context = consume(server.port(), "atomic=true&resume=true", false)) {
            awaitDeliveries(1);
            server.seed(outbox + "/prices.csv", replaced);
            Files.setLastModifiedTime(remote, FileTime.from(Instant.parse("2026-11-02T10:00:00Z")));
            awaitDeliveries(2);
        }

        Exchange again = delivered.get(1);
        assertThat(again.getMessage().getHeader(HusshConstants.RESUME_OFFSET, Long.class)).isZero();
        assertThat(again.getMessage().getHeader(HusshConstants.BYTES_TRANSFERRED, Long.class)).isEqualTo(300_000L);
        assertThat(TestFiles.sha256(again.getMessage().getBody(File.class).toPath())).isEqualTo(TestFiles.sha256(replaced));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ServerKind.class)
    void deleteMoveAndMoveFailed(ServerKind kind) throws Exception {
        connect(kind);
        outbox = server.newDirectory("outbox");
        server.seed(outbox + "/deleted.txt", "d".getBytes());
        try (CamelContext context = consume(server.port(), "delete=true", false)) {
            awaitDeliveries(1);
            awaitGone(server.local(outbox + "/deleted.txt"));
        }
        server.seed(outbox + "/moved.txt", "m".getBytes());
        try (CamelContext context = consume(server.port(), "move=.done", false)) {
            awaitDeliveries(2);
            awaitGone(server.local(outbox + "/moved.txt"));
        }
        server.seed(outbox + "/rejected.txt", "r".getBytes());
        try (CamelContext context = consume(server.port(), "moveFailed=.failed", true)) {
            awaitDeliveries(3);
            awaitGone(server.local(outbox + "/rejected.txt"));
        }

        assertThat(server.local(outbox + "/.done/moved.txt")).hasContent("m");
        assertThat(server.local(outbox + "/.failed/rejected.txt")).hasContent("r");
    }

    private static void awaitGone(Path file) throws InterruptedException {
        for (int i = 0; i < 200 && Files.exists(file); i++) {
            Thread.sleep(50);
        }
        assertThat(file).doesNotExist();
    }
}
