package io.hussh.examples;

import java.nio.file.Files;
import java.nio.file.Path;

import io.hussh.testing.EmbeddedSftpServer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The YAML routes load in Camel Main and work against a real (embedded) SFTP server. */
class YamlRoutesTest {

    @TempDir
    Path tmp;

    @Test
    void theYamlRoutesUploadAndConsume() throws Exception {
        try (EmbeddedSftpServer server = EmbeddedSftpServer.start(tmp.resolve("root"))) {
            Path knownHosts = server.writeKnownHosts(tmp.resolve("known_hosts"));
            Files.createDirectories(server.file("/partner-outbox"));
            Files.writeString(server.file("/partner-outbox/invoice.xml"), "<invoice/>");
            Main main = YamlDemo.start(server, knownHosts, tmp.resolve("inbox"));
            try {
                CamelContext context = main.getCamelContext();
                MockEndpoint received = context.getEndpoint("mock:received", MockEndpoint.class);
                received.expectedHeaderReceived(Exchange.FILE_NAME, "invoice.xml");

                context.createProducerTemplate().sendBodyAndHeader("direct:upload", "<order/>", Exchange.FILE_NAME,
                        "order.xml");

                received.assertIsSatisfied(20_000);
            } finally {
                main.stop();
            }
            assertThat(server.file("/outbox/order.xml")).hasContent("<order/>");
            assertThat(tmp.resolve("inbox/invoice.xml")).hasContent("<invoice/>");
        }
    }
}
