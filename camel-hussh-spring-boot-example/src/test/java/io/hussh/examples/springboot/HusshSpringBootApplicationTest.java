package io.hussh.examples.springboot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.hussh.camel.HusshEndpoint;
import io.hussh.testing.EmbeddedSftpServer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
class HusshSpringBootApplicationTest {

    static Path root;
    static EmbeddedSftpServer server;

    @DynamicPropertySource
    static void sftpServer(DynamicPropertyRegistry properties) {
        try {
            root = Files.createTempDirectory("hussh-spring-");
            server = EmbeddedSftpServer.start(root.resolve("server"));
            Path knownHosts = server.writeKnownHosts(root.resolve("known_hosts"));
            properties.add("sftp.user", () -> EmbeddedSftpServer.USER);
            properties.add("sftp.host", () -> "127.0.0.1");
            properties.add("sftp.port", server::port);
            properties.add("camel.component.hussh.password", () -> EmbeddedSftpServer.PASSWORD);
            properties.add("camel.component.hussh.known-hosts-file", knownHosts::toString);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
    }

    @Autowired
    CamelContext camelContext;

    @Autowired
    ProducerTemplate template;

    @Test
    void componentPropertiesConfigureTheRoutesEndpoint() {
        template.sendBodyAndHeader("direct:upload", "from spring", Exchange.FILE_NAME, "spring.txt");

        assertThat(server.file("/outbox/spring.txt")).hasContent("from spring");
        HusshEndpoint endpoint = camelContext.getEndpoints().stream().filter(HusshEndpoint.class::isInstance)
                .map(HusshEndpoint.class::cast).findFirst().orElseThrow();
        assertThat(endpoint.getConfiguration().isAtomic()).isTrue();
        assertThat(endpoint.getConfiguration().isResume()).isTrue();
    }
}
