package io.hussh.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import io.hussh.camel.HusshConstants;
import io.hussh.sftp.ConnectionSettings;
import io.hussh.sftp.ReconnectPolicy;
import io.hussh.sftp.SftpTransfers;
import io.hussh.sftp.TransferOptions;
import io.hussh.sftp.TransferResult;
import io.hussh.sftp.TransferSource;
import io.hussh.testing.ChildJvm;
import io.hussh.testing.EmbeddedSftpServer;
import io.hussh.testing.FaultProxy.Direction;
import io.hussh.testing.FinalPathWatcher;
import io.hussh.testing.TestFiles;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One file split over several connections, on every server of the matrix: uploads and downloads, atomic and
 * resumable, a cut of one stream and of all of them, a transfer resumed from the journal of a killed JVM, and a
 * server that lets a user open one connection only.
 */
class SegmentedTransferIT extends MatrixTestSupport {

    private static final int SEGMENT = 1024 * 1024;
    private static final int SIZE = 24 * SEGMENT + 4321;
    private static final int STREAMS = 4;
    /**
     * Reads in flight per connection: a download run that ends where another stream's begins discards what was still
     * on its way, up to this many requests of 32 KiB, so it is kept small enough for the byte budgets to see a cut.
     */
    private static final int BULK_REQUESTS = 16;
    private static final long READ_AHEAD = BULK_REQUESTS * 32L * 1024;
    private static final ReconnectPolicy PATIENT = new ReconnectPolicy(10, Duration.ofMillis(50),
            Duration.ofMillis(200));

    private TransferOptions split(boolean atomic, boolean resume) {
        return TransferOptions.builder().atomic(atomic).resume(resume).segmentSize(SEGMENT).parallelThreshold(0)
                .parallelMinimumRoundTrip(Duration.ZERO)
                // a server without posix-rename replaces only through a backup rename
                .allowNonAtomicReplace(kind == ServerKind.MINA_NO_OPENSSH_EXTENSIONS).build();
    }

