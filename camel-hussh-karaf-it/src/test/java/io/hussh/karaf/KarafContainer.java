package io.hussh.karaf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An Apache Karaf distribution unpacked for one test and run as a child process: it reads Maven artifacts only from
 * the directory the build filled, opens no remote shell or JMX port, and is killed with its process tree on close.
 */
final class KarafContainer implements AutoCloseable {

    private final Path home;
    private Process process;

    private KarafContainer(Path home) {
        this.home = home;
    }

    static KarafContainer unpack(Path distribution, Path directory) throws IOException, InterruptedException {
        Files.createDirectories(directory);
        Process tar = new ProcessBuilder("tar", "xzf", distribution.toString(), "-C", directory.toString())
                .redirectErrorStream(true).start();
        String output = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (tar.waitFor() != 0) {
            throw new IOException("tar could not unpack " + distribution + ": " + output);
        }
        try (var entries = Files.list(directory)) {
            return new KarafContainer(entries.filter(Files::isDirectory).findFirst()
                    .orElseThrow(() -> new IOException(distribution + " holds no directory")));
        }
    }

    /** Artifacts come from Karaf's own {@code system} directory and {@code repository}, never from the network. */
    KarafContainer offlineMaven(Path repository) throws IOException {
        Files.writeString(home.resolve("etc/org.ops4j.pax.url.mvn.cfg"), String.join("\n",
                "org.ops4j.pax.url.mvn.offline=true",
                "org.ops4j.pax.url.mvn.useFallbackRepositories=false",
                "org.ops4j.pax.url.mvn.localRepository=" + home.resolve("data/maven-cache"),
                "org.ops4j.pax.url.mvn.defaultRepositories=${karaf.home.uri}${karaf.default.repository}"
                        + "@id=system.repository@snapshots, " + repository.toUri() + "@id=build@snapshots",
                "org.ops4j.pax.url.mvn.repositories=",
                ""));
        return this;
    }

    /** Drops the ssh and management boot features, whose fixed ports another process on the machine may hold. */
    KarafContainer withoutRemoteAccess() throws IOException {
        Path features = home.resolve("etc/org.apache.karaf.features.cfg");
        String config = Files.readString(features);
        String trimmed = Pattern.compile("^\\s*(ssh|management)/[^,\\s]+,\\s*\\\\\\n", Pattern.MULTILINE)
                .matcher(config).replaceAll("");
        if (trimmed.equals(config)) {
            throw new IllegalStateException("no ssh or management boot feature in " + features);
        }
        Files.writeString(features, trimmed);
        return this;
    }

    KarafContainer systemProperties(Map<String, String> properties) throws IOException {
        String lines = properties.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue().replace("\\", "\\\\"))
                .collect(Collectors.joining("\n", "\n", "\n"));
        Files.writeString(home.resolve("etc/system.properties"), lines, StandardOpenOption.APPEND);
        return this;
    }

    /** Places a file in {@code deploy/}, where Karaf installs features repositories and bundles it finds. */
    KarafContainer deploy(String fileName, String content) throws IOException {
        Files.writeString(home.resolve("deploy").resolve(fileName), content);
        return this;
    }

    KarafContainer start() throws IOException {
        Path karaf = home.resolve("bin/karaf");
        karaf.toFile().setExecutable(true);
        ProcessBuilder builder = new ProcessBuilder(List.of(karaf.toString(), "server"))
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("console.log").toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        process = builder.start();
        return this;
    }

    boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Karaf's log and its console output, for the test's assertions and for a failure's message. */
    String log() throws IOException {
        Path log = home.resolve("data/log/karaf.log");
        Path console = home.resolve("console.log");
        return (Files.exists(log) ? Files.readString(log) : "(no data/log/karaf.log)") + "\n--- console ---\n"
               + (Files.exists(console) ? Files.readString(console) : "");
    }

    @Override
    public void close() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }
}
