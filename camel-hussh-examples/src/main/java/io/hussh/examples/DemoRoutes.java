package io.hussh.examples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

import io.hussh.camel.HusshConstants;
import io.hussh.testing.EmbeddedSftpServer;
import io.hussh.testing.TestFiles;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * One pass through the component: upload a file atomically, send it again (resume finds it complete and sends
 * nothing), download it, and compare SHA-256 digests of all three copies.
 */
public class DemoRoutes extends RouteBuilder {

    private static final int FILE_SIZE = 16 * 1024 * 1024;

    private final String endpoint;
    private final Path localDirectory;
    private final EmbeddedSftpServer server;
    private final AtomicBoolean succeeded = new AtomicBoolean();

    public DemoRoutes(String endpoint, Path localDirectory, EmbeddedSftpServer server) {
        this.endpoint = endpoint;
        this.localDirectory = localDirectory;
        this.server = server;
    }

    public boolean succeeded() {
        return succeeded.get();
    }

    @Override
    public void configure() {
        onException(Exception.class)
                .log("The demo failed: ${exception.message}")
                .handled(true);

        from("timer:demo?repeatCount=1").routeId("demo")
                .process(this::createFile)
                .log("1. Uploading ${header.CamelFileName} (${header.CamelFileLength} bytes) with atomic=true&resume=true")
                .to(endpoint)
                .log("   Sent ${header.CamelHusshBytesTransferred} bytes to ${header.CamelHusshRemotePath}; it was written"
                     + " as ${header.CamelFileName}.hussh.tmp and renamed only when complete.")
                .log("2. Uploading the same file again")
                .to(endpoint)
                .log("   The server already had all of it: skipped=${header.CamelHusshSkipped},"
                     + " ${header.CamelHusshBytesTransferred} bytes sent.")
                .setHeader(HusshConstants.OPERATION, constant("download"))
                .log("3. Downloading ${header.CamelHusshRemotePath}")
                .to(endpoint)
                .log("   Received ${header.CamelHusshBytesTransferred} bytes into ${header.CamelFileNameProduced}.")
                .process(this::compareDigests)
                .log("4. SHA-256 of the original, the uploaded and the downloaded copy: ${header.digest} (all equal).");
    }

    private void createFile(Exchange exchange) throws Exception {
        Path file = TestFiles.randomFile(localDirectory.resolve("report.bin"), FILE_SIZE, System.nanoTime());
        exchange.getMessage().setBody(file.toFile());
        exchange.getMessage().setHeader(Exchange.FILE_NAME, "report.bin");
        exchange.getMessage().setHeader(Exchange.FILE_LENGTH, Files.size(file));
        exchange.setProperty("original", file);
    }

    private void compareDigests(Exchange exchange) throws Exception {
        String original = TestFiles.sha256(exchange.getProperty("original", Path.class));
        String uploaded = TestFiles.sha256(server.file(exchange.getMessage().getHeader(HusshConstants.REMOTE_PATH,
                String.class)));
        String downloaded = TestFiles.sha256(Path.of(exchange.getMessage().getHeader(Exchange.FILE_NAME_PRODUCED,
                String.class)));
        if (!original.equals(uploaded) || !original.equals(downloaded)) {
            throw new IllegalStateException("Digests differ: original " + original + ", uploaded " + uploaded
                                            + ", downloaded " + downloaded);
        }
        exchange.getMessage().setHeader("digest", original);
        succeeded.set(true);
    }
}
