package io.hussh.camel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.hussh.sftp.HusshTransferException;
import io.hussh.testing.EmbeddedSftpServer;
import io.hussh.testing.FaultProxy;
import io.hussh.testing.TestFiles;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRepository;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class HealthCheckTest {

    @TempDir
    Path tmp;

    @Test
    void readinessSaysWhetherTheServerCanBeReachedAndItsDirectorySeen() throws Exception {
        try (EmbeddedSftpServer server = EmbeddedSftpServer.start(tmp.resolve("root"));
             CamelContext context = new DefaultCamelContext()) {
            Files.createDirectories(server.file("/in"));
            Path knownHosts = server.writeKnownHosts(tmp.resolve("known_hosts"));
            String base = "hussh:" + EmbeddedSftpServer.USER + "@127.0.0.1:" + server.port();
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:good").to(base + "/in?password=RAW(" + EmbeddedSftpServer.PASSWORD + ")&knownHostsFile="
                                           + knownHosts);
                    from("direct:bad").to(base + "/other?password=RAW(not-it)&knownHostsFile=" + knownHosts);
                }
            });
            context.start();
            // Camel 4 runs producer checks only when asked to (camel.health.producersEnabled=true)
            HealthCheckHelper.getHealthCheckRepository(context, "producers", HealthCheckRepository.class).setEnabled(true);

            Collection<HealthCheck.Result> results = HealthCheckHelper.invoke(context,
                    check -> Map.of(HealthCheck.CHECK_KIND, HealthCheck.Kind.READINESS), check -> !check.isReadiness(),
                    "full");

            HealthCheck.Result good = result(results, "hussh:127.0.0.1:" + server.port() + "/in");
            HealthCheck.Result bad = result(results, "hussh:127.0.0.1:" + server.port() + "/other");
            assertThat(good.getState()).isEqualTo(HealthCheck.State.UP);
            assertThat(bad.getState()).isEqualTo(HealthCheck.State.DOWN);
            assertThat(bad.getMessage()).hasValueSatisfying(m -> assertThat(m).contains("Authentication failed")
                    .doesNotContain("not-it"));
        }
    }

    @Test
    void aConsumerWhoseDownloadsKeepFailingIsDownWithTheLastErrorAndUpOnceOneSucceeds() throws Exception {
        try (EmbeddedSftpServer server = EmbeddedSftpServer.start(tmp.resolve("root"));
             FaultProxy proxy = new FaultProxy(server.port());
             CamelContext context = new DefaultCamelContext()) {
            Path source = TestFiles.randomFile(server.file("/out/big.bin"), 2 << 20, 7);
            String sha256 = TestFiles.sha256(source);
            Path inbox = tmp.resolve("inbox");
            Path knownHosts = server.writeKnownHosts(tmp.resolve("known_hosts"), proxy.port());
            // the listing gets through, every download is cut
            proxy.dropEveryConnectionAfter(FaultProxy.Direction.DOWNSTREAM, 256 * 1024);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("hussh:" + EmbeddedSftpServer.USER + "@127.0.0.1:" + proxy.port() + "/out?password=RAW("
                         + EmbeddedSftpServer.PASSWORD + ")&knownHostsFile=" + knownHosts + "&localDirectory=" + inbox
                         + "&atomic=true&resume=true&maximumReconnectAttempts=0&delay=200")
                            .routeId("outbox").to("mock:delivered");
                }
            });
            context.start();
            // what Camel Main and the Spring Boot starter do when camel.health.consumersEnabled is true, the default
            HealthCheckHelper.getHealthCheckRepository(context, "consumers", HealthCheckRepository.class);

            HealthCheck.Result down = awaitConsumer(context, HealthCheck.State.DOWN);
            assertThat(down.getMessage()).hasValueSatisfying(m -> assertThat(m).contains("Consumer failed polling"));
            assertThat(down.getError()).hasValueSatisfying(e -> assertThat(e).isInstanceOf(HusshTransferException.class)
                    .hasMessageContaining("/out/big.bin"));
            assertThat(Files.exists(inbox.resolve("big.bin"))).isFalse();

            proxy.dropOnceAfter(FaultProxy.Direction.DOWNSTREAM, Long.MAX_VALUE);
            awaitConsumer(context, HealthCheck.State.UP);
            assertThat(TestFiles.sha256(inbox.resolve("big.bin"))).isEqualTo(sha256);

            server.kill();
            HealthCheck.Result unreachable = awaitConsumer(context, HealthCheck.State.DOWN);
            assertThat(unreachable.getError()).isPresent();
        }
    }

    private static HealthCheck.Result awaitConsumer(CamelContext context, HealthCheck.State state)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        HealthCheck.Result last = null;
        while (System.nanoTime() < deadline) {
            last = result(HealthCheckHelper.invoke(context,
                    check -> Map.of(HealthCheck.CHECK_KIND, HealthCheck.Kind.READINESS), check -> !check.isReadiness(),
                    "full"), "consumer:outbox");
            // DOWN counts once a poll failed, not while the first poll has yet to end
            if (last.getState() == state && (state == HealthCheck.State.UP || last.getError().isPresent())) {
                return last;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the consumer's health stayed " + last.getState() + ", not " + state + ": "
                                 + last.getMessage().orElse(""));
    }

    private static HealthCheck.Result result(Collection<HealthCheck.Result> results, String id) {
        return results.stream().filter(r -> r.getCheck().getId().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no health check " + id + " in " + results));
    }
}
