package io.hussh.sftp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import java.io.OutputStream;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyEncryptionContext;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import io.hussh.testing.EmbeddedSftpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConnectionSecurityTest {

    @TempDir
    Path tmp;

    @Test
    void anUnknownHostKeyIsRefusedByDefaultWithTheFingerprintAndTheFix() throws Exception {
        try (EmbeddedSftpServer server = EmbeddedSftpServer.start(tmp.resolve("root"));
             SftpTransfers transfers = new SftpTransfers(passwordSettings(server, tmp.resolve("empty_known_hosts"), true))) {

            assertThatThrownBy(() -> transfers.upload(TransferSource.bytes(new byte[] { 1 }), "/x", TransferOptions.builder().build()))
                    .isInstanceOf(HusshTransferException.class)
                    .hasMessageContaining("[127.0.0.1]:" + server.port())
                    .hasMessageContaining(server.hostKeyFingerprint())
                    .hasMessageContaining("knownHostsFile")
                    .hasMessageContaining("strictHostKeyChecking=no");
            assertThat(server.file("/x")).doesNotExist();
        }
    }

    @Test
    void aChangedHostKeyIsRefused() throws Exception {
        try (EmbeddedSftpServer server = EmbeddedSftpServer.start(tmp.resolve("root"));
             EmbeddedSftpServer impostor = EmbeddedSftpServer.start(tmp.resolve("other"))) {
            Path knownHosts = tmp.resolve("known_hosts");
            Files.writeString(knownHosts, Files.readString(impostor.writeKnownHosts(tmp.resolve("impostor")))
                    .replace("]:" + impostor.port(), "]:" + server.port()));
            try (SftpTransfers transfers = new SftpTransfers(passwordSettings(server, knownHosts, true))) {

                assertThatThrownBy(() -> transfers.upload(TransferSource.bytes(new byte[] { 1 }), "/x",
                        TransferOptions.builder().build()))
                        .isInstanceOf(HusshTransferException.class)
                        .hasMessageContaining("CHANGED")
                        .hasMessageContaining(server.hostKeyFingerprint());
            }
        }
    }

    @Test
    void strictHostKeyCheckingOffAcceptsAnUnknownKeyAndLeavesKnownHostsAlone() throws Exception {
        Path knownHosts = Files.writeString(tmp.resolve("known_hosts"), "# the user's own file\n");
        try (EmbeddedSftpServer server = EmbeddedSftpServer.start(tmp.resolve("root"));
             SftpTransfers transfers = new SftpTransfers(passwordSettings(server, knownHosts, false))) {

            transfers.upload(TransferSource.bytes("ok".getBytes()), "/x", TransferOptions.builder().build());

            assertThat(server.file("/x")).hasContent("ok");
        }
        assertThat(knownHosts).hasContent("# the user's own file");
    }

    @Test
    void aWrongPasswordIsReportedWithoutThePassword() throws Exception {
        try (EmbeddedSftpServer server = EmbeddedSftpServer.start(tmp.resolve("root"))) {
            Path knownHosts = server.writeKnownHosts(tmp.resolve("known_hosts"));
            ConnectionSettings wrong = ConnectionSettings.builder("127.0.0.1", EmbeddedSftpServer.USER)
                    .port(server.port())
                    .password("not-the-Password-42")
                    .knownHostsFile(knownHosts)
                    .build();
            try (SftpTransfers transfers = new SftpTransfers(wrong)) {

                assertThatThrownBy(() -> transfers.upload(TransferSource.bytes(new byte[] { 1 }), "/x",
                        TransferOptions.builder().build()))
                        .isInstanceOf(HusshTransferException.class)
                        .hasMessageContaining("Authentication failed for hussh@127.0.0.1:" + server.port())
                        .hasMessageNotContaining("not-the-Password-42");
            }
            assertThat(wrong.toString()).doesNotContain("not-the-Password-42");
        }
    }

    @Test
    void anEd25519KeyInOpenSshFormatAuthenticates() throws Exception {
        Path privateKey = tmp.resolve("id_ed25519");
        Path authorizedKeys = tmp.resolve("authorized_keys");
        KeyPair pair = KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
        OpenSSHKeyEncryptionContext encryption = new OpenSSHKeyEncryptionContext();
        encryption.setPassword("key-Passphrase");
        encryption.setCipherName("AES");
        encryption.setCipherMode("CTR");
        encryption.setCipherType("256");
        try (OutputStream out = Files.newOutputStream(privateKey)) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(pair, "test key", encryption, out);
        }
        Files.writeString(authorizedKeys, PublicKeyEntry.toString(pair.getPublic()) + "\n");

        try (EmbeddedSftpServer server = EmbeddedSftpServer.start(tmp.resolve("root"), true, authorizedKeys)) {
            Path knownHosts = server.writeKnownHosts(tmp.resolve("known_hosts"));
            ConnectionSettings keyOnly = ConnectionSettings.builder("127.0.0.1", EmbeddedSftpServer.USER)
                    .port(server.port())
                    .privateKeyFile(privateKey)
                    .privateKeyPassphrase("key-Passphrase")
                    .knownHostsFile(knownHosts)
                    .build();
            try (SftpTransfers transfers = new SftpTransfers(keyOnly)) {

                transfers.upload(TransferSource.bytes("by key".getBytes()), "/k", TransferOptions.builder().build());
            }
            assertThat(server.file("/k")).hasContent("by key");
        }
    }

    @Test
    void anRsaKeyInPemFormatAuthenticates() throws Exception {
        Path privateKey = tmp.resolve("id_rsa.pem");
        Path authorizedKeys = tmp.resolve("authorized_keys");
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(3072);
        KeyPair pair = generator.generateKeyPair();
        Files.writeString(privateKey, "-----BEGIN PRIVATE KEY-----\n"
                                      + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pair.getPrivate().getEncoded())
                                      + "\n-----END PRIVATE KEY-----\n");
        Files.writeString(authorizedKeys, PublicKeyEntry.toString(pair.getPublic()) + "\n");

        try (EmbeddedSftpServer server = EmbeddedSftpServer.start(tmp.resolve("root"), true, authorizedKeys)) {
            Path knownHosts = server.writeKnownHosts(tmp.resolve("known_hosts"));
            ConnectionSettings keyOnly = ConnectionSettings.builder("127.0.0.1", EmbeddedSftpServer.USER)
                    .port(server.port())
                    .privateKeyFile(privateKey)
                    .knownHostsFile(knownHosts)
                    .build();
            try (SftpTransfers transfers = new SftpTransfers(keyOnly)) {

                transfers.upload(TransferSource.bytes("by pem".getBytes()), "/p", TransferOptions.builder().build());
            }
            assertThat(server.file("/p")).hasContent("by pem");
        }
    }

    @Test
    void aClosedPortSaysWhereItCouldNotConnect() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ConnectionSettings settings = ConnectionSettings.builder("127.0.0.1", "u")
                .port(closedPort)
                .knownHostsFile(tmp.resolve("none"))
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        try (SftpTransfers transfers = new SftpTransfers(settings)) {

            assertThatThrownBy(() -> transfers.upload(TransferSource.bytes(new byte[] { 1 }), "/x",
                    TransferOptions.builder().build()))
                    .isInstanceOf(HusshTransferException.class)
                    .hasMessageContaining("Cannot connect to [127.0.0.1]:" + closedPort);
        }
    }

    private static ConnectionSettings passwordSettings(EmbeddedSftpServer server, Path knownHosts, boolean strict) {
        return ConnectionSettings.builder("127.0.0.1", EmbeddedSftpServer.USER)
                .port(server.port())
                .password(EmbeddedSftpServer.PASSWORD)
                .knownHostsFile(knownHosts)
                .strictHostKeyChecking(strict)
                .build();
    }
}
