package io.hussh.karaf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.hussh.testing.EmbeddedSftpServer;
import io.hussh.testing.FaultProxy;
import io.hussh.testing.FaultProxy.Direction;
import io.hussh.testing.FinalPathWatcher;
import io.hussh.testing.TestFiles;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The component as a Karaf user deploys it: {@code feature:install camel-hussh} from the features repository the
 * component's build attaches, then a bundle whose Camel routes upload through a link cut once and consume a remote
 * outbox, both with {@code atomic=true&resume=true}, against an embedded SFTP server in this JVM.
 *
 * <p>camel-karaf's own bundles are not served by the registry these builds reach, so a stand-in {@code camel-core}
 * feature wraps Camel's plain jars into bundles ({@code wrap:}), and adds camel-karaf's real OSGi integration
 * ({@code camel-core-osgi}), which finds components in bundles as it does in a full camel-karaf install.
 *
 * <p>Karaf's home, with its {@code data/log/karaf.log}, stays under {@code target/karaf-it} for a failure's reader.
 */
class HusshInKarafIT {

    private static final String CAMEL = System.getProperty("karaf.camel.version");
    private static final String HUSSH = System.getProperty("hussh.version");
    private static final Path REPOSITORY = Path.of(System.getProperty("karaf.repository"));
    private static final int SIZE = 8 * 1024 * 1024;
    private static final int CUT_AT = SIZE * 3 / 4;
    /** What crosses the link at least if the upload starts over after the cut. */
    private static final long RESTART = CUT_AT + SIZE;
    private static final long WAIT_MILLIS = 240_000;

    @Test
    void theFeatureInstallsAndItsRoutesUploadThroughACutLinkAndConsume() throws Exception {
        Path work = Files.createTempDirectory(Files.createDirectories(Path.of(System.getProperty("karaf.work"))), "run-");
        Path upload = TestFiles.randomFile(work.resolve("upload.bin"), SIZE, 41);
        Path local = work.resolve("inbox");
        try (EmbeddedSftpServer server = EmbeddedSftpServer.start(work.resolve("server"));
             FaultProxy link = new FaultProxy(server.port());
             KarafContainer karaf = KarafContainer.unpack(Path.of(System.getProperty("karaf.distribution")),
                     work.resolve("karaf"))) {
            Files.createDirectories(server.file("/incoming"));
            Path offered = TestFiles.randomFile(Files.createDirectories(server.file("/outbox")).resolve("offered.bin"),
                    SIZE, 42);
            Path knownHosts = server.writeKnownHosts(work.resolve("known_hosts"), link.port());
            link.dropOnceAfter(Direction.UPSTREAM, CUT_AT);

            String login = "?username=" + EmbeddedSftpServer.USER + "&password=" + EmbeddedSftpServer.PASSWORD
                           + "&knownHostsFile=" + knownHosts + "&atomic=true&resume=true";
            karaf.offlineMaven(REPOSITORY)
                    .withoutRemoteAccess()
                    .systemProperties(Map.of(
                            "hussh.karaf.upload.file", upload.toString(),
                            "hussh.karaf.upload.uri", "hussh:127.0.0.1:" + link.port() + "/incoming" + login,
                            "hussh.karaf.consume.uri", "hussh:127.0.0.1:" + server.port() + "/outbox" + login
                                                       + "&localDirectory=" + local + "&delete=true&delay=500"))
                    .deploy("hussh-karaf-it.xml", features());

            Path uploaded = server.file("/incoming/upload.bin");
            Path downloaded = local.resolve("offered.bin");
            String uploadDigest = TestFiles.sha256(upload);
            String offeredDigest = TestFiles.sha256(offered);
            try (FinalPathWatcher atServer = new FinalPathWatcher(uploaded, Set.of(uploadDigest), true);
                 FinalPathWatcher atLocal = new FinalPathWatcher(downloaded, Set.of(offeredDigest), true)) {
                karaf.start();
                awaitLogLine(karaf, "uploaded /incoming/upload.bin");
                awaitLogLine(karaf, "downloaded /outbox/offered.bin");
                assertThat(atServer.violations()).as("what the server's final path showed").isEmpty();
                assertThat(atLocal.violations()).as("what the local final path showed").isEmpty();
            }

            assertThat(TestFiles.sha256(uploaded)).isEqualTo(uploadDigest);
            assertThat(names(server.file("/incoming"))).containsExactly("upload.bin");
            assertThat(link.drops()).isEqualTo(1);
            assertThat(link.upstreamBytes()).as("resumed, not sent again from the start").isLessThan(RESTART);
            assertThat(karaf.log()).contains("uploaded /incoming/upload.bin: ").contains(" 1 reconnect(s)");
            assertThat(TestFiles.sha256(downloaded)).isEqualTo(offeredDigest);
            assertThat(names(local)).containsExactly("offered.bin");
            assertThat(Files.exists(offered)).as("the consumed remote file is deleted").isFalse();
        }
    }

    /**
     * A features repository dropped in {@code deploy/}: the component's own repository, the stand-in
     * {@code camel-core} (every Camel jar of that version the pom put in the repository), and an auto-installed
     * feature that needs {@code camel-hussh} and adds the routes' bundle.
     */
    private static String features() throws IOException {
        String camelBundles = camelJars().stream()
                .map(jar -> "    <bundle>wrap:mvn:org.apache.camel/" + jar + "/" + CAMEL + "$Bundle-SymbolicName=org.apache.camel."
                            + jar + "&amp;Bundle-Version=" + CAMEL + "&amp;Export-Package=*;version=" + CAMEL
                            + "&amp;Import-Package=*;resolution:=optional&amp;DynamicImport-Package=*</bundle>")
                .collect(Collectors.joining("\n"));
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <features name="hussh-karaf-it" xmlns="http://karaf.apache.org/xmlns/features/v1.6.0">
                  <repository>mvn:io.hussh/camel-hussh-component/%s/xml/features</repository>
                  <feature name="camel-core" version="%s">
                %s
                    <bundle>mvn:org.apache.camel.karaf/camel-core-osgi/%s</bundle>
                  </feature>
                  <feature name="hussh-karaf-it" install="auto">
                    <feature>camel-hussh</feature>
                    <bundle>%s</bundle>
                  </feature>
                </features>
                """.formatted(HUSSH, CAMEL, camelBundles, CAMEL, Path.of(System.getProperty("routes.bundle")).toUri());
    }

    private static List<String> camelJars() throws IOException {
        try (Stream<Path> artifacts = Files.list(REPOSITORY.resolve("org/apache/camel"))) {
            return artifacts.filter(artifact -> Files.isDirectory(artifact.resolve(CAMEL)))
                    .map(artifact -> artifact.getFileName().toString()).sorted().toList();
        }
    }

    private static void awaitLogLine(KarafContainer karaf, String line) throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        for (String log = karaf.log(); !log.contains(line); log = karaf.log()) {
            if (System.currentTimeMillis() > deadline || !karaf.isRunning() || failed(log)) {
                throw new AssertionError("Karaf did not log \"" + line + "\" within " + WAIT_MILLIS / 1000 + " s:\n"
                                         + log);
            }
            Thread.sleep(200);
        }
    }

    /** An error, or a feature that cannot resolve, which Karaf logs as a warning and never retries. */
    private static boolean failed(String log) {
        return log.contains(" | ERROR | ") || log.contains("missing requirement");
    }

    private static List<String> names(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(path -> path.getFileName().toString()).toList();
        }
    }
}
