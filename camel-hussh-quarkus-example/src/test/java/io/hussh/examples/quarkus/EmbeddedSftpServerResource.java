package io.hussh.examples.quarkus;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import io.hussh.testing.EmbeddedSftpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.keyprovider.KeyPairProvider;

/**
 * Starts an SFTP server before the application and hands the application what a real deployment would configure:
 * address, user, a private key the server accepts, a known_hosts file naming the server's key and a local inbox. Key
 * login and strict host key checking stay on, so a property Camel Quarkus failed to bind breaks the transfers.
 */
public class EmbeddedSftpServerResource implements QuarkusTestResourceLifecycleManager {

    /** Not read by the application: tells the test where the server keeps its files. */
    static final String SERVER_ROOT = "hussh.test.server-root";

    private Path work;
    private EmbeddedSftpServer server;

    @Override
    public Map<String, String> start() {
        try {
            work = Files.createTempDirectory("hussh-quarkus-");
            Path privateKey = work.resolve("id_ed25519");
            KeyPair pair = KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
            try (OutputStream out = Files.newOutputStream(privateKey)) {
                OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(pair, "quarkus test", null, out);
            }
            Path authorizedKeys = Files.writeString(work.resolve("authorized_keys"),
                    PublicKeyEntry.toString(pair.getPublic()) + "\n");
            server = EmbeddedSftpServer.start(work.resolve("server"), true, authorizedKeys);
            // a partner's outbox exists before anyone polls it; a missing one fails every poll
            Files.createDirectories(server.file("/partner-outbox"));
            Path knownHosts = server.writeKnownHosts(work.resolve("known_hosts"));
            return Map.of(
                    "sftp.host", "127.0.0.1",
                    "sftp.port", String.valueOf(server.port()),
                    "camel.component.hussh.username", EmbeddedSftpServer.USER,
                    "camel.component.hussh.privateKeyFile", privateKey.toString(),
                    "camel.component.hussh.knownHostsFile", knownHosts.toString(),
                    "inbox.directory", work.resolve("inbox").toString(),
                    "outbox.poll-delay", "200",
                    SERVER_ROOT, server.root().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        try {
            if (server != null) {
                server.close();
            }
            if (work != null) {
                try (Stream<Path> files = Files.walk(work)) {
                    for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(file);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
