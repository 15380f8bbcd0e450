package io.hussh.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.hussh.testing.EmbeddedSftpServer;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.server.SshServer;

final class MinaServerUnderTest extends ServerUnderTest {

    private final EmbeddedSftpServer server;
    private final Path root;
    private final boolean opensshExtensions;

    MinaServerUnderTest(boolean opensshExtensions) throws IOException {
        this.opensshExtensions = opensshExtensions;
        this.root = Files.createTempDirectory("hussh-it-mina-");
        this.server = EmbeddedSftpServer.start(root, opensshExtensions, null);
        Files.createDirectories(root.resolve("data"));
    }

    @Override
    public String description() {
        return "Apache MINA SSHD " + SshServer.class.getPackage().getImplementationVersion()
               + (opensshExtensions ? "" : " with the OpenSSH extensions switched off");
    }

    @Override
    public int port() {
        return server.port();
    }

    @Override
    public String hostKeyEntry() throws IOException {
        return PublicKeyEntry.toString(server.hostKey());
    }

    @Override
    public String dataRoot() {
        return "/data";
    }

    @Override
    public Path localDataRoot() {
        return root.resolve("data");
    }

    @Override
    public void kill() throws IOException {
        server.kill();
    }

    @Override
    public void restart() throws IOException {
        server.restart();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
