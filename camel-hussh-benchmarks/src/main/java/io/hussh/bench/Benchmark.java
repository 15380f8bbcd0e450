package io.hussh.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import com.jcraft.jsch.JSch;
import io.hussh.sftp.ConnectionSettings;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Issue 6's benchmark: {@code hussh:} beside camel-ftp's {@code sftp:} and OpenSSH's {@code sftp} client, against
 * OpenSSH in a container. Prints each table as it completes and writes them all to docs/benchmarks.md.
 */
public final class Benchmark {

    static final String COMMAND = "mvn -Pbench -pl camel-hussh-benchmarks -am verify";
    private static final String BEGIN = "<!-- results:begin (written by the benchmark) -->";
    private static final String END = "<!-- results:end -->";

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchSettings settings = BenchSettings.fromSystemProperties();
        Path workspace = Files.createTempDirectory("hussh-bench-");
        try (BenchServer server = new BenchServer();
             LatencyProxy latency = new LatencyProxy(server.port(), settings.latencyMillis());
             LatencyProxy longLatency = new LatencyProxy(server.port(), settings.longLatencyMillis());
             LatencyProxy flaky = new LatencyProxy(server.port(), 0);
             CamelContext context = new DefaultCamelContext()) {
            // an interrupted run still removes its container and data
            Runtime.getRuntime().addShutdownHook(new Thread(server::closeQuietly));
            flaky.dropEvery(settings.dropEvery());
            Target target = new Target(server.port(), server.user(), server.password(),
                    server.knownHosts(latency.port(), longLatency.port(), flaky.port()), server.privateKey());
            context.start();
            Report report = header(settings, server, context);
            System.out.print(report);
            Scenarios scenarios = new Scenarios(settings, server, target, latency, longLatency, flaky, context,
                    workspace, new Chart(Path.of(settings.report())));
            for (String scenario : settings.scenarios()) {
                String section = scenarios.run(scenario);
                System.out.println(section);
                report.add(section);
            }
            Path output = Path.of(settings.report());
            Files.writeString(output, withResults(output, report.toString()));
            System.out.println("Written to " + output.toAbsolutePath().normalize());
        } finally {
            BenchServer.deleteTree(workspace);
        }
    }

    private static Report header(BenchSettings settings, BenchServer server, CamelContext context)
            throws IOException, InterruptedException {
        String command = COMMAND + (settings.quick() ? " -Dbench.quick=true" : "")
                         + (settings.scenarios().size() < BenchSettings.ALL_SCENARIOS.size()
                ? " -Dbench.scenarios=" + String.join(",", settings.scenarios()) : "");
        return new Report()
                .add("Written by `" + command + "` on " + LocalDate.now() + (settings.quick()
                        ? ". **Quick mode: small files and one run each, a smoke test, not a measurement.**" : ".")
                     + " Each figure is the median of " + settings.runs() + " run(s) after " + settings.warmups()
                     + " warm-up(s); every run connects afresh.\n")
                .table(List.of("", ""), List.of(
                        List.of("machine", Runtime.getRuntime().availableProcessors() + " CPUs ("
                                           + firstValue("/proc/cpuinfo", "model name") + "), "
                                           + firstValue("/proc/meminfo", "MemTotal") + " memory, "
                                           + System.getProperty("os.name") + " " + System.getProperty("os.version")),
                        List.of("Java", System.getProperty("java.vm.name") + " "
                                        + System.getProperty("java.runtime.version")),
                        List.of("server", server.description() + ", in a container on the host network"),
                        List.of("OpenSSH client", output("ssh", "-V")),
                        List.of("lftp", ExternalClient.version(ExternalClient.Program.LFTP)),
                        List.of("rclone", ExternalClient.version(ExternalClient.Program.RCLONE)),
                        List.of("Camel, camel-ftp", context.getVersion()),
                        List.of("JSch (hussh: and camel-ftp alike)", JSch.VERSION),
                        List.of("hussh: bulkRequests default", String.valueOf(ConnectionSettings.DEFAULT_BULK_REQUESTS)),
                        List.of("hussh: parallelStreams default", String.valueOf(
                                ConnectionSettings.DEFAULT_PARALLEL_STREAMS)),
                        List.of("sizes", "large " + settings.size() / BenchSettings.MIB + " MiB, memory "
                                         + settings.memorySize() / BenchSettings.MIB + " MiB, concurrent "
                                         + settings.concurrency() + " × " + settings.concurrentSize() / BenchSettings.MIB
                                         + " MiB, small " + settings.smallFiles() + " × " + settings.smallSize()
                                         + " B, cut every " + settings.dropEvery() / BenchSettings.MIB + " MiB")));
    }

    /** The report with its results replaced, keeping the hand-written text around them. */
    private static String withResults(Path report, String results) throws IOException {
        String text = Files.exists(report) ? Files.readString(report) : BEGIN + "\n" + END + "\n";
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IOException(report + " lacks the markers " + BEGIN + " and " + END);
        }
        return text.substring(0, begin + BEGIN.length()) + "\n" + results + text.substring(end);
    }

    private static String firstValue(String file, String key) throws IOException {
        return Files.readAllLines(Path.of(file)).stream().filter(line -> line.startsWith(key))
                .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
    }

    private static String output(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String text = new String(process.getInputStream().readAllBytes()).trim();
        process.waitFor();
        return text;
    }
}
