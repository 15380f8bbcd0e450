package io.hussh.kamelets;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.hussh.camel.HusshConstants;
import io.hussh.sftp.HusshTransferException;
import io.hussh.testing.EmbeddedSftpServer;
import io.hussh.testing.FaultProxy;
import io.hussh.testing.FinalPathWatcher;
import io.hussh.testing.TestFiles;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Kamelets as a user runs them: YAML routes in Camel Main, the Kamelets found on the classpath, against the
 * embedded SFTP server through a link that is cut once mid-file, so each transfer has to resume within its exchange.
 */
class HusshKameletsTest {

    private static final int SIZE = 8 << 20;
    private static final int CUT_AT = SIZE * 3 / 4;
    /** The least a transfer that started over after the cut would put on the wire. */
    private static final long RESTART = CUT_AT + SIZE;

    @TempDir
    Path tmp;

    private EmbeddedSftpServer server;
    private FaultProxy link;
    private Path knownHosts;
    private Main main;

    @BeforeEach
    void startServer() throws Exception {
        server = EmbeddedSftpServer.start(tmp.resolve("sftp-root"));
        link = new FaultProxy(server.port());
        knownHosts = server.writeKnownHosts(tmp.resolve("known_hosts"), link.port());
    }

    @AfterEach
    void stop() throws Exception {
        if (main != null) {
            main.stop();
        }
        link.close();
        server.close();
    }

    @Test
    void theKameletsRunOnTheCamelTheReadmeNames() throws Exception {
        CamelContext context = start("sink", knownHosts);

        assertThat(context.getVersion()).isEqualTo(System.getProperty("kamelet.camel.version"));
    }

    @Test
    void theSinkUploadsThroughACutLinkAndOnlyTheCompleteFileEverShows() throws Exception {
        Path source = TestFiles.randomFile(tmp.resolve("report.bin"), SIZE, 11);
        String sha = TestFiles.sha256(source);
        Path destination = server.file("/inbox/report.bin");
        CamelContext context = start("sink", knownHosts);
        link.dropOnceAfter(FaultProxy.Direction.UPSTREAM, CUT_AT);

        Exchange reply;
        try (FinalPathWatcher watcher = new FinalPathWatcher(destination, Set.of(sha), true)) {
            reply = context.createProducerTemplate().request("direct:send",
                    exchange -> {
                        exchange.getMessage().setBody(source.toFile());
                        exchange.getMessage().setHeader("file", "report.bin");
                    });
            watcher.awaitVersion(sha);
            assertThat(watcher.violations()).isEmpty();
        }

        assertThat(reply.getException()).isNull();
        assertThat(TestFiles.sha256(destination)).isEqualTo(sha);
        assertThat(namesIn(server.file("/inbox"))).containsExactly("report.bin");
        assertThat(link.drops()).isEqualTo(1);
        assertThat(reply.getMessage().getHeader(HusshConstants.RECONNECTS, Integer.class)).isEqualTo(1);
        assertThat(link.upstreamBytes()).as("resumed, not sent again from the start").isLessThan(RESTART);
    }

    @Test
    void theSourceDownloadsThroughACutLinkAndOnlyTheCompleteFileEverShows() throws Exception {
        Files.createDirectories(server.file("/outbox"));
        Path remote = TestFiles.randomFile(server.file("/outbox/invoice.bin"), SIZE, 12);
        String sha = TestFiles.sha256(remote);
        Path inbox = tmp.resolve("inbox");
        Path delivered = inbox.resolve("invoice.bin");
        link.dropOnceAfter(FaultProxy.Direction.DOWNSTREAM, CUT_AT);

        try (FinalPathWatcher watcher = new FinalPathWatcher(delivered, Set.of(sha), true)) {
            CamelContext context = start("source", knownHosts, "local.inbox", inbox.toString());
            MockEndpoint received = context.getEndpoint("mock:received", MockEndpoint.class);
            received.expectedMessageCount(1);
            received.assertIsSatisfied(60_000);
            watcher.awaitVersion(sha);
            assertThat(watcher.violations()).isEmpty();

            Message message = received.getExchanges().get(0).getMessage();
            assertThat(message.getHeader("file")).isEqualTo("invoice.bin");
            assertThat(message.getHeader(HusshConstants.RECONNECTS, Integer.class)).isEqualTo(1);
            assertThat(TestFiles.sha256(message.getBody(File.class).toPath())).isEqualTo(sha);
        }

        assertThat(TestFiles.sha256(delivered)).isEqualTo(sha);
        assertThat(namesIn(inbox)).containsExactly("invoice.bin");
        assertThat(link.drops()).isEqualTo(1);
        assertThat(link.downstreamBytes()).as("resumed, not sent again from the start").isLessThan(RESTART);
        TestFiles.awaitSize(server.file("/outbox/.done/invoice.bin"), SIZE);
        assertThat(server.file("/outbox/invoice.bin")).doesNotExist();
    }

    @Test
    void theSinkRefusesAServerWhoseHostKeyIsNotKnown() throws Exception {
        Path strangers = Files.writeString(tmp.resolve("other_known_hosts"), "");
        CamelContext context = start("sink", strangers);

        assertThatThrownBy(() -> context.createProducerTemplate().sendBodyAndHeader("direct:send", "data", "file",
                "refused.txt"))
                .isInstanceOf(CamelExecutionException.class)
                .cause().isInstanceOf(HusshTransferException.class)
                .hasMessageContaining("The host key of [127.0.0.1]:" + link.port() + " is unknown");
        assertThat(server.file("/inbox/refused.txt")).doesNotExist();
    }

    private CamelContext start(String routes, Path knownHostsFile, String... extraProperties) {
        main = new Main();
        main.configure().withRoutesIncludePattern("classpath:routes/" + routes + ".camel.yaml");
        main.addInitialProperty("sftp.port", String.valueOf(link.port()));
        main.addInitialProperty("sftp.username", EmbeddedSftpServer.USER);
        main.addInitialProperty("sftp.password", EmbeddedSftpServer.PASSWORD);
        main.addInitialProperty("sftp.knownHostsFile", knownHostsFile.toString());
        for (int i = 0; i < extraProperties.length; i += 2) {
            main.addInitialProperty(extraProperties[i], extraProperties[i + 1]);
        }
        try {
            main.start();
        } catch (Exception e) {
            throw new IllegalStateException("Camel Main did not start the routes/" + routes + ".camel.yaml route", e);
        }
        return main.getCamelContext();
    }

    private static Set<String> namesIn(Path directory) throws Exception {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(Files::isRegularFile).map(file -> file.getFileName().toString())
                    .collect(Collectors.toSet());
        }
    }
}
