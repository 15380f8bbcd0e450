package io.hussh.sftp;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.hussh.testing.EmbeddedSftpServer;
import io.hussh.testing.TestFiles;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** known_hosts as OpenSSH writes it: hashed host names, and host certificates trusted through a CA. */
class HostKeyFormatsTest {

    @TempDir
    Path tmp;

    @Test
    void aHashedKnownHostsEntryIsHonoured() throws Exception {
        try (EmbeddedSftpServer server = EmbeddedSftpServer.start(tmp.resolve("root"))) {
            byte[] salt = TestFiles.randomBytes(20, 1);
            Mac hmac = Mac.getInstance("HmacSHA1");
            hmac.init(new SecretKeySpec(salt, "HmacSHA1"));
            byte[] hash = hmac.doFinal(("[127.0.0.1]:" + server.port()).getBytes(StandardCharsets.UTF_8));
            Path knownHosts = Files.writeString(tmp.resolve("known_hosts"),
                    "|1|" + Base64.getEncoder().encodeToString(salt) + "|" + Base64.getEncoder().encodeToString(hash)
                    + " " + PublicKeyEntry.toString(server.hostKey()) + "\n");

            upload(server, knownHosts);

            assertThat(server.file("/ok")).hasContent("trusted");
        }
    }

    @Test
    void aHostCertificateSignedByATrustedAuthorityIsAccepted() throws Exception {
        KeyPair ca = KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
        try (EmbeddedSftpServer server = EmbeddedSftpServer.start(tmp.resolve("root"))) {
            server.useHostCertificate(ca);
            Path knownHosts = Files.writeString(tmp.resolve("known_hosts"),
                    "@cert-authority [127.0.0.1]:" + server.port() + " " + PublicKeyEntry.toString(ca.getPublic()) + "\n");

            upload(server, knownHosts);

            assertThat(server.file("/ok")).hasContent("trusted");
        }
    }

    @Test
    void aHostCertificateFromAnotherAuthorityIsRefused() throws Exception {
        KeyPair ca = KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
        KeyPair otherCa = KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
        try (EmbeddedSftpServer server = EmbeddedSftpServer.start(tmp.resolve("root"))) {
            server.useHostCertificate(otherCa);
            Path knownHosts = Files.writeString(tmp.resolve("known_hosts"),
                    "@cert-authority [127.0.0.1]:" + server.port() + " " + PublicKeyEntry.toString(ca.getPublic()) + "\n");

            assertThatThrownBy(() -> upload(server, knownHosts))
                    .isInstanceOf(HusshTransferException.class)
                    .hasMessageContaining("[127.0.0.1]:" + server.port());
            assertThat(server.file("/ok")).doesNotExist();
        }
    }

    private static void upload(EmbeddedSftpServer server, Path knownHosts) throws Exception {
        ConnectionSettings settings = ConnectionSettings.builder("127.0.0.1", EmbeddedSftpServer.USER)
                .port(server.port())
                .password(EmbeddedSftpServer.PASSWORD)
                .knownHostsFile(knownHosts)
                .build();
        try (SftpTransfers transfers = new SftpTransfers(settings)) {
            transfers.upload(TransferSource.bytes("trusted".getBytes()), "/ok", TransferOptions.builder().build());
        }
    }
}