    private SftpTransfers splitting(int port) {
        ConnectionSettings settings = server.settings(knownHosts, port).toBuilder().parallelStreams(STREAMS)
                .bulkRequests(BULK_REQUESTS).build();
        try {
            return new SftpTransfers(settings, PATIENT);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ServerKind.class)
    void anAtomicUploadOverFourConnectionsAppearsOnlyWhole(ServerKind kind) throws Exception {
        connect(kind);
        byte[] old = TestFiles.randomBytes(SIZE / 2, 60);
        Path source = TestFiles.randomFile(tmp.resolve("up.bin"), SIZE, 61);
        String remote = server.newDirectory("split-up") + "/file.bin";
        server.seed(remote, old);

        TransferResult result;
        try (SftpTransfers transfers = splitting(server.port());
             // without posix-rename the old file is replaced through a backup rename: briefly absent, never partial
             FinalPathWatcher watcher = new FinalPathWatcher(server.local(remote),
                     Set.of(TestFiles.sha256(old), TestFiles.sha256(source)),
                     kind == ServerKind.MINA_NO_OPENSSH_EXTENSIONS)) {
            result = transfers.upload(TransferSource.file(source), remote, split(true, true));
            watcher.awaitVersion(TestFiles.sha256(source));
            assertThat(watcher.violations()).isEmpty();
        }

        assertThat(result.streams()).isEqualTo(STREAMS);
        assertThat(result.bytesTransferred()).isEqualTo(SIZE);
        assertThat(TestFiles.sha256(server.local(remote))).isEqualTo(TestFiles.sha256(source));
        assertNothingBeside(remote);
        CompatibilityReport.note(kind, "segmented upload", STREAMS + " streams, atomic, SHA-256 matches");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ServerKind.class)
    void aDownloadOverFourConnectionsArrivesWhole(ServerKind kind) throws Exception {
        connect(kind);
        byte[] content = TestFiles.randomBytes(SIZE, 62);
        String remote = server.newDirectory("split-down") + "/file.bin";
        server.seed(remote, content);
        Path local = tmp.resolve("down/file.bin");

        TransferResult result;
        try (SftpTransfers transfers = splitting(server.port())) {
            TransferOptions options = split(true, true).toBuilder().checksum(true).build();
            result = transfers.download(remote, local, options);
        }

        assertThat(result.streams()).isEqualTo(STREAMS);
        assertThat(result.checksum()).isEqualTo(TestFiles.sha256(content));
        assertThat(TestFiles.sha256(local)).isEqualTo(TestFiles.sha256(content));
        try (Stream<Path> files = Files.list(local.getParent())) {
            assertThat(files.map(file -> file.getFileName().toString())).containsExactly("file.bin");
        }
        CompatibilityReport.note(kind, "segmented download", STREAMS + " streams, SHA-256 matches");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ServerKind.class)
    void uploadsAndDownloadsCarryOnWhenOneStreamIsCut(ServerKind kind) throws Exception {
        connect(kind);
        Path source = TestFiles.randomFile(tmp.resolve("up.bin"), SIZE, 63);
        String remote = server.newDirectory("split-cut-one") + "/file.bin";

        proxy.dropFirstToReach(Direction.UPSTREAM, 3L * SEGMENT);
        TransferResult up;
        try (SftpTransfers transfers = splitting(proxy.port())) {
            up = transfers.upload(TransferSource.file(source), remote, split(true, true));
        }
        assertThat(proxy.drops()).isEqualTo(1);
        assertThat(up.reconnects()).isEqualTo(1);
        assertThat(up.streams()).isEqualTo(STREAMS);
        assertThat(TestFiles.sha256(server.local(remote))).isEqualTo(TestFiles.sha256(source));
        // what the server had not yet written when the stream broke, sent again, and no more than a few MiB of it
        assertThat(proxy.upstreamBytes()).isLessThan(wireBudget(SIZE) + 4L * SEGMENT);
        assertNothingBeside(remote);

        proxy.resetCounters();
        proxy.dropFirstToReach(Direction.DOWNSTREAM, 3L * SEGMENT);
        Path local = tmp.resolve("down/file.bin");
        TransferResult down;
        try (SftpTransfers transfers = splitting(proxy.port())) {
            down = transfers.download(remote, local, split(true, true));
        }
        assertThat(proxy.drops()).as("cuts, the upload's included").isEqualTo(2);
        assertThat(down.reconnects()).isEqualTo(1);
        assertThat(TestFiles.sha256(local)).isEqualTo(TestFiles.sha256(source));
        // besides what the cut lost, each run that ends where another stream's begins discards its reads in flight
        assertThat(proxy.downstreamBytes()).isLessThan(wireBudget(SIZE) + 4L * SEGMENT + 2 * STREAMS * READ_AHEAD);
        CompatibilityReport.note(kind, "segmented, one stream cut", "reconnected once, SHA-256 matches");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ServerKind.class)
    void uploadsAndDownloadsGetThroughWhenEveryConnectionIsCut(ServerKind kind) throws Exception {
        connect(kind);
        Path source = TestFiles.randomFile(tmp.resolve("up.bin"), SIZE, 64);
        String remote = server.newDirectory("split-cut-all") + "/file.bin";

        proxy.dropEveryConnectionAfter(Direction.UPSTREAM, 4L * SEGMENT);
        TransferResult up;
        try (SftpTransfers transfers = splitting(proxy.port())) {
            up = transfers.upload(TransferSource.file(source), remote, split(false, true));
        }
        assertThat(up.reconnects()).isGreaterThanOrEqualTo(STREAMS);
        assertThat(TestFiles.sha256(server.local(remote))).isEqualTo(TestFiles.sha256(source));
        assertThat(proxy.upstreamBytes()).isLessThan(wireBudget(SIZE) + (long) proxy.drops() * 3 * SEGMENT);
        assertNothingBeside(remote);

        proxy.resetCounters();
        proxy.dropEveryConnectionAfter(Direction.DOWNSTREAM, 4L * SEGMENT);
        Path local = tmp.resolve("down/file.bin");
        TransferResult down;
        try (SftpTransfers transfers = splitting(proxy.port())) {
            down = transfers.download(remote, local, split(true, true));
        }
        assertThat(down.reconnects()).isGreaterThanOrEqualTo(STREAMS);
        assertThat(TestFiles.sha256(local)).isEqualTo(TestFiles.sha256(source));
        assertThat(proxy.downstreamBytes()).isLessThan(wireBudget(SIZE) + (long) proxy.drops() * 3 * SEGMENT
                                                       + 2 * STREAMS * READ_AHEAD);
        CompatibilityReport.note(kind, "segmented, every connection cut", up.reconnects() + " reconnects up, "
                                                                          + down.reconnects() + " down");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ServerKind.class)
    void aSplitUploadOfAKilledJvmIsContinuedFromItsJournal(ServerKind kind) throws Exception {
        connect(kind);
        int size = 48 * SEGMENT;
        Path source = TestFiles.randomFile(tmp.resolve("up.bin"), size, 65);
        String remote = server.newDirectory("split-killed") + "/file.bin";
        Path journal = server.local(RemoteJournal.of(remote + ".hussh.tmp"));

        try (ChildJvm doomed = node(nodeProxy(2L * SEGMENT), remote, source)) {
            try {
                RemoteJournal.awaitReached(journal, size / 4);
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "; the node said:\n" + doomed.log(), e);
            }
            doomed.kill();
        }
        closeNodeProxies();
        assertThat(server.local(remote)).doesNotExist();
        // what the heir must send: each segment from what the journal says it reached or, where the server holds less
        // (the killed node's last writes were still in flight), from what it holds, found to within one compared block
        long[] reached = RemoteJournal.reaches(journal);
        long[] held = SegmentsHeld.settled(server.local(remote + ".hussh.tmp"), source, SEGMENT);
        long missing = 0;
        int heldShort = 0;
        for (int i = 0; i < reached.length; i++) {
            long start = (long) i * SEGMENT;
            missing += Math.min(size, start + SEGMENT) - Math.min(reached[i], start + held[i]);
            heldShort += start + held[i] < reached[i] ? 1 : 0;
        }

        String result;
        try (ChildJvm heir = node(server.port(), remote, source)) {
            result = heir.awaitLine("RESULT", 120);
        }
        String[] words = result.split(" ");
        assertThat(words[1]).as(result).isEqualTo("ok");
        long offset = Long.parseLong(words[3]);
        long sent = Long.parseLong(words[2]);
        assertThat(offset).as("continued what the killed node's segments reached").isGreaterThanOrEqualTo(size / 4);
        assertThat(sent).as("sent only what was missing; " + heldShort + " segments held less than their reach")
                .isBetween(missing, missing + heldShort * 64L * 1024);
        assertThat(words[4]).isEqualTo(String.valueOf(STREAMS));
        assertThat(TestFiles.sha256(server.local(remote))).isEqualTo(TestFiles.sha256(source));
        assertNothingBeside(remote);
        CompatibilityReport.note(kind, "segmented upload of a killed JVM", "continued from its journal at "
                                                                           + offset + " bytes");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ServerKind.class)
    void theProducerAndTheConsumerSplitAndSayOverHowManyConnections(ServerKind kind) throws Exception {
        connect(kind);
        String outbox = server.newDirectory("split-camel");
        Path source = TestFiles.randomFile(tmp.resolve("camel-up.bin"), SIZE, 67);
        String endpoint = "hussh:" + ServerUnderTest.USER + "@127.0.0.1:" + server.port() + outbox + "?password=RAW("
                          + ServerUnderTest.PASSWORD + ")&knownHostsFile=" + knownHosts + "&atomic=true&resume=true"
                          + "&parallelStreams=" + STREAMS + "&parallelThreshold=0&parallelMinimumRoundTrip=0"
                          + "&segmentSize=" + SEGMENT + "&allowNonAtomicReplace="
                          + (kind == ServerKind.MINA_NO_OPENSSH_EXTENSIONS);
        List<Exchange> consumed = new CopyOnWriteArrayList<>();
        try (CamelContext context = new DefaultCamelContext()) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(endpoint + "&localDirectory=" + tmp.resolve("consumed") + "&initialDelay=0&delay=200")
                            .process(exchange -> consumed.add(exchange.copy()));
                }
            });
            context.start();
            ProducerTemplate template = context.createProducerTemplate();

            Exchange upload = template.request(endpoint, exchange -> {
                exchange.getMessage().setBody(source.toFile());
                exchange.getMessage().setHeader(Exchange.FILE_NAME, "big.bin");
            });
            Exchange download = template.request(endpoint + "&operation=download&localDirectory="
                                                                  + tmp.resolve("downloaded"), exchange ->
                    exchange.getMessage().setHeader(Exchange.FILE_NAME, "big.bin"));
            for (int i = 0; i < 300 && consumed.isEmpty(); i++) {
                Thread.sleep(50);
            }

            assertThat(upload.getException()).isNull();
            assertThat(upload.getMessage().getHeader(HusshConstants.STREAMS)).isEqualTo(STREAMS);
            assertThat(download.getException()).isNull();
            assertThat(download.getMessage().getHeader(HusshConstants.STREAMS)).isEqualTo(STREAMS);
            assertThat(TestFiles.sha256(tmp.resolve("downloaded/big.bin"))).isEqualTo(TestFiles.sha256(source));
            assertThat(consumed).hasSize(1);
            assertThat(consumed.get(0).getMessage().getHeader(HusshConstants.STREAMS)).isEqualTo(STREAMS);
            assertThat(TestFiles.sha256(tmp.resolve("consumed/big.bin"))).isEqualTo(TestFiles.sha256(source));
        }
        CompatibilityReport.note(kind, "segmented producer and consumer", "CamelHusshStreams=" + STREAMS);
    }

    @Test
    void aServerThatAllowsOneConnectionGetsTheFileOverThatOne() throws Exception {
        try (EmbeddedSftpServer single = EmbeddedSftpServer.start(tmp.resolve("single-root"))) {
            single.limitSessionsPerUser(1);
            Path hosts = single.writeKnownHosts(tmp.resolve("single_known_hosts"));
            ConnectionSettings settings = ConnectionSettings.builder("127.0.0.1", EmbeddedSftpServer.USER)
                    .port(single.port()).password(EmbeddedSftpServer.PASSWORD).knownHostsFile(hosts)
                    .parallelStreams(STREAMS).build();
            Path source = TestFiles.randomFile(tmp.resolve("up.bin"), SIZE, 66);
            Path local = tmp.resolve("single-down/file.bin");
            TransferOptions options = TransferOptions.builder().atomic(true).resume(true).segmentSize(SEGMENT)
                    .parallelThreshold(0).parallelMinimumRoundTrip(Duration.ZERO).build();

            TransferResult up;
            TransferResult down;
            try (SftpTransfers transfers = new SftpTransfers(settings)) {
                up = transfers.upload(TransferSource.file(source), "/file.bin", options);
                down = transfers.download("/file.bin", local, options);
            }

            assertThat(up.streams()).isEqualTo(1);
            assertThat(down.streams()).isEqualTo(1);
            assertThat(TestFiles.sha256(tmp.resolve("single-root/file.bin"))).isEqualTo(TestFiles.sha256(source));
            assertThat(TestFiles.sha256(local)).isEqualTo(TestFiles.sha256(source));
        }
    }

    @Test
    void theStreamsUseTheConnectionsOpenedAheadForThemAndKeepThemForTheNextFile() throws Exception {
        try (EmbeddedSftpServer counting = EmbeddedSftpServer.start(tmp.resolve("counting-root"))) {
            Path hosts = counting.writeKnownHosts(tmp.resolve("counting_known_hosts"));
            ConnectionSettings settings = ConnectionSettings.builder("127.0.0.1", EmbeddedSftpServer.USER)
                    .port(counting.port()).password(EmbeddedSftpServer.PASSWORD).knownHostsFile(hosts)
                    .parallelStreams(STREAMS).build();
            Path source = TestFiles.randomFile(tmp.resolve("counted.bin"), SIZE, 69);
            TransferOptions options = TransferOptions.builder().atomic(true).resume(true).segmentSize(SEGMENT)
                    .parallelThreshold(0).parallelMinimumRoundTrip(Duration.ZERO).build();

            List<TransferResult> results = new ArrayList<>();
            try (SftpTransfers transfers = new SftpTransfers(settings)) {
                for (int i = 0; i < 3; i++) {
                    results.add(transfers.upload(TransferSource.file(source), "/counted-" + i + ".bin", options));
                }
            }

            assertThat(results).allSatisfy(result -> assertThat(result.streams()).isEqualTo(STREAMS));
            for (int i = 0; i < 3; i++) {
                assertThat(TestFiles.sha256(tmp.resolve("counting-root/counted-" + i + ".bin")))
                        .isEqualTo(TestFiles.sha256(source));
            }
            // the transfers' own connection, and one per stream opened ahead for the first file and kept in the pool
            assertThat(counting.logins()).isEqualTo(1 + STREAMS);
        }
    }

    private ChildJvm node(int port, String remote, Path local) throws Exception {
        return ChildJvm.start(Files.createTempFile(tmp, "node-", ".log"), TransferNode.class, "upload",
                String.valueOf(port), knownHosts.toString(), remote, local.toString(), "true", "true", "3000",
                "60000", String.valueOf(kind == ServerKind.MINA_NO_OPENSSH_EXTENSIONS), String.valueOf(STREAMS),
                String.valueOf(SEGMENT));
    }

    /** Nothing but the file itself in its directory: no temp file, journal, lease or backup. */
    private void assertNothingBeside(String remote) throws Exception {
        Path file = server.local(remote);
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactly(file.getFileName().toString());
        }
    }

    /** The journal of a split transfer, as the server's file system holds it. */
    private static final class RemoteJournal {

        static String of(String writePath) {
            int slash = writePath.lastIndexOf('/');
            return writePath.substring(0, slash + 1) + "." + writePath.substring(slash + 1) + ".hussh-segments";
        }

        /** Waits until the segments the journal describes have reached {@code bytes} in all. */
        static void awaitReached(Path journal, long bytes) throws Exception {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (reached(journal) < bytes) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the journal " + journal + " never reached " + bytes + " bytes");
                }
                Thread.sleep(50);
            }
        }

        private static long reached(Path journal) throws IOException {
            String[] lines = Files.exists(journal) ? Files.readString(journal).split("\n") : new String[0];
            if (lines.length < 5) {
                return 0;
            }
            long segment = Long.parseLong(lines[3].substring("segment ".length()));
            long[] reaches = reaches(lines);
            long sum = 0;
            for (int i = 0; i < reaches.length; i++) {
                sum += reaches[i] - i * segment;
            }
            return sum;
        }

        /** Where each segment reached, by the journal. */
        static long[] reaches(Path journal) throws IOException {
            return reaches(Files.readString(journal).split("\n"));
        }

        private static long[] reaches(String[] lines) {
            String[] values = lines[4].substring("reached".length()).trim().split(" ");
            long[] reaches = new long[values.length];
            for (int i = 0; i < values.length; i++) {
                reaches[i] = Long.parseLong(values[i]);
            }
            return reaches;
        }
    }

    /** How many bytes from each segment's start a partial file holds as the source has them. */
    private static final class SegmentsHeld {

        /** The prefixes held, once they stop changing: a server may still be writing what a killed node sent. */
        static long[] settled(Path partial, Path source, int segment) throws Exception {
            byte[] expected = Files.readAllBytes(source);
            long[] previous = of(partial, expected, segment);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (true) {
                Thread.sleep(500);
                long[] now = of(partial, expected, segment);
                if (java.util.Arrays.equals(now, previous)) {
                    return now;
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the server kept writing " + partial + " after its writer was killed");
                }
                previous = now;
            }
        }

        private static long[] of(Path partial, byte[] expected, int segment) throws IOException {
            byte[] actual = Files.readAllBytes(partial);
            int count = (expected.length + segment - 1) / segment;
            long[] held = new long[count];
            for (int i = 0; i < count; i++) {
                int start = i * segment;
                int end = Math.min(Math.min(expected.length, actual.length), start + segment);
                int at = start;
                while (at < end && expected[at] == actual[at]) {
                    at++;
                }
                held[i] = Math.max(0, at - start);
            }
            return held;
        }
    }
}
