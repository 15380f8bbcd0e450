package io.hussh.sftp;

import java.io.OutputStream;
import java.nio.file.Files;

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
    void theChannelAnnouncesAReceiveWindowOfTwiceTheReadsInFlight() throws Exception {
        ConnectionSettings settings = settings(server.port());
        ConnectionSettings moreInFlight = ConnectionSettings.builder(settings.host(), settings.username())
                .port(settings.port())
                .password(settings.password())
                .knownHostsFile(settings.knownHostsFile())
                .connectTimeout(settings.connectTimeout())
                .serverAliveInterval(settings.serverAliveInterval())
                .bulkRequests(256)
                .build();

        try (SftpConnection connection = new SftpConnector(moreInFlight).open()) {
            // JSch on its own announces 2 MiB, whatever the requests in flight
            assertThat(server.clientReceiveWindows()).containsExactly(2L * 256 * 32 * 1024);
        }
    }
}
