package io.hussh.examples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import io.hussh.testing.EmbeddedSftpServer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.main.Main;

/** Runs the YAML DSL routes (routes/hussh.camel.yaml) in Camel Main against the embedded SFTP server. */
final class YamlDemo {

    private YamlDemo() {
    }

    /** Camel Main running the YAML routes, their placeholders pointed at {@code server}. */
    static Main start(EmbeddedSftpServer server, Path knownHosts, Path inbox) throws Exception {
        Main main = new Main();
        main.configure().withRoutesIncludePattern("classpath:routes/*.camel.yaml");
        main.addInitialProperty("hussh.server", "hussh:" + EmbeddedSftpServer.USER + "@127.0.0.1:" + server.port());
        main.addInitialProperty("hussh.auth", "password=RAW(" + EmbeddedSftpServer.PASSWORD + ")&knownHostsFile="
                                              + knownHosts);
        main.addInitialProperty("hussh.inbox", inbox.toString());
        main.start();
        return main;
    }

    static void run() throws Exception {
        Path work = Files.createTempDirectory("hussh-yaml-demo-");
        boolean delivered;
        try (EmbeddedSftpServer server = EmbeddedSftpServer.start(work.resolve("sftp-root"))) {
            Path knownHosts = server.writeKnownHosts(work.resolve("known_hosts"));
            Files.createDirectories(server.file("/partner-outbox"));
            Files.writeString(server.file("/partner-outbox/invoice.xml"), "<invoice id='7'/>");
            System.out.println("Running routes/hussh.camel.yaml against an embedded SFTP server on 127.0.0.1:"
                               + server.port());
            Main main = start(server, knownHosts, work.resolve("inbox"));
            try {
                CamelContext context = main.getCamelContext();
                NotifyBuilder received = new NotifyBuilder(context).fromRoute("yaml-outbox").whenDone(1).create();
                context.createProducerTemplate().sendBodyAndHeader("direct:upload", "<order id='42'/>",
                        Exchange.FILE_NAME, "order.xml");
                delivered = received.matches(30, TimeUnit.SECONDS)
                            && Files.readString(server.file("/outbox/order.xml")).equals("<order id='42'/>");
            } finally {
                main.stop();
            }
        } finally {
            HusshDemo.deleteRecursively(work);
        }
        if (!delivered) {
            System.out.println("The YAML demo FAILED; see the messages above.");
            System.exit(1);
        }
        System.out.println("The YAML demo completed: the upload route and the outbox route both worked.");
    }
}
