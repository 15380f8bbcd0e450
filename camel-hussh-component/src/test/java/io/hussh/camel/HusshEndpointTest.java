package io.hussh.camel;

import java.nio.file.Path;
import java.util.Map;

import io.hussh.testing.EmbeddedSftpServer;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.PropertyConfigurer;
import org.apache.camel.support.PluginHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HusshEndpointTest {

    @TempDir
    Path tmp;

    @Test
    void theUriGivesUserHostPortAndDirectory() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            HusshEndpoint endpoint = context.getEndpoint("hussh:alice@sftp.example.com:2222/srv/in?atomic=true",
                    HusshEndpoint.class);

            HusshConfiguration configuration = endpoint.getConfiguration();
            assertThat(configuration.getUsername()).isEqualTo("alice");
            assertThat(configuration.getHost()).isEqualTo("sftp.example.com");
            assertThat(configuration.getPort()).isEqualTo(2222);
            assertThat(endpoint.options().remoteDirectory()).isEqualTo("/srv/in");
            assertThat(configuration.isAtomic()).isTrue();
        }
    }

    @Test
    void defaultsMatchTheContract() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            HusshEndpoint endpoint = context.getEndpoint("hussh:bob@[::1]/", HusshEndpoint.class);
            HusshConfiguration configuration = endpoint.getConfiguration();

            assertThat(configuration.getHost()).isEqualTo("::1");
            assertThat(configuration.getPort()).isEqualTo(22);
            assertThat(endpoint.options().remoteDirectory()).isEqualTo("/");
            assertThat(configuration.isAtomic()).isFalse();
            assertThat(configuration.isResume()).isFalse();
            assertThat(configuration.getTempSuffix()).isEqualTo(".hussh.tmp");
            assertThat(configuration.getStrictHostKeyChecking()).isEqualTo("yes");
            assertThat(configuration.getKnownHostsFile()).isEqualTo("~/.ssh/known_hosts");
            assertThat(configuration.getOperation()).isEqualTo(HusshOperation.upload);
            assertThat(configuration.getConnectTimeout()).isEqualTo(10_000);
            assertThat(configuration.getServerAliveInterval()).isEqualTo(15_000);
        }
    }

    @Test
    void durationsAcceptCamelTimeUnits() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            HusshConfiguration configuration = context
                    .getEndpoint("hussh:u@h/d?connectTimeout=3s&serverAliveInterval=1m", HusshEndpoint.class)
                    .getConfiguration();

            assertThat(configuration.getConnectTimeout()).isEqualTo(3_000);
            assertThat(configuration.getServerAliveInterval()).isEqualTo(60_000);
        }
    }

    @Test
    void anUnknownOptionIsRefused() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            assertThatThrownBy(() -> context.getEndpoint("hussh:u@h/d?atomc=true"))
                    .hasMessageContaining("atomc");
        }
    }

    @Test
    void aMissingUsernameIsReportedWhenTheRouteStarts() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:x").to("hussh:h:22/d");
                }
            });
            assertThatThrownBy(context::start).hasRootCauseMessage(
                    "No username for h: give it as hussh:user@h or with the username option");
        }
    }

    @Test
    void theGeneratedMetadataAndConfigurersAreOnTheClasspath() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            PropertyConfigurer configurer = PluginHelper.getConfigurerResolver(context)
                    .resolvePropertyConfigurer("hussh-endpoint", context);
            assertThat(configurer).isNotNull();
            assertThat(context.getComponent("hussh")).isInstanceOf(HusshComponent.class);
            try (var json = getClass().getResourceAsStream("/META-INF/io/hussh/camel/hussh.json")) {
                assertThat(json).isNotNull();
                assertThat(new String(json.readAllBytes())).contains("\"scheme\": \"hussh\"")
                        .contains("\"atomic\"").contains("\"resume\"");
            }
        }
    }

    @Test
    void stoppingTheContextClosesEverySshSession() throws Exception {
        try (EmbeddedSftpServer server = EmbeddedSftpServer.start(tmp.resolve("root"))) {
            Path knownHosts = server.writeKnownHosts(tmp.resolve("known_hosts"));
            CamelContext context = new DefaultCamelContext();
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:up").to("hussh:" + EmbeddedSftpServer.USER + "@127.0.0.1:" + server.port()
                                         + "/in?password=RAW(" + EmbeddedSftpServer.PASSWORD + ")&knownHostsFile="
                                         + knownHosts);
                }
            });
            context.start();
            for (int i = 0; i < 5; i++) {
                context.createProducerTemplate().sendBodyAndHeaders("direct:up", "x" + i,
                        Map.of("CamelFileName", "f" + i));
            }
            assertThat(countJschThreads()).isPositive();

            context.stop();

            assertThat(jschThreads()).isZero();
        }
    }

    /** JSch's non-daemon session threads ("Connect thread host session"), given up to 5 s to end. */
    private static long jschThreads() throws InterruptedException {
        long alive = countJschThreads();
        for (int i = 0; i < 50 && alive > 0; i++) {
            Thread.sleep(100);
            alive = countJschThreads();
        }
        return alive;
    }

    private static long countJschThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("Connect thread")).count();
    }
}
