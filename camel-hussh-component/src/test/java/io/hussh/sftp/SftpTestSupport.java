package io.hussh.sftp;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import io.hussh.testing.EmbeddedSftpServer;
import io.hussh.testing.FaultProxy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Starts an embedded SFTP server and a fault proxy in front of it for each test. */
abstract class SftpTestSupport {

    @TempDir
    Path tmp;

    EmbeddedSftpServer server;
    FaultProxy proxy;
    Path knownHosts;
    SftpTransfers direct;
    SftpTransfers viaProxy;

    boolean opensshExtensions() {
        return true;
    }

    @BeforeEach
    void startServer() throws IOException {
        server = EmbeddedSftpServer.start(tmp.resolve("server"), opensshExtensions(), null);
        proxy = new FaultProxy(server.port());
        knownHosts = server.writeKnownHosts(tmp.resolve("known_hosts"), proxy.port());
        direct = new SftpTransfers(settings(server.port()));
        viaProxy = new SftpTransfers(settings(proxy.port()));
    }

    @AfterEach
    void stopServer() throws IOException {
        direct.close();
        viaProxy.close();
        proxy.close();
        server.close();
    }

    ConnectionSettings settings(int port) {
        return ConnectionSettings.builder("127.0.0.1", EmbeddedSftpServer.USER)
                .port(port)
                .password(EmbeddedSftpServer.PASSWORD)
                .knownHostsFile(knownHosts)
                .build();
    }

    Path remote(String remotePath) {
        return server.file(remotePath);
    }
}
