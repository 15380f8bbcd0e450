package io.hussh.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import io.hussh.testing.EmbeddedSftpServer;
import org.apache.camel.main.Main;

/**
 * Runs the demo routes against an SFTP server it starts itself (Apache MINA SSHD on 127.0.0.1 with a fresh host key
 * and a throwaway user), then stops everything and exits 0 when every check passed.
 */
public final class HusshDemo {

    private HusshDemo() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("hussh-demo-");
        DemoRoutes routes;
        try (EmbeddedSftpServer server = EmbeddedSftpServer.start(work.resolve("sftp-root"))) {
            Path knownHosts = server.writeKnownHosts(work.resolve("known_hosts"));
            String endpoint = "hussh:" + EmbeddedSftpServer.USER + "@127.0.0.1:" + server.port() + "/outbox"
                              + "?password=RAW(" + EmbeddedSftpServer.PASSWORD + ")"
                              + "&knownHostsFile=" + knownHosts
                              + "&atomic=true&resume=true"
                              + "&localDirectory=" + work.resolve("inbox");
            System.out.println("Started an SFTP server on 127.0.0.1:" + server.port() + " serving " + server.root());

            routes = new DemoRoutes(endpoint, work.resolve("local"), server);
            Main main = new Main();
            main.configure().addRoutesBuilder(routes);
            main.configure().setDurationMaxMessages(1);
            main.run(args);
        } finally {
            deleteRecursively(work);
        }
        if (!routes.succeeded()) {
            System.out.println("The demo FAILED; see the messages above.");
            System.exit(1);
        }
        System.out.println("The demo completed: every check passed.");
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
