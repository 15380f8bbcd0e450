package io.hussh.examples.springboot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.hussh.testing.EmbeddedSftpServer;
import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Starts an embedded SFTP server before the application context and hands the application its address, user, password
 * and known_hosts through the same properties a deployment sets.
 */
abstract class WithEmbeddedSftpServer {

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
    static void stopServer() throws IOException {
        server.close();
    }
}
