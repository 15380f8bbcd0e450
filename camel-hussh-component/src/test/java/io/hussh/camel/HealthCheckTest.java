package io.hussh.camel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;

import io.hussh.testing.EmbeddedSftpServer;
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

    private static HealthCheck.Result result(Collection<HealthCheck.Result> results, String id) {
        return results.stream().filter(r -> r.getCheck().getId().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no health check " + id + " in " + results));
    }
}
