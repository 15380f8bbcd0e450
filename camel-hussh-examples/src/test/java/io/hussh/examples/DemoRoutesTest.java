package io.hussh.examples;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import io.hussh.testing.EmbeddedSftpServer;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class DemoRoutesTest {

    @TempDir
    Path tmp;

    @Test
    void theDemoUploadsSkipsTheRepeatAndDownloadsTheSameBytes() throws Exception {
        try (EmbeddedSftpServer server = EmbeddedSftpServer.start(tmp.resolve("root"))) {
            Path knownHosts = server.writeKnownHosts(tmp.resolve("known_hosts"));
            String endpoint = "hussh:" + EmbeddedSftpServer.USER + "@127.0.0.1:" + server.port() + "/outbox?password=RAW("
                              + EmbeddedSftpServer.PASSWORD + ")&knownHostsFile=" + knownHosts
                              + "&atomic=true&resume=true&localDirectory=" + tmp.resolve("inbox");
            DemoRoutes routes = new DemoRoutes(endpoint, tmp.resolve("local"), server);
            try (CamelContext context = new DefaultCamelContext()) {
                context.addRoutes(routes);
                NotifyBuilder done = new NotifyBuilder(context).whenDone(1).create();
                context.start();

                assertThat(done.matches(60, TimeUnit.SECONDS)).isTrue();
            }

            assertThat(routes.succeeded()).isTrue();
            assertThat(server.file("/outbox/report.bin")).exists();
            assertThat(tmp.resolve("inbox/report.bin")).exists();
        }
    }
}
