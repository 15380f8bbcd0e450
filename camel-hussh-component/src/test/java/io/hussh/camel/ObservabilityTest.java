package io.hussh.camel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.hussh.sftp.HusshTransferException;
import io.hussh.testing.EmbeddedSftpServer;
import io.hussh.testing.FaultProxy;
import io.hussh.testing.TestFiles;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.console.DevConsole;
import org.apache.camel.console.DevConsoleRegistry;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What operators see of real transfers through a real link: Micrometer meters and the {@code hussh} dev console.
 */
class ObservabilityTest {

    private static final int SIZE = 4 << 20;

    @TempDir
    Path tmp;

    private EmbeddedSftpServer server;
    private FaultProxy proxy;
    private CamelContext context;
    private final MeterRegistry meters = new SimpleMeterRegistry();
    private Path knownHosts;

    @BeforeEach
    void start() throws Exception {
        server = EmbeddedSftpServer.start(tmp.resolve("root"));
        Files.createDirectories(server.file("/in"));
        proxy = new FaultProxy(server.port());
        knownHosts = server.writeKnownHosts(tmp.resolve("known_hosts"), proxy.port());
        context = new DefaultCamelContext();
        context.setDevConsole(true);
        context.getRegistry().bind(MicrometerTransferMeters.REGISTRY_NAME, meters);
    }

    @AfterEach
    void stop() throws Exception {
        context.close();
        proxy.close();
        server.close();
    }

    @Test
    void metersCountAFailedUploadAndItsResumeThroughACutLink() throws Exception {
        Path source = TestFiles.randomFile(tmp.resolve("up.bin"), SIZE, 1);
        route("direct:once", "upload", "maximumReconnectAttempts=0");
        route("direct:retrying", "upload", "reconnectDelay=10");
        context.start();

        proxy.dropOnceAfter(FaultProxy.Direction.UPSTREAM, SIZE / 2);
        assertThat(send("direct:once", source).getException()).isInstanceOf(HusshTransferException.class);
        proxy.dropOnceAfter(FaultProxy.Direction.UPSTREAM, SIZE / 4);
        Exchange done = send("direct:retrying", source);
        assertThat(done.getException()).isNull();

        long sent = done.getMessage().getHeader(HusshConstants.BYTES_TRANSFERRED, Long.class);
        long resumedFrom = done.getMessage().getHeader(HusshConstants.RESUME_OFFSET, Long.class);
        assertThat(TestFiles.sha256(server.file("/in/up.bin"))).isEqualTo(TestFiles.sha256(source));
        assertThat(resumedFrom).isPositive();
        assertThat(count(MicrometerTransferMeters.FILES, "outcome", "failed")).isEqualTo(1);
        assertThat(count(MicrometerTransferMeters.FILES, "outcome", "completed")).isEqualTo(1);
        assertThat(count(MicrometerTransferMeters.BYTES)).isEqualTo(sent);
        assertThat(count(MicrometerTransferMeters.RESUME_SAVED)).isEqualTo(resumedFrom);
        assertThat(count(MicrometerTransferMeters.RECONNECTS)).isEqualTo(1);
        assertThat(timed("outcome", "completed", "direction", "upload", "operation", "upload")).isEqualTo(1);
        assertThat(timed("outcome", "failed")).isEqualTo(1);
        assertThat(meters.find(MicrometerTransferMeters.BYTES).counter().getId().getTag("endpoint"))
                .startsWith("hussh://").doesNotContain(EmbeddedSftpServer.PASSWORD);
    }

    @Test
    void theDevConsoleAndTheGaugeShowARunningTransferAndThenTheTotals() throws Exception {
        Path source = TestFiles.randomFile(tmp.resolve("slow.bin"), SIZE, 2);
        route("direct:up", "upload", "reconnectDelay=10");
        context.start();
        DevConsole console = context.getCamelContextExtension().getContextPlugin(DevConsoleRegistry.class)
                .resolveById("hussh");
        assertThat(console).as("the hussh dev console, found through Camel's registry").isNotNull();

        proxy.throttle(512 * 1024);
        CompletableFuture<Exchange> running = CompletableFuture.supplyAsync(() -> send("direct:up", source));
        JsonObject transfer = awaitRunning(console);

        assertThat(transfer.getString("remotePath")).isEqualTo("/in/slow.bin");
        assertThat(transfer.getString("direction")).isEqualTo("upload");
        assertThat(transfer.getLong("bytesTotal")).isEqualTo(SIZE);
        assertThat(transfer.getLong("bytesDone")).isPositive().isLessThan(SIZE);
        assertThat(transfer.getInteger("streams")).isEqualTo(1);
        assertThat(transfer.getInteger("reconnects")).isZero();
        assertThat(meters.find(MicrometerTransferMeters.ACTIVE).tag("direction", "upload").gauge().value())
                .isEqualTo(1.0);
        assertThat((String) console.call(DevConsole.MediaType.TEXT)).contains("upload /in/slow.bin")
                .contains("Running: 1").doesNotContain(EmbeddedSftpServer.PASSWORD);

        proxy.throttle(0);
        assertThat(running.get().getException()).isNull();
        JsonObject after = endpoint(console);
        assertThat((JsonArray) after.get("active")).isEmpty();
        assertThat(after.getLong("filesTransferred")).isEqualTo(1);
        assertThat(after.getLong("bytesTransferred")).isEqualTo(SIZE);
        assertThat(meters.find(MicrometerTransferMeters.ACTIVE).tag("direction", "upload").gauge().value())
                .isZero();
        assertThat(TestFiles.sha256(server.file("/in/slow.bin"))).isEqualTo(TestFiles.sha256(source));
    }

    private void route(String from, String operation, String options) throws Exception {
        String uri = "hussh:" + EmbeddedSftpServer.USER + "@127.0.0.1:" + proxy.port() + "/in?password=RAW("
                     + EmbeddedSftpServer.PASSWORD + ")&knownHostsFile=" + knownHosts + "&operation=" + operation
                     + "&atomic=true&resume=true&" + options;
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(from).to(uri);
            }
        });
    }

    private Exchange send(String endpoint, Path source) {
        return context.createProducerTemplate().request(endpoint, exchange -> {
            exchange.getMessage().setBody(source.toFile());
        });
    }

    private long count(String name, String... tags) {
        return (long) meters.find(name).tags(tags).counters().stream().mapToDouble(Counter::count).sum();
    }

    private long timed(String... tags) {
        return meters.find(MicrometerTransferMeters.DURATION).tags(tags).timers().stream().mapToLong(Timer::count).sum();
    }

    private static JsonObject endpoint(DevConsole console) {
        JsonObject json = (JsonObject) console.call(DevConsole.MediaType.JSON, Map.of());
        JsonArray endpoints = (JsonArray) json.get("endpoints");
        assertThat(endpoints).hasSize(1);
        return (JsonObject) endpoints.get(0);
    }

    private static JsonObject awaitRunning(DevConsole console) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            JsonArray active = (JsonArray) endpoint(console).get("active");
            if (!active.isEmpty() && ((JsonObject) active.get(0)).getLong("bytesDone") > 0) {
                return (JsonObject) active.get(0);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no transfer showed in the console: " + console.call(DevConsole.MediaType.TEXT));
    }
}
