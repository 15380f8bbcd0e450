package io.hussh.sftp;

import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

import io.hussh.testing.EmbeddedSftpServer;
import io.hussh.testing.ErrorCatalog;
import io.hussh.testing.TestFiles;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyEncryptionContext;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Wrong input and hostile surroundings: each case fails clearly and loses nothing. Recorded in docs/errors.md. */
class BadInputTest extends SftpTestSupport {

    private static final ErrorCatalog CATALOG = new ErrorCatalog("Embedded MINA SSHD", "Apache MINA SSHD 2.20, in-process");
    private static final TransferOptions ATOMIC = TransferOptions.builder().atomic(true).build();
    private static final long FOUR_GIB = 4L * 1024 * 1024 * 1024;

    @AfterAll
    static void writeCatalog() throws IOException {
        CATALOG.write();
    }

    private Throwable failure(Executable action) {
        try {
            action.execute();
        } catch (Throwable e) {
            return e;
        }
        throw new AssertionError("expected a failure");
    }

    private ConnectionSettings settingsFor(int port, String password, Path key, String passphrase, Duration timeout) {
        return ConnectionSettings.builder("127.0.0.1", EmbeddedSftpServer.USER)
                .port(port)
                .password(password)
                .privateKeyFile(key)
                .privateKeyPassphrase(passphrase)
                .knownHostsFile(knownHosts)
                .connectTimeout(timeout)
                .build();
    }

