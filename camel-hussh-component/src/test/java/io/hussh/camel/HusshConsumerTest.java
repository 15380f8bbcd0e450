package io.hussh.camel;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import io.hussh.testing.EmbeddedSftpServer;
import io.hussh.testing.FaultProxy;
import io.hussh.testing.FaultProxy.Direction;
import io.hussh.testing.TestFiles;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class HusshConsumerTest extends CamelTestSupport {

    @TempDir
    Path tmp;

    EmbeddedSftpServer server;
    FaultProxy proxy;
    Path knownHosts;

    @Override
    protected void doPreSetup() throws Exception {
        server = EmbeddedSftpServer.start(tmp.resolve("server"));
        proxy = new FaultProxy(server.port());
        knownHosts = server.writeKnownHosts(tmp.resolve("known_hosts"), proxy.port());
        Files.createDirectories(server.file("/outbox"));
    }

    @AfterEach
    void stopServer() throws Exception {
        proxy.close();
        server.close();
    }

    @Override
    public boolean isUseRouteBuilder() {
        return false;
    }

    private String consumer(int port, String options) {
        return "hussh:" + EmbeddedSftpServer.USER + "@127.0.0.1:" + port + "/outbox?password=RAW("
               + EmbeddedSftpServer.PASSWORD + ")&knownHostsFile=" + knownHosts + "&localDirectory=" + tmp.resolve("in")
               + "&initialDelay=0&delay=100" + (options.isEmpty() ? "" : "&" + options);
    }

    private MockEndpoint route(int port, String options) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(consumer(port, options)).routeId("consumer").to("mock:in");
            }
        });
        return getMockEndpoint("mock:in");
    }

    private Path seed(String remotePath, byte[] content) throws Exception {
        Path file = server.file(remotePath);
        Files.createDirectories(file.getParent());
        return Files.write(file, content);
    }

    @Test
    void deliversEveryFileOnceWithItsContentAndHeaders() throws Exception {
        byte[] a = TestFiles.randomBytes(200_000, 1);
        byte[] b = TestFiles.randomBytes(300_000, 2);
        seed("/outbox/a.csv", a);
        seed("/outbox/b.csv", b);
        MockEndpoint in = route(server.port(), "atomic=true&resume=true");
        in.expectedMessageCount(2);
        in.setAssertPeriod(1000);

        context.start();

        in.assertIsSatisfied();
        List<Exchange> received = in.getReceivedExchanges();
        Exchange first = received.get(0);
        assertThat(first.getMessage().getHeader(Exchange.FILE_NAME)).isEqualTo("a.csv");
        assertThat(TestFiles.sha256(first.getMessage().getBody(File.class).toPath())).isEqualTo(TestFiles.sha256(a));
        assertThat(first.getMessage().getHeader(Exchange.FILE_LENGTH, Long.class)).isEqualTo(200_000L);
        assertThat(first.getMessage().getHeader(Exchange.FILE_LAST_MODIFIED, Long.class))
                .isEqualTo(Files.getLastModifiedTime(server.file("/outbox/a.csv")).toMillis() / 1000 * 1000);
        assertThat(first.getMessage().getHeader(HusshConstants.REMOTE_PATH)).isEqualTo("/outbox/a.csv");
        assertThat(first.getMessage().getHeader(HusshConstants.BYTES_TRANSFERRED, Long.class)).isEqualTo(200_000L);
        assertThat(first.getMessage().getHeader(Exchange.BATCH_INDEX, Integer.class)).isZero();
        assertThat(first.getMessage().getHeader(Exchange.BATCH_SIZE, Integer.class)).isEqualTo(2);
        assertThat(first.getMessage().getHeader(Exchange.BATCH_COMPLETE, Boolean.class)).isFalse();
        Exchange second = received.get(1);
        assertThat(second.getMessage().getHeader(Exchange.FILE_NAME)).isEqualTo("b.csv");
        assertThat(second.getMessage().getHeader(Exchange.BATCH_COMPLETE, Boolean.class)).isTrue();
        assertThat(TestFiles.sha256(second.getMessage().getBody(File.class).toPath())).isEqualTo(TestFiles.sha256(b));
        assertThat(tmp.resolve("in/a.csv.hussh.tmp")).doesNotExist();
        assertThat(server.file("/outbox/a.csv")).exists();
    }

    @Test
    void aListedNameThatWouldLeaveLocalDirectoryIsSkippedAndSaidOnce() throws Exception {
        // a backslash is a plain character here, but a separator to servers that split on it: '..' would climb out
        seed("/outbox/..\\escape.txt", "out".getBytes());
        seed("/outbox/fine.txt", "fine".getBytes());
        MockEndpoint in = route(server.port(), "");
        in.expectedHeaderValuesReceivedInAnyOrder(Exchange.FILE_NAME, "fine.txt");
        in.setAssertPeriod(1500);
        List<String> warnings = new java.util.concurrent.CopyOnWriteArrayList<>();
        org.apache.logging.log4j.core.Logger logger = (org.apache.logging.log4j.core.Logger)
                org.apache.logging.log4j.LogManager.getLogger(HusshConsumer.class);
        org.apache.logging.log4j.core.Appender capture = new org.apache.logging.log4j.core.appender.AbstractAppender(
                "refused-names", null, null, true, org.apache.logging.log4j.core.config.Property.EMPTY_ARRAY) {
            @Override
            public void append(org.apache.logging.log4j.core.LogEvent event) {
                warnings.add(event.getMessage().getFormattedMessage());
            }
        };
        capture.start();
        logger.addAppender(capture);
        try {
            context.start();
            in.assertIsSatisfied();
        } finally {
            logger.removeAppender(capture);
        }

        assertThat(warnings).filteredOn(line -> line.contains("escape.txt")).hasSize(1).first().asString()
                .contains("Skipping /outbox/..\\escape.txt as listed by the server").contains("'..' segment");
        assertThat(tmp.resolve("escape.txt")).doesNotExist();
    }

    @Test
    void filesStillBeingUploadedUnderTheTempNameAreNeverDelivered() throws Exception {
        seed("/outbox/big.iso.hussh.tmp", TestFiles.randomBytes(1000, 3));
        seed("/outbox/ready.txt", "ready".getBytes());
        MockEndpoint in = route(server.port(), "");
        in.expectedHeaderValuesReceivedInAnyOrder(Exchange.FILE_NAME, "ready.txt");
        in.setAssertPeriod(1000);

        context.start();

        in.assertIsSatisfied();
    }

    @Test
    void aDownloadCutByTheLinkResumesOnTheNextPollAndFetchesOnlyTheRest() throws Exception {
        int size = 8 * 1024 * 1024;
        int cut = 3 * 1024 * 1024;
        byte[] content = TestFiles.randomBytes(size, 4);
        seed("/outbox/backup.tar", content);
        proxy.dropOnceAfter(Direction.DOWNSTREAM, cut);
        MockEndpoint in = route(proxy.port(), "atomic=true&resume=true&maximumReconnectAttempts=0");
        in.expectedMessageCount(1);

        context.start();

        in.assertIsSatisfied();
        Exchange exchange = in.getReceivedExchanges().get(0);
        long offset = exchange.getMessage().getHeader(HusshConstants.RESUME_OFFSET, Long.class);
        assertThat(proxy.drops()).isEqualTo(1);
        assertThat(offset).isGreaterThan(1024 * 1024);
        assertThat(exchange.getMessage().getHeader(HusshConstants.BYTES_TRANSFERRED, Long.class)).isEqualTo(size - offset);
        // the cut attempt, then only the remainder: a restart from zero would need cut + size
        long remainder = size - offset;
        assertThat(proxy.downstreamBytes()).isLessThan(cut + remainder + remainder / 25 + 128 * 1024);
        assertThat(TestFiles.sha256(exchange.getMessage().getBody(File.class).toPath()))
                .isEqualTo(TestFiles.sha256(content));
    }

    @Test
    void aFileReplacedWithNewContentIsDeliveredAgainInFull() throws Exception {
        Path remote = seed("/outbox/prices.csv", TestFiles.randomBytes(100_000, 5));
        Files.setLastModifiedTime(remote, FileTime.from(Instant.parse("2026-11-01T10:00:00Z")));
        MockEndpoint in = route(server.port(), "atomic=true&resume=true");
        in.expectedMessageCount(1);
        context.start();
        in.assertIsSatisfied();

        byte[] replaced = TestFiles.randomBytes(100_000, 6);
        Files.write(remote, replaced);
        Files.setLastModifiedTime(remote, FileTime.from(Instant.parse("2026-11-02T10:00:00Z")));
        in.reset();
        in.expectedMessageCount(1);

        in.assertIsSatisfied();
        Exchange again = in.getReceivedExchanges().get(0);
        assertThat(again.getMessage().getHeader(HusshConstants.RESUME_OFFSET, Long.class)).isZero();
        assertThat(again.getMessage().getHeader(HusshConstants.BYTES_TRANSFERRED, Long.class)).isEqualTo(100_000L);
        assertThat(TestFiles.sha256(again.getMessage().getBody(File.class).toPath())).isEqualTo(TestFiles.sha256(replaced));
    }

    @Test
    void deleteRemovesTheRemoteFileAfterSuccess() throws Exception {
        seed("/outbox/once.txt", "once".getBytes());
        MockEndpoint in = route(server.port(), "delete=true");
        in.expectedMessageCount(1);

        context.start();

        in.assertIsSatisfied();
        awaitGone(server.file("/outbox/once.txt"));
    }

    @Test
    void moveArchivesTheRemoteFileAfterSuccess() throws Exception {
        seed("/outbox/keep.txt", "keep".getBytes());
        MockEndpoint in = route(server.port(), "move=.done");
        in.expectedMessageCount(1);

        context.start();

        in.assertIsSatisfied();
        awaitGone(server.file("/outbox/keep.txt"));
        assertThat(server.file("/outbox/.done/keep.txt")).hasContent("keep");
    }

    @Test
    void moveFailedSetsAsideAFileTheRouteFailedOn() throws Exception {
        seed("/outbox/bad.txt", "bad".getBytes());
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(consumer(server.port(), "moveFailed=/rejected")).routeId("consumer")
                        .to("mock:in")
                        .throwException(new IllegalStateException("cannot parse"));
            }
        });
        MockEndpoint in = getMockEndpoint("mock:in");
        in.expectedMessageCount(1);
        in.setAssertPeriod(1000);

        context.start();

        in.assertIsSatisfied();
        awaitGone(server.file("/outbox/bad.txt"));
        assertThat(server.file("/rejected/bad.txt")).hasContent("bad");
    }

    @Test
    void aFileTheRouteFailedOnIsRetriedOnTheNextPoll() throws Exception {
        seed("/outbox/flaky.txt", "flaky".getBytes());
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(consumer(server.port(), "")).routeId("consumer")
                        .to("mock:in")
                        .filter(header(Exchange.BATCH_INDEX).isEqualTo(0))
                        .process(e -> {
                            if (getMockEndpoint("mock:in").getReceivedCounter() == 1) {
                                throw new IllegalStateException("first attempt fails");
                            }
                        });
            }
        });
        MockEndpoint in = getMockEndpoint("mock:in");
        in.expectedMessageCount(2);
        in.setAssertPeriod(1000);

        context.start();

        in.assertIsSatisfied();
        assertThat(server.file("/outbox/flaky.txt")).exists();
    }

    @Test
    void filtersRecursionAndSortOrderAreHonoured() throws Exception {
        seed("/outbox/c.csv", new byte[300]);
        seed("/outbox/a.csv", new byte[100]);
        seed("/outbox/skip.tmp", new byte[5]);
        seed("/outbox/sub/b.csv", new byte[200]);
        seed("/outbox/sub/deep/d.csv", new byte[400]);
        MockEndpoint in = route(server.port(), "recursive=true&maxDepth=2&include=.*\\.csv&exclude=c\\..*&sortBy=size");
        in.expectedHeaderValuesReceivedInAnyOrder(Exchange.FILE_NAME, "a.csv", "sub/b.csv");
        in.setAssertPeriod(1000);

        context.start();

        in.assertIsSatisfied();
        assertThat(in.getReceivedExchanges()).extracting(e -> e.getMessage().getHeader(Exchange.FILE_NAME))
                .containsExactly("a.csv", "sub/b.csv");
        assertThat(tmp.resolve("in/sub/b.csv")).hasSize(200);
    }

    @Test
    void maxMessagesPerPollLimitsEachBatch() throws Exception {
        for (int i = 0; i < 5; i++) {
            seed("/outbox/f" + i, new byte[] { (byte) i });
        }
        MockEndpoint in = route(server.port(), "maxMessagesPerPoll=2");
        in.expectedMessageCount(5);

        context.start();

        in.assertIsSatisfied();
        assertThat(in.getReceivedExchanges()).allSatisfy(e ->
                assertThat(e.getMessage().getHeader(Exchange.BATCH_SIZE, Integer.class)).isLessThanOrEqualTo(2));
    }

    @Test
    void readLockChangedWaitsUntilAWriterWithoutTempNamesHasFinished() throws Exception {
        Path growing = seed("/outbox/growing.log", "line 0\n".getBytes());
        Thread writer = new Thread(() -> {
            try {
                for (int i = 1; i <= 15; i++) {
                    Thread.sleep(100);
                    Files.writeString(growing, "line " + i + "\n", java.nio.file.StandardOpenOption.APPEND);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        MockEndpoint in = route(server.port(), "readLock=changed&readLockCheckInterval=400");
        in.expectedMessageCount(1);

        writer.start();
        context.start();

        in.assertIsSatisfied();
        writer.join();
        String delivered = Files.readString(in.getReceivedExchanges().get(0).getMessage().getBody(File.class).toPath());
        assertThat(delivered).endsWith("line 15\n");
    }

    @Test
    void minAgeSkipsFilesModifiedTooRecently() throws Exception {
        seed("/outbox/fresh.txt", "fresh".getBytes());
        Path old = seed("/outbox/old.txt", "old".getBytes());
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minusSeconds(3600)));
        MockEndpoint in = route(server.port(), "minAge=600000");
        in.expectedHeaderValuesReceivedInAnyOrder(Exchange.FILE_NAME, "old.txt");
        in.setAssertPeriod(1000);

        context.start();

        in.assertIsSatisfied();
    }

    @Test
    void anUnsupportedReadLockIsRefusedWhenTheRouteStarts() throws Exception {
        route(server.port(), "readLock=fileLock");

        org.assertj.core.api.Assertions.assertThatThrownBy(context::start).hasStackTraceContaining("fileLock");
    }

    private static void awaitGone(Path file) throws InterruptedException {
        for (int i = 0; i < 100 && Files.exists(file); i++) {
            Thread.sleep(50);
        }
        assertThat(file).doesNotExist();
    }
}
