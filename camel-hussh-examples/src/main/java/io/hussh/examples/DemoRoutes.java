package io.hussh.examples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

import io.hussh.camel.HusshConstants;
import io.hussh.testing.FaultProxy;
import io.hussh.testing.FaultProxy.Direction;
import io.hussh.testing.TestFiles;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * One pass through the component: (1) upload a file atomically, send it again (resume finds it complete and sends
 * nothing) and download it; (2) upload through a link that drops in the middle, where the reconnect sends only the
 * missing bytes; (3) consume a remote outbox into a local directory.
 */
public class DemoRoutes extends RouteBuilder {

    private static final int FILE_SIZE = 16 * 1024 * 1024;
    private static final int CUT_AFTER = 6 * 1024 * 1024;

    private final DemoServer server;
    private final Path work;
    private final AtomicBoolean succeeded = new AtomicBoolean();

    public DemoRoutes(DemoServer server, Path work) {
        this.server = server;
        this.work = work;
    }

    public boolean succeeded() {
        return succeeded.get();
    }

    @Override
    public void configure() {
        onException(Exception.class)
                .log("The demo failed: ${exception.message}")
                .handled(true);

        String direct = server.endpoint(server.port(), server.directory("outbox"),
                "atomic=true&resume=true&localDirectory=" + work.resolve("inbox"));

        from("timer:demo?repeatCount=1").routeId("demo")
                .process(e -> createFile(e, "report.bin"))
                .log("1. Uploading ${header.CamelFileName} (${header.CamelFileLength} bytes) with atomic=true&resume=true")
                .to(direct)
                .log("   Sent ${header.CamelHusshBytesTransferred} bytes to ${header.CamelHusshRemotePath}; it was written"
                     + " as ${header.CamelFileName}.hussh.tmp and renamed only when complete.")
                .log("   Uploading the same file again:")
                .to(direct)
                .log("   the server already had all of it: skipped=${header.CamelHusshSkipped},"
                     + " ${header.CamelHusshBytesTransferred} bytes sent.")
                .setHeader(HusshConstants.OPERATION, constant("download"))
                .to(direct)
                .log("   Downloaded it back: ${header.CamelHusshBytesTransferred} bytes into ${header.CamelFileNameProduced}.")
                .process(this::compareDigests)
                .log("   SHA-256 of the original, the uploaded and the downloaded copy: ${header.digest} (all equal).")
                .removeHeader(HusshConstants.OPERATION)
                .choice().when(e -> server.embedded())
                    .to("direct:interrupted")
                    .to("direct:consume")
                .otherwise()
                    .log("(Steps 2 and 3 need the embedded server, whose link the demo can cut and whose files it can"
                         + " place.)")
                .end()
                .process(e -> succeeded.set(true));

        from("direct:interrupted").routeId("interrupted")
                .process(e -> createFile(e, "backup.tar"))
                .process(this::cutTheLinkOnce)
                .log("2. Uploading ${header.CamelFileName} (${header.CamelFileLength} bytes) through a link that drops"
                     + " after " + CUT_AFTER + " bytes")
                .toD("${exchangeProperty.flakyEndpoint}")
                .process(this::reportInterruption)
                .log("   The link dropped; hussh reconnected ${header.CamelHusshReconnects} time(s) within the exchange and"
                     + " sent only what was missing: ${exchangeProperty.wire} bytes crossed the link in all for a"
                     + " ${header.CamelFileLength}-byte file (starting over would have needed about"
                     + " ${exchangeProperty.restart}). The final name never held a partial file.");

        String outbox = server.endpoint(server.port(), "/partner-outbox", "localDirectory=" + work.resolve("consumed")
                                                                          + "&atomic=true&resume=true&move=.done"
                                                                          + "&maxMessagesPerPoll=1");
        from("direct:consume").routeId("consume")
                .process(this::dropFilesInTheOutbox)
                .log("3. Two partner files wait in the remote outbox (a third is still being uploaded under its temp"
                     + " name); consuming them into " + work.resolve("consumed"))
                .pollEnrich(outbox, 10_000)
                .log("   received ${header.CamelFileName} (${header.CamelFileLength} bytes) as ${header.CamelFileNameProduced}")
                .pollEnrich(outbox, 10_000)
                .log("   received ${header.CamelFileName} (${header.CamelFileLength} bytes) as ${header.CamelFileNameProduced};"
                     + " both were moved to /partner-outbox/.done on the server, the file in progress was left alone.");
    }

    private void createFile(Exchange exchange, String name) throws Exception {
        Path file = TestFiles.randomFile(work.resolve("local").resolve(name), FILE_SIZE, System.nanoTime());
        exchange.getMessage().setBody(file.toFile());
        exchange.getMessage().setHeader(Exchange.FILE_NAME, name);
        exchange.getMessage().setHeader(Exchange.FILE_LENGTH, Files.size(file));
        exchange.setProperty("original", file);
    }

    private void cutTheLinkOnce(Exchange exchange) throws Exception {
        FaultProxy proxy = server.proxy();
        proxy.resetCounters();
        proxy.dropOnceAfter(Direction.UPSTREAM, CUT_AFTER);
        exchange.setProperty("flakyEndpoint", server.endpoint(proxy.port(), "/outbox",
                "atomic=true&resume=true&reconnectDelay=200"));
    }

    private void reportInterruption(Exchange exchange) throws Exception {
        exchange.setProperty("wire", server.proxy().upstreamBytes());
        exchange.setProperty("restart", CUT_AFTER + FILE_SIZE);
        String uploaded = TestFiles.sha256(server.local("/outbox/backup.tar"));
        if (!uploaded.equals(TestFiles.sha256(exchange.getProperty("original", Path.class)))) {
            throw new IllegalStateException("The resumed upload does not match the original");
        }
    }

    private void dropFilesInTheOutbox(Exchange exchange) throws Exception {
        Files.createDirectories(server.local("/partner-outbox"));
        Files.writeString(server.local("/partner-outbox/orders-1.csv"), "id,amount\n1,42\n");
        Files.writeString(server.local("/partner-outbox/orders-2.csv"), "id,amount\n2,17\n");
        Files.writeString(server.local("/partner-outbox/orders-3.csv.hussh.tmp"), "still being uploaded");
    }

    private void compareDigests(Exchange exchange) throws Exception {
        String original = TestFiles.sha256(exchange.getProperty("original", Path.class));
        String remotePath = exchange.getMessage().getHeader(HusshConstants.REMOTE_PATH, String.class);
        String downloaded = TestFiles.sha256(Path.of(exchange.getMessage().getHeader(Exchange.FILE_NAME_PRODUCED,
                String.class)));
        // on a real server the uploaded copy is known through the download only
        String uploaded = server.embedded() ? TestFiles.sha256(server.local(remotePath)) : downloaded;
        if (!original.equals(uploaded) || !original.equals(downloaded)) {
            throw new IllegalStateException("Digests differ: original " + original + ", uploaded " + uploaded
                                            + ", downloaded " + downloaded);
        }
        exchange.getMessage().setHeader("digest", original);
    }
}