    @Test
    void aPortWhereNothingListens() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        try (SftpTransfers transfers = new SftpTransfers(settingsFor(port, "x", null, null, Duration.ofSeconds(5)))) {
            Throwable e = failure(() -> transfers.upload(TransferSource.bytes(new byte[1]), "/srv/a", ATOMIC));
            assertThat(e).hasMessageContaining("Cannot connect to [127.0.0.1]:" + port);
            CATALOG.record("unreachable host or port (connection refused)", e, "nothing");
        }
    }

    @Test
    void aServerThatAcceptsButNeverAnswers() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             SftpTransfers transfers = new SftpTransfers(settingsFor(silent.getLocalPort(), "x", null, null,
                     Duration.ofSeconds(1)))) {
            Throwable e = failure(() -> transfers.upload(TransferSource.bytes(new byte[1]), "/srv/a", ATOMIC));
            assertThat(e).hasMessageContaining("Timed out connecting");
            CATALOG.record("a host that accepts the connection but never answers (connectTimeout=1s)", e, "nothing");
        }
    }

    @Test
    void aPortThatDoesNotSpeakSsh() throws Exception {
        try (ServerSocket http = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread responder = new Thread(() -> {
                try (Socket client = http.accept(); OutputStream out = client.getOutputStream()) {
                    out.write("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                } catch (IOException ignored) {
                    // the client may already be gone
                }
            });
            responder.start();
            try (SftpTransfers transfers = new SftpTransfers(settingsFor(http.getLocalPort(), "x", null, null,
                    Duration.ofSeconds(5)))) {
                Throwable e = failure(() -> transfers.upload(TransferSource.bytes(new byte[1]), "/srv/a", ATOMIC));
                assertThat(e).hasMessageContaining("[127.0.0.1]:" + http.getLocalPort());
                CATALOG.record("wrong port: an HTTP server instead of SSH", e, "nothing");
            }
            responder.join();
        }
    }

    @Test
    void aWrongPassword() throws Exception {
        try (SftpTransfers transfers = new SftpTransfers(settingsFor(server.port(), "Not-It-99", null, null,
                Duration.ofSeconds(5)))) {
            Throwable e = failure(() -> transfers.upload(TransferSource.bytes(new byte[1]), "/srv/a", ATOMIC));
            assertThat(e).hasMessageContaining("Authentication failed").hasMessageNotContaining("Not-It-99");
            CATALOG.record("wrong password", e, "nothing");
        }
    }

    @Test
    void aKeyTheServerDoesNotKnowAndAnEncryptedKeyWithoutItsPassphrase() throws Exception {
        Path key = tmp.resolve("id_ed25519");
        try (OutputStream out = Files.newOutputStream(key)) {
            OpenSSHKeyEncryptionContext encryption = new OpenSSHKeyEncryptionContext();
            encryption.setPassword("Key-Pass-31");
            encryption.setCipherName("AES");
            encryption.setCipherMode("CTR");
            encryption.setCipherType("256");
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(
                    KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256), "k", encryption, out);
        }

        Throwable noPassphrase = failure(() -> new SftpTransfers(settingsFor(server.port(), null, key, null,
                Duration.ofSeconds(5))));
        assertThat(noPassphrase).hasMessageContaining("is encrypted").hasMessageContaining("privateKeyPassphrase");
        CATALOG.record("encrypted private key without privateKeyPassphrase", noPassphrase, "nothing (refused at start)");

        Throwable wrongPassphrase = failure(() -> new SftpTransfers(settingsFor(server.port(), null, key, "wrong",
                Duration.ofSeconds(5))));
        assertThat(wrongPassphrase).hasMessageContaining("privateKeyPassphrase does not open")
                .hasMessageNotContaining("wrong");
        CATALOG.record("encrypted private key with a wrong privateKeyPassphrase", wrongPassphrase,
                "nothing (refused at start)");

        try (SftpTransfers transfers = new SftpTransfers(settingsFor(server.port(), null, key, "Key-Pass-31",
                Duration.ofSeconds(5)))) {
            Throwable e = failure(() -> transfers.upload(TransferSource.bytes(new byte[1]), "/srv/a", ATOMIC));
            assertThat(e).hasMessageContaining("Authentication failed").hasMessageContaining("public key");
            CATALOG.record("a private key the server does not accept", e, "nothing");
        }
    }

    @Test
    void missingAndUncreatableRemoteDirectories() throws Exception {
        TransferResult created = direct.upload(TransferSource.bytes("x".getBytes()), "/srv/new/deep/a.txt", ATOMIC);
        assertThat(remote("/srv/new/deep/a.txt")).hasContent("x");
        CATALOG.record("remote directory missing, autoCreate=true (default)", null,
                "the directories are created; the file is " + created.remotePath());

        Throwable refused = failure(() -> direct.upload(TransferSource.bytes("x".getBytes()), "/srv/missing/a.txt",
                ATOMIC.toBuilder().autoCreate(false).build()));
        assertThat(refused).hasMessageContaining("/srv/missing does not exist").hasMessageContaining("autoCreate");
        CATALOG.record("remote directory missing, autoCreate=false", refused, "nothing");

        Files.writeString(remote("/srv/plainfile"), "a file, not a directory");
        Throwable blocked = failure(() -> direct.upload(TransferSource.bytes("x".getBytes()), "/srv/plainfile/a.txt",
                ATOMIC));
        assertThat(blocked).hasMessageContaining("/srv/plainfile/a.txt");
        assertThat(remote("/srv/plainfile")).hasContent("a file, not a directory");
        CATALOG.record("remote directory cannot be created (a file has its name)", blocked, "the file is untouched");
    }

    @Test
    void aDestinationThatIsADirectory() throws Exception {
        Files.createDirectories(remote("/srv/taken/inside"));

        Throwable plain = failure(() -> direct.upload(TransferSource.bytes("x".getBytes()), "/srv/taken",
                TransferOptions.builder().build()));
        assertThat(plain).hasMessageContaining("/srv/taken");
        CATALOG.record("the destination name is an existing directory (atomic=false)", plain,
                "the directory and its content are untouched");
        Throwable atomic = failure(() -> direct.upload(TransferSource.bytes("x".getBytes()), "/srv/taken", ATOMIC));
        assertThat(atomic).hasMessageContaining("/srv/taken");
        assertThat(remote("/srv/taken/inside")).isDirectory();
        assertThat(remote("/srv/taken.hussh.tmp")).doesNotExist();
        CATALOG.record("the destination name is an existing directory (atomic=true)", atomic,
                "the directory is untouched; the temp file is removed");
    }

    @Test
    void namesWithSpacesUnicodeAndGlobCharacters() throws Exception {
        for (String name : new String[] { "with spaces.txt", "unicodé-файл-名前.txt", "star*and?.txt", "back\\slash.txt" }) {
            direct.upload(TransferSource.bytes(name.getBytes(StandardCharsets.UTF_8)), "/srv/names/" + name, ATOMIC);
            assertThat(remote("/srv/names/" + name)).hasContent(name);
        }
        CATALOG.record("file names with spaces, unicode, *, ? and \\", null, "files under exactly those names");
    }

    @Test
    void aNameLongerThanTheServerAllows() {
        String name = "n".repeat(300) + ".txt";
        Throwable e = failure(() -> direct.upload(TransferSource.bytes("x".getBytes()), "/srv/" + name, ATOMIC));
        assertThat(e).isInstanceOf(HusshTransferException.class);
        CATALOG.record("a 304-character file name (the file system allows 255)", e, "nothing");
    }

    @Test
    void namesThatLeaveTheDirectoryOrAreAbsolute() {
        Throwable up = failure(() -> RemotePaths.resolve("/srv/in", "../../etc/passwd"));
        Throwable absolute = failure(() -> RemotePaths.resolve("/srv/in", "/etc/passwd"));
        assertThat(up).isInstanceOf(IllegalArgumentException.class);
        assertThat(absolute).isInstanceOf(IllegalArgumentException.class);
        CATALOG.record("a file name with a .. segment", up, "nothing (refused before connecting)");
        CATALOG.record("an absolute file name", absolute, "nothing (refused before connecting)");
    }

    @Test
    void aMissingLocalSourceAndAnEmptyOne() throws Exception {
        Path missing = tmp.resolve("nope.bin");
        Throwable e = failure(() -> direct.upload(TransferSource.file(missing), "/srv/nope.bin", ATOMIC));
        assertThat(e).hasMessageContaining(missing.toString());
        CATALOG.record("missing local source file", e, "nothing");

        Path empty = Files.createFile(tmp.resolve("empty.bin"));
        direct.upload(TransferSource.file(empty), "/srv/empty.bin", ATOMIC);
        direct.download("/srv/empty.bin", tmp.resolve("back/empty.bin"), ATOMIC);
        assertThat(remote("/srv/empty.bin")).isEmptyFile();
        assertThat(tmp.resolve("back/empty.bin")).isEmptyFile();
        CATALOG.record("a zero-byte file, up and down", null, "zero-byte files under the final names");
    }

    @Test
    void aSourceShorterThanThePartialAtTheDestination() throws Exception {
        Files.createDirectories(remote("/srv"));
        byte[] source = TestFiles.randomBytes(1000, 90);
        Files.write(remote("/srv/short.bin"), TestFiles.randomBytes(5000, 91));
        TransferResult plain = direct.upload(TransferSource.bytes(source), "/srv/short.bin",
                TransferOptions.builder().resume(true).build());
        assertThat(plain.skipped()).isTrue();
        CATALOG.record("resume=true, atomic=false: the destination is larger than the source", null,
                "the destination, untouched (CamelHusshSkipped=true: by the resume rule it is complete)");

        Files.write(remote("/srv/short2.bin.hussh.tmp"), TestFiles.randomBytes(5000, 92));
        TransferResult atomic = direct.upload(TransferSource.bytes(source), "/srv/short2.bin",
                ATOMIC.toBuilder().resume(true).build());
        assertThat(atomic.resumeRestarted()).isTrue();
        assertThat(TestFiles.sha256(remote("/srv/short2.bin"))).isEqualTo(TestFiles.sha256(source));
        CATALOG.record("resume=true, atomic=true: the temp file is larger than the source", null,
                "the temp is rewritten from 0 and committed (CamelHusshResumeRestarted=true)");
    }

    @Test
    void aSourceThatChangedBetweenAttempts() throws Exception {
        Files.createDirectories(remote("/srv"));
        byte[] newVersion = TestFiles.randomBytes(300_000, 93);
        byte[] oldVersion = TestFiles.randomBytes(300_000, 94);
        Files.write(remote("/srv/changed.bin.hussh.tmp"), Arrays.copyOf(oldVersion, 120_000));

        TransferResult result = direct.upload(TransferSource.bytes(newVersion), "/srv/changed.bin", ATOMIC.toBuilder().resume(true).build());

        assertThat(result.resumeRestarted()).isTrue();
        assertThat(TestFiles.sha256(remote("/srv/changed.bin"))).isEqualTo(TestFiles.sha256(newVersion));
        CATALOG.record("resume=true: the source changed since the partial was written", null,
                "the partial is rewritten from 0 (its last 64 KiB differ; CamelHusshResumeRestarted=true)");
    }

    @Test
    void offsetsBeyondFourGibibytesUpAndDown() throws Exception {
        long size = FOUR_GIB + 3 * 1024 * 1024 + 17;
        long partial = FOUR_GIB + 1024 * 1024;
        Path source = sparse(tmp.resolve("huge.img"), size);
        Files.createDirectories(remote("/srv"));
        sparse(remote("/srv/huge.img.hussh.tmp"), partial);

        TransferResult up = direct.upload(TransferSource.file(source), "/srv/huge.img", ATOMIC.toBuilder().resume(true).build());

        assertThat(up.resumeOffset()).isEqualTo(partial);
        assertThat(up.bytesTransferred()).isEqualTo(size - partial);
        assertThat(Files.size(remote("/srv/huge.img"))).isEqualTo(size);

        Path local = tmp.resolve("down/huge.img");
        Files.createDirectories(local.getParent());
        sparse(tmp.resolve("down/huge.img.hussh.tmp"), partial);
        TransferResult down = direct.download("/srv/huge.img", local, ATOMIC.toBuilder().resume(true).build());

        assertThat(down.resumeOffset()).isEqualTo(partial);
        assertThat(down.bytesTransferred()).isEqualTo(size - partial);
        assertThat(Files.size(local)).isEqualTo(size);
        CATALOG.record("a file over 4 GiB resumed at an offset beyond 2^32, up and down", null,
                "the complete file (" + size + " bytes); only the missing " + (size - partial) + " bytes moved");
    }

    /** A file of that size holding only zeros, which takes no disk space. */
    private static Path sparse(Path file, long size) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(size);
        }
        return file;
    }

    private ConnectionSettings trusting(Path knownHostsFile) {
        return settingsFor(server.port(), EmbeddedSftpServer.PASSWORD, null, null, Duration.ofSeconds(5)).toBuilder()
                .knownHostsFile(knownHostsFile)
                .build();
    }

    @Test
    void unknownAndChangedHostKeys() throws Exception {
        Path empty = Files.writeString(tmp.resolve("empty_known_hosts"), "");
        try (SftpTransfers transfers = new SftpTransfers(trusting(empty))) {
            Throwable e = failure(() -> transfers.upload(TransferSource.bytes(new byte[1]), "/srv/a", ATOMIC));
            assertThat(e).hasMessageContaining("is unknown");
            CATALOG.record("unknown host key (strictHostKeyChecking=yes, the default)", e, "nothing");
        }
        Path wrong;
        try (EmbeddedSftpServer impostor = EmbeddedSftpServer.start(tmp.resolve("impostor"))) {
            wrong = Files.writeString(tmp.resolve("wrong_known_hosts"), "[127.0.0.1]:" + server.port() + " "
                    + PublicKeyEntry.toString(impostor.hostKey()) + "\n");
        }
        try (SftpTransfers transfers = new SftpTransfers(trusting(wrong))) {
            Throwable e = failure(() -> transfers.upload(TransferSource.bytes(new byte[1]), "/srv/a", ATOMIC));
            assertThat(e).hasMessageContaining("CHANGED");
            CATALOG.record("changed host key", e, "nothing");
        }
    }
}
