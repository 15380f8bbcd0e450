package io.hussh.examples.quarkus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import io.hussh.camel.HusshConstants;
import io.hussh.camel.HusshEndpoint;
import io.hussh.testing.TestFiles;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The application in JVM mode, on the Camel that Camel Quarkus brings, against an embedded SFTP server. */
@QuarkusTest
@WithTestResource(EmbeddedSftpServerResource.class)
class HusshQuarkusApplicationTest {

    private static final int MIB = 1024 * 1024;

    @Inject
    ProducerTemplate template;

    @Inject
    CamelContext camelContext;

    @ConfigProperty(name = EmbeddedSftpServerResource.SERVER_ROOT)
    String serverRoot;

    @ConfigProperty(name = "inbox.directory")
    String inbox;

    @Test
    void theRouteUploadsAFileWhole() throws Exception {
        // not a multiple of the 32 KiB SFTP request size, so a lost last request would show
        byte[] data = randomBytes(5 * MIB + 12_345);

        Exchange done = upload("payload.bin", data);

        Path uploaded = Path.of(serverRoot, "outbox", "payload.bin");
        assertThat(uploaded).exists();
        String sha256 = sha256(Files.readAllBytes(uploaded));
        assertThat(sha256).isEqualTo(sha256(data));
        assertThat(done.getMessage().getHeader(HusshConstants.BYTES_TRANSFERRED, Long.class)).isEqualTo(data.length);
        assertNoTempFileLeft();
        System.out.printf("Quarkus route uploaded %d bytes, sha256 %s%n", data.length, sha256);

        HusshEndpoint endpoint = camelContext.getEndpoints().stream().filter(HusshEndpoint.class::isInstance)
                .map(HusshEndpoint.class::cast)
                .filter(candidate -> candidate.getConfiguration().getDirectoryName().equals("/outbox"))
                .findFirst().orElseThrow();
        assertThat(endpoint.getConfiguration().isAtomic()).isTrue();
        assertThat(endpoint.getConfiguration().isResume()).isTrue();
    }

    @Test
    void aPartialTempFileIsContinuedThenRenamed() throws Exception {
        byte[] data = randomBytes(3 * MIB + 777);
        Path outbox = Files.createDirectories(Path.of(serverRoot, "outbox"));
        // what a cut earlier attempt leaves with atomic=true&resume=true
        Files.write(outbox.resolve("resumed.bin.hussh.tmp"), Arrays.copyOf(data, MIB));

        Exchange done = upload("resumed.bin", data);

        assertThat(done.getMessage().getHeader(HusshConstants.RESUME_OFFSET, Long.class)).isEqualTo(MIB);
        assertThat(done.getMessage().getHeader(HusshConstants.BYTES_TRANSFERRED, Long.class))
                .isEqualTo(data.length - MIB);
        assertThat(sha256(Files.readAllBytes(outbox.resolve("resumed.bin")))).isEqualTo(sha256(data));
        assertNoTempFileLeft();
    }

    @Test
    void theConsumerDownloadsTheOutboxIntoTheInboxAndArchivesIt() throws Exception {
        byte[] data = randomBytes(4 * MIB + 4_321);
        Path outbox = Path.of(serverRoot, "partner-outbox");
        // written under a temp name the consumer skips and then renamed, as a careful partner does, so no poll lists
        // the file half-written
        Path written = Files.write(outbox.resolve("statement.bin.hussh.tmp"), data);
        Files.move(written, outbox.resolve("statement.bin"), StandardCopyOption.ATOMIC_MOVE);

        Path received = Path.of(inbox, "statement.bin");
        TestFiles.awaitSize(received, data.length);
        // the consumer archives the remote file only after the route completed
        Path archived = outbox.resolve(".done/statement.bin");
        TestFiles.awaitSize(archived, data.length);

        String sha256 = sha256(Files.readAllBytes(received));
        assertThat(sha256).isEqualTo(sha256(data));
        try (Stream<Path> files = Files.walk(Path.of(inbox))) {
            // no temp file (*.hussh.tmp), download record or lock file left beside it
            assertThat(files.filter(Files::isRegularFile)).containsExactly(received);
        }
        assertThat(outbox.resolve("statement.bin")).doesNotExist();
        assertThat(sha256(Files.readAllBytes(archived))).isEqualTo(sha256(data));
        System.out.printf("Quarkus consumer downloaded %d bytes, sha256 %s%n", data.length, sha256);

        HusshEndpoint endpoint = (HusshEndpoint) camelContext.getRoute("quarkus-outbox").getEndpoint();
        assertThat(endpoint.getConfiguration().isAtomic()).isTrue();
        assertThat(endpoint.getConfiguration().isResume()).isTrue();
    }

    private Exchange upload(String fileName, byte[] data) throws Exception {
        Exchange done = template.request("direct:upload", exchange -> {
            exchange.getMessage().setBody(data);
            exchange.getMessage().setHeader(Exchange.FILE_NAME, fileName);
        });
        if (done.getException() != null) {
            throw done.getException();
        }
        return done;
    }

    private void assertNoTempFileLeft() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of(serverRoot))) {
            assertThat(files.map(Path::toString)).noneMatch(name -> name.endsWith(".hussh.tmp"));
        }
    }

    private static byte[] randomBytes(int size) {
        byte[] data = new byte[size];
        ThreadLocalRandom.current().nextBytes(data);
        return data;
    }

    private static String sha256(byte[] data) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }
}
