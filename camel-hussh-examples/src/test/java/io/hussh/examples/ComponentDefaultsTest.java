package io.hussh.examples;

import java.nio.file.Path;

import io.hussh.camel.HusshEndpoint;
import io.hussh.testing.EmbeddedSftpServer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** camel.component.hussh.* properties set defaults for every endpoint, as Camel Main and Spring Boot users expect. */
class ComponentDefaultsTest {

    @TempDir
    Path tmp;

    @Test
    void componentPropertiesBecomeEndpointDefaults() throws Exception {
        try (EmbeddedSftpServer server = EmbeddedSftpServer.start(tmp.resolve("root"))) {
            Path knownHosts = server.writeKnownHosts(tmp.resolve("known_hosts"));
            Main main = new Main();
            main.addInitialProperty("camel.component.hussh.password", EmbeddedSftpServer.PASSWORD);
            main.addInitialProperty("camel.component.hussh.knownHostsFile", knownHosts.toString());
            main.addInitialProperty("camel.component.hussh.atomic", "true");
            main.addInitialProperty("camel.component.hussh.maximumReconnectAttempts", "7");
            main.configure().addRoutesBuilder(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:up").to("hussh:" + EmbeddedSftpServer.USER + "@127.0.0.1:" + server.port()
                                         + "/in?maximumReconnectAttempts=2");
                }
            });
            main.start();
            try {
                CamelContext context = main.getCamelContext();
                context.createProducerTemplate().sendBodyAndHeader("direct:up", "defaults", Exchange.FILE_NAME, "d.txt");
                HusshEndpoint endpoint = context.getEndpoints().stream().filter(HusshEndpoint.class::isInstance)
                        .map(HusshEndpoint.class::cast).findFirst().orElseThrow();

                assertThat(endpoint.getConfiguration().isAtomic()).isTrue();
                assertThat(endpoint.getConfiguration().getMaximumReconnectAttempts()).as("the URI wins").isEqualTo(2);
            } finally {
                main.stop();
            }
            assertThat(server.file("/in/d.txt")).hasContent("defaults");
        }
    }
}
