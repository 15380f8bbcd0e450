package io.hussh.camel;

import java.io.StringWriter;
import java.nio.file.Path;

import io.hussh.testing.EmbeddedSftpServer;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Passwords and passphrases never reach a log line, an endpoint's printed URI or an exception message. */
class SecretsTest {

    private static final String PASSWORD = "Pw-That-Must-Not-Leak-4711";
    private static final String PASSPHRASE = "Phrase-That-Must-Not-Leak-0815";

    @TempDir
    Path tmp;

    @Test
    void aFailingRouteLogsNoSecret() throws Exception {
        StringWriter log = new StringWriter();
        LoggerContext logging = (LoggerContext) LogManager.getContext(false);
        Configuration config = logging.getConfiguration();
        WriterAppender capture = WriterAppender.createAppender(PatternLayout.newBuilder()
                .withPattern("%level %logger %msg %throwable%n").build(), null, log, "capture", false, true);
        capture.start();
        LoggerConfig root = config.getRootLogger();
        Level previous = root.getLevel();
        // DEBUG, the most a production system logs; Camel core itself prints raw endpoint URIs at TRACE
        root.addAppender(capture, Level.DEBUG, null);
        root.setLevel(Level.DEBUG);
        logging.updateLoggers();
        try (EmbeddedSftpServer server = EmbeddedSftpServer.start(tmp.resolve("root"));
             CamelContext context = new DefaultCamelContext()) {
            Path knownHosts = server.writeKnownHosts(tmp.resolve("known_hosts"));
            String uri = "hussh:" + EmbeddedSftpServer.USER + "@127.0.0.1:" + server.port() + "/in?password=RAW("
                         + PASSWORD + ")&privateKeyPassphrase=RAW(" + PASSPHRASE + ")&knownHostsFile=" + knownHosts
                         + "&maximumReconnectAttempts=0";
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:leak").routeId("leak").to(uri);
                }
            });
            context.start();
            Endpoint endpoint = context.getEndpoints().stream().filter(e -> e instanceof HusshEndpoint).findFirst()
                    .orElseThrow();

            Exchange failed = context.createProducerTemplate().send("direct:leak", e -> {
                e.getIn().setBody("x");
                e.getIn().setHeader(Exchange.FILE_NAME, "x.txt");
            });

            assertThat(failed.getException()).hasMessageContaining("Authentication failed");
            assertThat(failed.getException().getMessage()).doesNotContain(PASSWORD).doesNotContain(PASSPHRASE);
            assertThat(endpoint.toString()).doesNotContain(PASSWORD).doesNotContain(PASSPHRASE);
        } finally {
            root.removeAppender("capture");
            root.setLevel(previous);
            logging.updateLoggers();
            capture.stop();
        }

        assertThat(log.toString()).contains("Authentication failed").doesNotContain(PASSWORD).doesNotContain(PASSPHRASE);
    }
}
