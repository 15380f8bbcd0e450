package io.hussh.camel;

import java.io.File;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.hussh.sftp.HusshTransferException;
import io.hussh.testing.EmbeddedSftpServer;
import io.hussh.testing.FaultProxy;
import io.hussh.testing.FaultProxy.Direction;
import io.hussh.testing.TestFiles;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.AsyncProducer;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HusshProducerTest extends CamelTestSupport {

    @TempDir
    static Path tmp;

    static EmbeddedSftpServer server;
    static FaultProxy proxy;
    static Path knownHosts;

    @BeforeAll
    static void startServer() throws Exception {
        server = EmbeddedSftpServer.start(tmp.resolve("server"));
        proxy = new FaultProxy(server.port());
        knownHosts = server.writeKnownHosts(tmp.resolve("known_hosts"), proxy.port());
    }

    @AfterAll
    static void stopServer() throws Exception {
        proxy.close();
        server.close();
    }

    static String uri(int port, String directory, String options) {
        return "hussh:" + EmbeddedSftpServer.USER + "@127.0.0.1:" + port + directory + "?password=RAW("
               + EmbeddedSftpServer.PASSWORD + ")&knownHostsFile=" + knownHosts + (options.isEmpty() ? "" : "&" + options);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:upload").to(uri(server.port(), "/srv/in", "atomic=true&resume=true"));
                from("direct:flaky").to(uri(proxy.port(), "/srv/flaky", "atomic=true&resume=true&maximumReconnectAttempts=0"));
                from("direct:reconnect").to(uri(proxy.port(), "/srv/reconnect", "atomic=true&resume=true&reconnectDelay=50"));
                from("direct:restart").to(uri(proxy.port(), "/srv/restart", "atomic=true&reconnectDelay=50"));
                from("direct:download").to(uri(server.port(), "/srv/out",
                        "operation=download&atomic=true&resume=true&localDirectory=" + tmp.resolve("local")));
                from("direct:named").to(uri(server.port(), "/srv/named", "fileName=${header.customer}/${header.day}.csv"));
            }
        };
    }

    @Test
    void uploadsAFileBodyAtomicallyAndReportsWhatItDid() throws Exception {
        Path source = TestFiles.randomFile(tmp.resolve("orders.xml"), 500_000, 1);

        Exchange exchange = template.send("direct:upload", e -> e.getIn().setBody(source.toFile()));

        assertThat(exchange.getException()).isNull();
        Message out = exchange.getMessage();
        assertThat(TestFiles.sha256(server.file("/srv/in/orders.xml"))).isEqualTo(TestFiles.sha256(source));
        assertThat(server.file("/srv/in/orders.xml.hussh.tmp")).doesNotExist();
        assertThat(out.getHeader(HusshConstants.BYTES_TRANSFERRED, Long.class)).isEqualTo(500_000L);
        assertThat(out.getHeader(HusshConstants.RESUME_OFFSET, Long.class)).isZero();
        assertThat(out.getHeader(HusshConstants.SKIPPED, Boolean.class)).isFalse();
        assertThat(out.getHeader(HusshConstants.REMOTE_PATH)).isEqualTo("/srv/in/orders.xml");
        assertThat(out.getHeader(Exchange.FILE_NAME_PRODUCED)).isEqualTo("/srv/in/orders.xml");
    }

    @Test
    void uploadsStringsBytesPathsAndStreamsUnderCamelFileName() throws Exception {
        template.sendBodyAndHeader("direct:upload", "text body", Exchange.FILE_NAME, "a.txt");
        template.sendBodyAndHeader("direct:upload", "bytes body".getBytes(), Exchange.FILE_NAME, "b.bin");
        template.sendBodyAndHeader("direct:upload", Files.writeString(tmp.resolve("c.txt"), "path body"),
                Exchange.FILE_NAME, "sub/dir/c.txt");
        template.sendBodyAndHeader("direct:upload", new ByteArrayInputStream("stream body".getBytes()),
                Exchange.FILE_NAME, "d.txt");

        assertThat(server.file("/srv/in/a.txt")).hasContent("text body");
        assertThat(server.file("/srv/in/b.bin")).hasContent("bytes body");
        assertThat(server.file("/srv/in/sub/dir/c.txt")).hasContent("path body");
        assertThat(server.file("/srv/in/d.txt")).hasContent("stream body");
    }

    @Test
    void theFileNameOptionIsASimpleExpression() {
        template.send("direct:named", e -> {
            e.getIn().setBody("42");
            e.getIn().setHeader("customer", "acme");
            e.getIn().setHeader("day", "2026-11-26");
        });

        assertThat(server.file("/srv/named/acme/2026-11-26.csv")).hasContent("42");
    }

    @Test
    void downloadsIntoTheLocalDirectoryAndReturnsTheLocalFile() throws Exception {
        Path remoteFile = TestFiles.randomFile(server.file("/srv/out/report.pdf"), 300_000, 2);

        Exchange exchange = template.send("direct:download", e -> e.getIn().setHeader(Exchange.FILE_NAME, "report.pdf"));

        assertThat(exchange.getException()).isNull();
        File local = exchange.getMessage().getBody(File.class);
        assertThat(local).isEqualTo(tmp.resolve("local/report.pdf").toFile());
        assertThat(TestFiles.sha256(local.toPath())).isEqualTo(TestFiles.sha256(remoteFile));
        assertThat(exchange.getMessage().getHeader(HusshConstants.BYTES_TRANSFERRED, Long.class)).isEqualTo(300_000L);
        assertThat(exchange.getMessage().getHeader(Exchange.FILE_NAME_PRODUCED)).isEqualTo(local.getAbsolutePath());
        assertThat(exchange.getMessage().getHeader(HusshConstants.REMOTE_PATH)).isEqualTo("/srv/out/report.pdf");
    }

    @Test
    void theOperationHeaderTurnsAnUploadEndpointIntoADownload() throws Exception {
        Files.createDirectories(server.file("/srv/in"));
        Files.writeString(server.file("/srv/in/back.txt"), "round trip");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:either").to(uri(server.port(), "/srv/in", "localDirectory=" + tmp.resolve("either")));
            }
        });

        File local = template.send("direct:either", e -> {
            e.getIn().setHeader(Exchange.FILE_NAME, "back.txt");
            e.getIn().setHeader(HusshConstants.OPERATION, "download");
        }).getMessage().getBody(File.class);

        assertThat(local).hasContent("round trip");
    }

    @Test
    void aRetriedUploadSendsOnlyTheMissingBytes() throws Exception {
        int size = 8 * 1024 * 1024;
        Path source = TestFiles.randomFile(tmp.resolve("disk.img"), size, 3);
        proxy.dropOnceAfter(Direction.UPSTREAM, 4 * 1024 * 1024);

        assertThatThrownBy(() -> template.sendBody("direct:flaky", source.toFile()))
                .isInstanceOf(CamelExecutionException.class)
                .cause().isInstanceOf(HusshTransferException.class);
        assertThat(server.file("/srv/flaky/disk.img")).doesNotExist();
        long partial = TestFiles.settledSize(server.file("/srv/flaky/disk.img.hussh.tmp"));

        proxy.resetCounters();
        Exchange retry = template.send("direct:flaky", e -> e.getIn().setBody(source.toFile()));

        assertThat(retry.getException()).isNull();
        assertThat(retry.getMessage().getHeader(HusshConstants.RESUME_OFFSET, Long.class)).isEqualTo(partial);
        assertThat(retry.getMessage().getHeader(HusshConstants.BYTES_TRANSFERRED, Long.class)).isEqualTo(size - partial);
        assertThat(proxy.upstreamBytes()).isLessThan(size - partial + (size - partial) / 25 + 64 * 1024);
        assertThat(TestFiles.sha256(server.file("/srv/flaky/disk.img"))).isEqualTo(TestFiles.sha256(source));
    }

    @Test
    void aDroppedConnectionIsResumedWithinTheSameExchange() throws Exception {
        int size = 8 * 1024 * 1024;
        int cut = 4 * 1024 * 1024;
        Path source = TestFiles.randomFile(tmp.resolve("reconnect.img"), size, 7);
        proxy.resetCounters();
        proxy.dropOnceAfter(Direction.UPSTREAM, cut);

        Exchange exchange = template.send("direct:reconnect", e -> e.getIn().setBody(source.toFile()));

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getHeader(HusshConstants.RECONNECTS, Integer.class)).isEqualTo(1);
        assertThat(TestFiles.sha256(server.file("/srv/reconnect/reconnect.img"))).isEqualTo(TestFiles.sha256(source));
        // the cut attempt, then what was missing; starting over would have needed cut + size
        assertThat(proxy.upstreamBytes()).isLessThan(cut + size - 1024 * 1024);
    }

    @Test
    void withoutResumeAReconnectStartsOverAndTheFinalNameStaysClean() throws Exception {
        int size = 4 * 1024 * 1024;
        Path source = TestFiles.randomFile(tmp.resolve("restart.img"), size, 8);
        proxy.dropOnceAfter(Direction.UPSTREAM, 2 * 1024 * 1024);

        Exchange exchange = template.send("direct:restart", e -> e.getIn().setBody(source.toFile()));

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getHeader(HusshConstants.RECONNECTS, Integer.class)).isEqualTo(1);
        assertThat(exchange.getMessage().getHeader(HusshConstants.RESUME_OFFSET, Long.class)).isZero();
        assertThat(exchange.getMessage().getHeader(HusshConstants.BYTES_TRANSFERRED, Long.class)).isGreaterThan(size);
        assertThat(TestFiles.sha256(server.file("/srv/restart/restart.img"))).isEqualTo(TestFiles.sha256(source));
    }

    @Test
    void aWrongPasswordFailsAtOnceWithoutReconnecting() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:wrong").to("hussh:" + EmbeddedSftpServer.USER + "@127.0.0.1:" + server.port()
                                        + "/srv?password=RAW(Wrong-Secret-77)&knownHostsFile=" + knownHosts);
            }
        });

        assertThatThrownBy(() -> template.sendBodyAndHeader("direct:wrong", "x", Exchange.FILE_NAME, "x"))
                .cause()
                .isInstanceOf(HusshTransferException.class)
                .hasMessageContaining("Authentication failed")
                .hasMessageNotContaining("reconnect")
                .hasMessageNotContaining("Wrong-Secret-77");
    }

    @Test
    void aSecondIdenticalUploadIsSkipped() {
        template.sendBodyAndHeader("direct:upload", "same", Exchange.FILE_NAME, "same.txt");

        Exchange again = template.send("direct:upload", e -> {
            e.getIn().setBody("same");
            e.getIn().setHeader(Exchange.FILE_NAME, "same.txt");
        });

        assertThat(again.getMessage().getHeader(HusshConstants.SKIPPED, Boolean.class)).isTrue();
        assertThat(again.getMessage().getHeader(HusshConstants.BYTES_TRANSFERRED, Long.class)).isZero();
    }

    @Test
    void aNameThatLeavesTheDirectoryIsRefusedBeforeAnythingIsWritten() {
        assertThatThrownBy(() -> template.sendBodyAndHeader("direct:upload", "evil", Exchange.FILE_NAME, "../escaped.txt"))
                .cause()
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'..'");
        assertThatThrownBy(() -> template.sendBodyAndHeader("direct:upload", "evil", Exchange.FILE_NAME, "/etc/cron.d/x"))
                .cause()
                .hasMessageContaining("absolute");

        assertThat(server.file("/srv/escaped.txt")).doesNotExist();
        assertThat(server.file("/srv/escaped.txt.hussh.tmp")).doesNotExist();
        assertThat(server.file("/etc/cron.d/x")).doesNotExist();
    }

    @Test
    void aMessageWithoutAFileNameFailsClearly() {
        assertThatThrownBy(() -> template.sendBody("direct:upload", "no name"))
                .cause()
                .hasMessageContaining("CamelFileName");
    }

    @Test
    void runsAsynchronouslyWithoutHoldingTheCallersThread() throws Exception {
        CompletableFuture<Object> future = template.asyncSendBody("direct:upload",
                Files.writeString(tmp.resolve("async.txt"), "async body").toFile());
        future.get(30, TimeUnit.SECONDS);
        assertThat(server.file("/srv/in/async.txt")).hasContent("async body");

        Exchange sent = template.asyncSend("direct:upload", e -> {
            e.getIn().setBody("future body");
            e.getIn().setHeader(Exchange.FILE_NAME, "future.txt");
        }).get(30, TimeUnit.SECONDS);
        assertThat(sent.getException()).isNull();
        assertThat(sent.getMessage().getHeader(HusshConstants.BYTES_TRANSFERRED, Long.class)).isEqualTo(11L);
        assertThat(server.file("/srv/in/future.txt")).hasContent("future body");
    }

    @Test
    void theAsyncProducerReturnsAtOnceAndCallsBackWhenTheTransferIsDone() throws Exception {
        AsyncProducer producer = context.getEndpoint(uri(server.port(), "/srv/in", ""), HusshEndpoint.class)
                .createAsyncProducer();
        producer.start();
        try {
            Exchange exchange = new DefaultExchange(context);
            exchange.getIn().setBody("callback body");
            exchange.getIn().setHeader(Exchange.FILE_NAME, "callback.txt");
            CountDownLatch done = new CountDownLatch(1);
            AtomicReference<Boolean> doneSync = new AtomicReference<>();

            boolean completedSynchronously = producer.process(exchange, sync -> {
                doneSync.set(sync);
                done.countDown();
            });

            assertThat(completedSynchronously).isFalse();
            assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(doneSync.get()).isFalse();
            assertThat(exchange.getException()).isNull();
            assertThat(exchange.getMessage().getHeader(HusshConstants.BYTES_TRANSFERRED, Long.class)).isEqualTo(13L);
            assertThat(server.file("/srv/in/callback.txt")).hasContent("callback body");
        } finally {
            producer.stop();
        }
    }

    @Test
    void aStoppedEndpointRefusesTheExchangeAndCallsBackAtOnce() throws Exception {
        HusshEndpoint endpoint = context.getEndpoint(uri(server.port(), "/srv/stopped", ""), HusshEndpoint.class);
        AsyncProducer producer = endpoint.createAsyncProducer();
        endpoint.stop();
        Exchange exchange = new DefaultExchange(context);
        exchange.getIn().setBody("late");
        exchange.getIn().setHeader(Exchange.FILE_NAME, "late.txt");
        AtomicReference<Boolean> doneSync = new AtomicReference<>();

        boolean completedSynchronously = producer.process(exchange, doneSync::set);

        assertThat(completedSynchronously).isTrue();
        assertThat(doneSync.get()).isTrue();
        assertThat(exchange.getException()).isInstanceOf(java.util.concurrent.RejectedExecutionException.class)
                .hasMessageContaining("is not started");
        assertThat(server.file("/srv/stopped/late.txt")).doesNotExist();
    }

    @Test
    void theRouteContinuesOnTheEndpointsWorkerPoolNotTheCallersThread() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:thread").to(uri(server.port(), "/srv/in", ""))
                        .process(e -> e.getMessage().setHeader("thread", Thread.currentThread().getName()));
            }
        });

        Exchange exchange = template.send("direct:thread", e -> {
            e.getIn().setBody("which thread");
            e.getIn().setHeader(Exchange.FILE_NAME, "thread.txt");
        });

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getHeader("thread", String.class))
                .contains("HusshTransfer").isNotEqualTo(Thread.currentThread().getName());
    }

    @Test
    void exchangesStillQueuedWhenTheEndpointStopsFailInsteadOfWaitingForever() throws Exception {
        context.getExecutorServiceManager().setShutdownAwaitTermination(300);
        // the first transfer hangs on a link gone silent and keeps the only worker busy past the graceful timeout
        proxy.stallOnceAfter(Direction.UPSTREAM, 256 * 1024);
        String uri = uri(proxy.port(), "/srv/queued", "atomic=true&workerPoolSize=1");
        Path source = TestFiles.randomFile(tmp.resolve("queued.bin"), 2 * 1024 * 1024, 24);
        List<CompletableFuture<Exchange>> sent = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String name = "q" + i + ".bin";
            sent.add(template.asyncSend(uri, e -> {
                e.getIn().setBody(source.toFile());
                e.getIn().setHeader(Exchange.FILE_NAME, name);
            }));
        }
        while (proxy.upstreamBytes() < 256 * 1024) {
            Thread.sleep(20);
        }

        context.getEndpoint(uri).stop();

        List<Exception> failures = new ArrayList<>();
        for (CompletableFuture<Exchange> exchange : sent) {
            failures.add(exchange.get(30, TimeUnit.SECONDS).getException());
        }
        assertThat(failures).filteredOn(e -> e instanceof java.util.concurrent.RejectedExecutionException)
                .hasSize(2)
                .allSatisfy(e -> assertThat(e).hasMessageContaining("stopped before the transfer began"));
        assertThat(failures).as("the transfer that had begun fails as well, with its own cause").doesNotContainNull();
        for (int i = 0; i < 3; i++) {
            assertThat(server.file("/srv/queued/q" + i + ".bin")).doesNotExist();
        }
    }
}
