package io.hussh.sftp;

import java.io.OutputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.hussh.testing.TestFiles;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SftpConnectionTest extends SftpTestSupport {

    @Test
    void aWriteAtAnOffsetLandsExactlyThereWhateverTheFileSizeIsNow() throws Exception {
        Files.createDirectories(remote("/srv"));
        Files.writeString(remote("/srv/f"), "0123456789abcdefghij");

        try (SftpConnection connection = new SftpConnector(settings(server.port())).open();
             OutputStream out = connection.openWrite("/srv/f", 10)) {
            out.write("XY".getBytes());
        }

        // JSch's own RESUME mode would have appended at byte 20
        assertThat(remote("/srv/f")).hasContent("0123456789XYcdefghij");
    }

    @Test
    void aWriteAtOffsetZeroTruncates() throws Exception {
        Files.createDirectories(remote("/srv"));
        Files.writeString(remote("/srv/g"), "0123456789");

        try (SftpConnection connection = new SftpConnector(settings(server.port())).open();
             OutputStream out = connection.openWrite("/srv/g", 0)) {
            out.write("new".getBytes());
        }

        assertThat(remote("/srv/g")).hasContent("new");
    }

    @Test
    void anUploadFromTheStartSendsNoMoreWritesThanItKeepsInFlight() throws Exception {
        Files.createDirectories(remote("/srv"));
        byte[] content = TestFiles.randomBytes(8 * 1024 * 1024, 21);
        // bulkRequests bounds the writes in flight whatever the round trip
        int inFlight = 16;
        try (SftpConnection connection = new SftpConnector(withBulkRequests(settings(proxy.port()), inFlight)).open()) {
            assertThat(WritesInFlight.forRoundTrip(connection.roundTrip(), inFlight)).isEqualTo(inFlight);
            server.holdWrites();
            proxy.resetCounters();
            CompletableFuture<Void> upload = CompletableFuture.runAsync(() -> {
                try (OutputStream out = connection.openWrite("/srv/held.bin", 0)) {
                    out.write(content);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            long sent = awaitSteady(proxy::upstreamBytes);
            server.releaseWrites();
            upload.get(30, TimeUnit.SECONDS);

            // JSch's own write stream would have sent the server's whole window of 2 MiB
            assertThat(sent).isBetween(inFlight * 31L * 1024, inFlight * 33L * 1024 + 16 * 1024);
        }
        assertThat(TestFiles.sha256(remote("/srv/held.bin"))).isEqualTo(TestFiles.sha256(content));
    }

    @Test
    void theWritesInFlightFollowTheRoundTripWithinTheirBounds() {
        assertThat(WritesInFlight.forRoundTrip(Duration.ofNanos(150_000), 128)).isEqualTo(16);
        assertThat(WritesInFlight.forRoundTrip(Duration.ofMillis(5), 128)).isEqualTo(64);
        assertThat(WritesInFlight.forRoundTrip(Duration.ofMillis(40), 128)).isEqualTo(128);
        assertThat(WritesInFlight.forRoundTrip(Duration.ofMillis(40), 300)).isEqualTo(300);
        assertThat(WritesInFlight.forRoundTrip(Duration.ofNanos(150_000), 4)).isEqualTo(4);
    }

    /** A counter's value once it has not moved for half a second. */
    private static long awaitSteady(java.util.function.LongSupplier counter) throws InterruptedException {
        long last = -1;
        long now = counter.getAsLong();
        while (now != last || now == 0) {
            Thread.sleep(500);
            last = now;
            now = counter.getAsLong();
        }
        return now;
    }

    @Test
    void theChannelAnnouncesAReceiveWindowOfTwiceTheReadsInFlight() throws Exception {
        try (SftpConnection connection = new SftpConnector(withBulkRequests(settings(server.port()), 256)).open()) {
            // JSch on its own announces 2 MiB, whatever the requests in flight
            assertThat(server.clientReceiveWindows()).containsExactly(2L * 256 * 32 * 1024);
        }
    }

    @Test
    void aStreamConnectionKeepsItsReadsInFlightWithAReplyBufferOfAFewAndLosesNoByte() throws Exception {
        Files.createDirectories(remote("/srv"));
        byte[] content = TestFiles.randomBytes(24 * 1024 * 1024, 22);
        Files.write(remote("/srv/many.bin"), content);
        java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
        try (SftpConnection connection = SftpConnector.forStreams(withBulkRequests(settings(server.port()), 128)).open();
             java.io.InputStream in = connection.openRead("/srv/many.bin", 0)) {
            // the window is for the reads in flight, not for the few replies the buffer holds
            assertThat(server.clientReceiveWindows()).containsExactly(2L * 128 * 32 * 1024);
            byte[] buffer = new byte[64 * 1024];
            int n;
            int reads = 0;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
                // a slow reader at first: the replies in flight find the buffer full and wait in the socket
                if (++reads < 16) {
                    Thread.sleep(20);
                }
            }
        }
        assertThat(java.util.HexFormat.of().formatHex(digest.digest())).isEqualTo(TestFiles.sha256(content));
    }

    private static ConnectionSettings withBulkRequests(ConnectionSettings settings, int bulkRequests) {
        return ConnectionSettings.builder(settings.host(), settings.username())
                .port(settings.port())
                .password(settings.password())
                .knownHostsFile(settings.knownHostsFile())
                .connectTimeout(settings.connectTimeout())
                .serverAliveInterval(settings.serverAliveInterval())
                .bulkRequests(bulkRequests)
                .build();
    }
}
