package io.hussh.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.hussh.bench.Measure.Result;
import io.hussh.bench.Measure.Sample;
import org.apache.camel.CamelContext;

/** The scenarios of issue 6; each measures its clients and returns its section of the report. */
final class Scenarios {

    private static final List<Tool> ALL = List.of(Tool.values());
    private static final List<Tool> CAMEL_TOOLS = List.of(Tool.HUSSH, Tool.HUSSH_ATOMIC_RESUME, Tool.CAMEL_SFTP,
            Tool.CAMEL_SFTP_TEMP);

    private final BenchSettings settings;
    private final BenchServer server;
    private final Target direct;
    private final LatencyProxy latency;
    private final LatencyProxy longLatency;
    private final LatencyProxy flaky;
    private final Chart chart;
    private final CamelContext context;
    private final Path workspace;

    Scenarios(BenchSettings settings, BenchServer server, Target direct, LatencyProxy latency,
              LatencyProxy longLatency, LatencyProxy flaky, CamelContext context, Path workspace, Chart chart) {
        this.settings = settings;
        this.server = server;
        this.direct = direct;
        this.latency = latency;
        this.longLatency = longLatency;
        this.flaky = flaky;
        this.chart = chart;
        this.context = context;
        this.workspace = workspace;
    }

    String run(String scenario) throws Exception {
        System.out.println("== " + scenario);
        Path data = Files.createDirectories(workspace.resolve(scenario));
        try {
            return switch (scenario) {
                case "loopback" -> loopback(data);
                case "latency" -> latency(data);
                case "links" -> links(data);
                case "small" -> small(data);
                case "concurrent" -> concurrent(data);
                case "flaky" -> flaky(data);
                case "memory" -> memory(data);
                default -> throw new IllegalArgumentException(scenario);
            };
        } finally {
            BenchServer.deleteTree(data);
        }
    }

    private String loopback(Path data) throws Exception {
        List<Path> file = List.of(RandomFiles.write(data.resolve("big.bin"), settings.size(), 1));
        Report report = new Report().add("## 1. One " + mib(settings.size()) + " file, loopback\n");
        upAndDown(report, file, direct, "", null);
        return midSizeDownloads(report, data).toString();
    }

    /**
     * Downloads of a smaller file as a new user first tries them: {@code hussh:}'s producer ({@code operation=download})
     * and consumer beside camel-sftp's consumer, in the same run.
     */
    private Report midSizeDownloads(Report report, Path data) throws Exception {
        List<Path> file = List.of(RandomFiles.write(data.resolve("mid.bin"), settings.midSize(), 7));
        String source = seed(file);
        report.add("Downloads of one " + mib(settings.midSize()) + " file, loopback: `hussh:` through its producer"
                   + " (`operation=download`) and its consumer, camel-sftp through its consumer (it has no download"
                   + " producer), MiB/s:\n");
        Map<String, Result> results = new java.util.LinkedHashMap<>();
        for (Tool tool : List.of(Tool.HUSSH, Tool.HUSSH_ATOMIC_RESUME)) {
            try (CamelClient consumer = (CamelClient) tool.open(context, direct, "", 0);
                 CamelClient producer = consumer.downloadingThroughProducer()) {
                results.put(tool + " producer", download(tool + " producer download", producer, source, file, null));
                results.put(tool + " consumer", download(tool + " consumer download", consumer, source, file, null));
            }
        }
        try (SftpClient camelSftp = Tool.CAMEL_SFTP.open(context, direct, "", 0)) {
            results.put("camel-sftp consumer", download("camel-sftp consumer download", camelSftp, source, file, null));
        }
        server.deleteDirectory(source);
        double camelSftp = mibPerSecond(results.get("camel-sftp consumer"), file);
        List<List<String>> rows = new ArrayList<>();
        results.forEach((label, result) -> rows.add(List.of(label, rate(result, file),
                label.startsWith("camel-sftp") ? "" : Report.ratio(mibPerSecond(result, file), camelSftp))));
        return report.table(List.of("client", "download MiB/s", "/ camel-sftp consumer"), rows);
    }

    private String latency(Path data) throws Exception {
        List<Path> file = List.of(RandomFiles.write(data.resolve("big.bin"), settings.size(), 2));
        Target slow = direct.via(latency.port());
        Report report = new Report().add("## 2. One " + mib(settings.size()) + " file, " + settings.latencyMillis()
                                         + " ms added each way (" + 2 * settings.latencyMillis() + " ms round trip)\n");
        upAndDown(report, file, slow, "", latency);
        List<Path> sweepFile = List.of(RandomFiles.write(data.resolve("sweep.bin"), settings.sweepSize(), 3));
        report.add("`bulkRequests` of `hussh:` (requests of 32 KiB in flight) on the same link, "
                   + mib(settings.sweepSize()) + " file, MiB/s:\n");
        String source = seed(sweepFile);
        List<List<String>> rows = new ArrayList<>();
        for (int bulk : settings.bulkSweep()) {
            try (SftpClient client = Tool.HUSSH.open(context, slow, "&bulkRequests=" + bulk, 0)) {
                Result up = upload("hussh bulkRequests=" + bulk + " upload", client, sweepFile, null);
                Result down = download("hussh bulkRequests=" + bulk + " download", client, source, sweepFile, null);
                rows.add(List.of(String.valueOf(bulk), rate(up, sweepFile), rate(down, sweepFile)));
            }
        }
        server.deleteDirectory(source);
        return report.table(List.of("bulkRequests", "upload", "download"), rows).toString();
    }

    /**
     * A client of the long-link table: its row label, whether it uploads, whether it runs in this JVM (and so needs a
     * warm-up, as its code is compiled while it runs), and how to open it on a target.
     */
    private record Peer(String label, boolean uploads, boolean inThisJvm,
                        java.util.function.Function<Target, SftpClient> open) {
    }

    /** Segmented transfers on long links: hussh at 1, 4 and 8 streams beside every peer, in one run. */
    private List<Peer> linkPeers() {
        List<Peer> peers = new ArrayList<>();
        for (int streams : new int[] {1, 4, 8}) {
            String label = streams == 8 ? "hussh (defaults: 8 streams)" : "hussh " + streams + " stream"
                                                                        + (streams > 1 ? "s" : "");
            String options = streams == 8 ? "" : "&parallelStreams=" + streams;
            peers.add(new Peer(label, true, true, target -> Tool.HUSSH.open(context, target, options, 0)));
            peers.add(new Peer(label.replace("hussh", "hussh atomic+resume"), true, true,
                    target -> Tool.HUSSH_ATOMIC_RESUME.open(context, target, options, 0)));
        }
        peers.add(new Peer("OpenSSH sftp", true, false, target -> Tool.OPENSSH.open(context, target, "", 0)));
        peers.add(new Peer("camel-sftp", true, true, target -> Tool.CAMEL_SFTP.open(context, target, "", 0)));
        peers.add(new Peer("lftp (put, pget at its default)", true, false,
                target -> new ExternalClient(ExternalClient.Program.LFTP, target, 0)));
        peers.add(new Peer("lftp pget -n 8", false, false, target -> new ExternalClient(ExternalClient.Program.LFTP, target, 8)));
        peers.add(new Peer("rclone (defaults)", true, false,
                target -> new ExternalClient(ExternalClient.Program.RCLONE, target, 0)));
        peers.add(new Peer("rclone --multi-thread-streams 8", false, false,
                target -> new ExternalClient(ExternalClient.Program.RCLONE, target, 8)));
        return peers;
    }

    private String links(Path data) throws Exception {
        List<Path> file = List.of(RandomFiles.write(data.resolve("big.bin"), settings.size(), 6));
        String source = seed(file);
        Report report = new Report().add("## 7. One " + mib(settings.size()) + " file on long links, segmented\n\n"
                                         + "`hussh:` at its defaults splits a file of 64 MiB or more over 8"
                                         + " connections when the round trip is 5 ms or more; the rows at 1 and 4"
                                         + " streams set `parallelStreams`. Each peer at its defaults, and lftp and"
                                         + " rclone also at 8 streams (they split downloads only). "
                                         + settings.linkRuns() + " run(s) per figure; the clients that run in the"
                                         + " benchmark's JVM (hussh:, camel-sftp) get " + settings.warmups()
                                         + " unmeasured warm-up(s) each way on the first link, since their first run"
                                         + " also compiles their code; the others are processes of their own.\n");
        List<List<String>> rows = new ArrayList<>();
        Map<String, Map<String, Double>> rates = new java.util.LinkedHashMap<>();
        for (int oneWay : new int[] {settings.latencyMillis(), settings.longLatencyMillis()}) {
            LatencyProxy proxy = oneWay == settings.latencyMillis() ? latency : longLatency;
            Target slow = direct.via(proxy.port());
            String link = 2 * oneWay + " ms";
            for (Peer peer : linkPeers()) {
                int warmups = peer.inThisJvm() && proxy == latency ? settings.warmups() : 0;
                try (SftpClient client = peer.open().apply(slow)) {
                    Result up = peer.uploads() ? Measure.median(peer.label() + " " + link + " upload", warmups,
                            settings.linkRuns(), () -> timedUpload(client, file, proxy, false)) : null;
                    Result down = Measure.median(peer.label() + " " + link + " download", warmups,
                            settings.linkRuns(), () -> timedDownload(client, source, file, proxy));
                    rows.add(List.of(link, peer.label(), rate(up, file), rate(down, file),
                            wire(down, file)));
                    rates.computeIfAbsent(link + " upload", k -> new java.util.LinkedHashMap<>())
                            .put(peer.label(), mibPerSecond(up, file));
                    rates.computeIfAbsent(link + " download", k -> new java.util.LinkedHashMap<>())
                            .put(peer.label(), mibPerSecond(down, file));
                }
            }
        }
        server.deleteDirectory(source);
        report.table(List.of("round trip", "client", "upload MiB/s", "download MiB/s", "download wire / file"), rows);
        report.add("Ratios in the same run (targets of issue 13 in brackets):\n");
        List<List<String>> ratioRows = new ArrayList<>();
        for (String link : List.of(2 * settings.latencyMillis() + " ms", 2 * settings.longLatencyMillis() + " ms")) {
            String target = link.startsWith(2 * settings.latencyMillis() + " ") ? "≥ 3×" : "≥ 5×";
            for (String direction : List.of("upload", "download")) {
                Map<String, Double> byPeer = rates.get(link + " " + direction);
                ratioRows.add(List.of(link, direction, "hussh atomic+resume (defaults) / OpenSSH sftp [" + target + "]",
                        Report.ratio(byPeer.get("hussh atomic+resume (defaults: 8 streams)"),
                                byPeer.get("OpenSSH sftp"))));
            }
            Map<String, Double> down = rates.get(link + " download");
            ratioRows.add(List.of(link, "download", "hussh (defaults) / lftp pget -n 8 [≥ 1.0×]",
                    Report.ratio(down.get("hussh (defaults: 8 streams)"), down.get("lftp pget -n 8"))));
            ratioRows.add(List.of(link, "download", "hussh (defaults) / rclone --multi-thread-streams 8 [≥ 1.0×]",
                    Report.ratio(down.get("hussh (defaults: 8 streams)"), down.get("rclone --multi-thread-streams 8"))));
            ratioRows.add(List.of(link, "upload", "hussh (defaults) / hussh 1 stream",
                    Report.ratio(rates.get(link + " upload").get("hussh (defaults: 8 streams)"),
                            rates.get(link + " upload").get("hussh 1 stream"))));
        }
        report.table(List.of("round trip", "direction", "ratio", "measured"), ratioRows);
        String image = chart.write("links", "One " + mib(settings.size()) + " file on long links", rates);
        return report.add("![MiB/s per link and client](" + image + ")\n").toString();
    }

    private Sample timedDownload(SftpClient client, String source, List<Path> files, LatencyProxy counter)
            throws Exception {
        List<String> names = files.stream().map(file -> file.getFileName().toString()).toList();
        Path local = Files.createTempDirectory(workspace, "down-");
        try {
            if (counter != null) {
                counter.resetCounters();
            }
            long start = System.nanoTime();
            long arrived = client.download(source, names, local);
            double seconds = (System.nanoTime() - start) / 1e9;
            if (arrived != totalSize(files)) {
                throw new IllegalStateException(arrived + " bytes arrived of " + totalSize(files));
            }
            return new Sample(seconds, counter == null ? -1 : counter.wireBytes());
        } finally {
            client.disconnect();
            BenchServer.deleteTree(local);
        }
    }

    private static String wire(Result result, List<Path> files) {
        return result == null || !result.ok() || result.median().wireBytes() < 0 ? "n/a"
                : String.format("%.3f", result.median().wireBytes() / (double) totalSize(files));
    }

    private String small(Path data) throws Exception {
        List<Path> files = RandomFiles.write(data, "small", settings.smallFiles(), settings.smallSize());
        Report report = new Report().add("## 3. " + settings.smallFiles() + " files of " + settings.smallSize() / 1024
                                         + " KiB, loopback\n\nMiB/s (files/s); one session for all files.\n");
        return upAndDown(report, files, direct, "", null).toString();
    }

    private String concurrent(Path data) throws Exception {
        List<Path> files = RandomFiles.write(data, "concurrent", settings.concurrency(), settings.concurrentSize());
        Map<Tool, Result> results = new EnumMap<>(Tool.class);
        for (Tool tool : ALL) {
            try (SftpClient client = tool.open(context, direct, "", 0)) {
                results.put(tool, Measure.median(tool + " concurrent upload", settings.warmups(), settings.runs(),
                        () -> timedUpload(client, files, null, true)));
            }
        }
        Report report = new Report().add("## 4. " + settings.concurrency() + " files of "
                                         + mib(settings.concurrentSize()) + " uploaded concurrently, loopback\n\n"
                                         + "A route `from(direct).threads(" + settings.concurrency() + ").to(endpoint)` sent every file at once"
                                         + " (OpenSSH: " + settings.concurrency() + " sftp processes); total MiB/s.\n");
        List<List<String>> rows = new ArrayList<>();
        results.forEach((tool, result) -> rows.add(List.of(tool.toString(), rate(result, files))));
        rows.addAll(ratios(Map.of("upload", results), List.of("upload"), files));
        report.table(List.of("client", "upload"), rows);
        report.add("Session per transfer (what `hussh:` pools) or channel per transfer: the same " + files.size()
                   + " uploads on JSch directly, written the way `hussh:` writes; total MiB/s.\n");
        SessionSharing sharing = new SessionSharing(direct);
        List<List<String>> sharingRows = new ArrayList<>();
        for (boolean shared : List.of(false, true)) {
            String label = shared ? "one session, a channel per transfer" : "a session per transfer";
            Result result = Measure.median(label, settings.warmups(), settings.runs(), () -> {
                String remote = server.newDirectory("sharing");
                try {
                    long start = System.nanoTime();
                    sharing.upload(files, remote, shared);
                    double seconds = (System.nanoTime() - start) / 1e9;
                    long arrived = totalSize(server.local(remote));
                    if (arrived != totalSize(files)) {
                        throw new IllegalStateException(arrived + " bytes arrived of " + totalSize(files));
                    }
                    return new Sample(seconds, -1);
                } finally {
                    server.deleteDirectory(remote);
                }
            });
            sharingRows.add(List.of(label, rate(result, files)));
        }
        return report.table(List.of("JSch sessions", "upload"), sharingRows).toString();
    }

    private String flaky(Path data) throws Exception {
        List<Path> file = List.of(RandomFiles.write(data.resolve("big.bin"), settings.size(), 4));
        Target cut = direct.via(flaky.port());
        // enough attempts for every cut, and short pauses, so that the wall time measures the transfer
        int attempts = (int) (2 * settings.size() / settings.dropEvery()) + 4;
        String reconnects = "&maximumReconnectAttempts=" + attempts + "&reconnectDelay=100&maximumReconnectDelay=100";
        Report report = new Report().add("## 5. Flaky link: one " + mib(settings.size())
                                         + " upload, the connection cut every " + mib(settings.dropEvery())
                                         + " sent\n\n`hussh:` with `" + reconnects.substring(1).replace('&', ',')
                                         + "`; camel-ftp through a route with " + attempts
                                         + " redeliveries, 100 ms apart. Bytes counted at the proxy, both ways.\n");
        List<List<String>> rows = new ArrayList<>();
        for (Variant flakyClient : camelToolsAndSplit()) {
            Tool tool = flakyClient.tool();
            try (SftpClient client = tool.open(context, cut, tool.isHussh() ? reconnects + flakyClient.options() : "",
                    tool.isHussh() ? 0 : attempts)) {
                // giving up is an outcome here: its time and bytes are measured too
                Result result = Measure.median(flakyClient.label() + " flaky upload", settings.warmups(),
                        settings.runs(), () -> {
                    long start = System.nanoTime();
                    try {
                        return timedUpload(client, file, flaky, false);
                    } catch (Exception e) {
                        return new Sample((System.nanoTime() - start) / 1e9, flaky.wireBytes(),
                                "failed: " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
                    }
                });
                Sample sample = result.median();
                rows.add(List.of(flakyClient.label(), sample.outcome() == null ? "delivered" : sample.outcome(),
                        String.format("%.1f", sample.seconds()),
                        String.format("%,d", sample.wireBytes()),
                        String.format("%.2f×", sample.wireBytes() / (double) settings.size())));
            }
        }
        return report.table(List.of("client", "outcome", "wall time s", "bytes on the wire", "wire / file size"),
                rows).toString();
    }

    private String memory(Path data) throws Exception {
        Path file = RandomFiles.write(data.resolve("big.bin"), settings.memorySize(), 5);
        Report report = new Report().add("## 6. Memory: one " + mib(settings.memorySize())
                                         + " file up and down with -Xmx128m\n\nEach client in a JVM of its own."
                                         + " Peak heap: the largest heap use seen (young garbage included, so it"
                                         + " depends on when the collector runs) / the largest heap still in use"
                                         + " after a collection (what the transfer holds), MiB.\n");
        List<List<String>> rows = new ArrayList<>();
        for (Variant memoryClient : camelToolsAndSplit()) {
            String remote = server.newDirectory("memory");
            Path local = Files.createTempDirectory(workspace, "memory-down-");
            try {
                Map<String, String> peaks = HeapProbe.runChild(memoryClient.tool(), memoryClient.options(), direct,
                        file, remote, local);
                rows.add(List.of(memoryClient.label(), peaks.getOrDefault("upload", "failed"),
                        peaks.getOrDefault("download", "failed")));
            } finally {
                server.deleteDirectory(remote);
                BenchServer.deleteTree(local);
            }
        }
        return report.table(List.of("client", "upload peak / live", "download peak / live"), rows).toString();
    }

    /** A Camel client with the options of its row. */
    private record Variant(String label, Tool tool, String options) {
    }

    /**
     * The Camel clients at their defaults, and hussh with atomic+resume split over 8 streams; on loopback the round trip
     * is below parallelMinimumRoundTrip, so splitting is asked for.
     */
    private static List<Variant> camelToolsAndSplit() {
        List<Variant> variants = new ArrayList<>();
        CAMEL_TOOLS.forEach(tool -> variants.add(new Variant(tool.toString(), tool, "")));
        variants.add(new Variant("hussh atomic+resume, 8 streams", Tool.HUSSH_ATOMIC_RESUME,
                "&parallelStreams=8&parallelMinimumRoundTrip=0"));
        return variants;
    }

    /** Upload and download table of every client, with the ratios of issue 6. */
    private Report upAndDown(Report report, List<Path> files, Target target, String husshOptions, LatencyProxy counter)
            throws Exception {
        String source = seed(files);
        Map<String, Map<Tool, Result>> results = Map.of("upload", new EnumMap<>(Tool.class),
                "download", new EnumMap<>(Tool.class));
        for (Tool tool : ALL) {
            try (SftpClient client = tool.open(context, target, tool.isHussh() ? husshOptions : "", 0)) {
                results.get("upload").put(tool, upload(tool + " upload", client, files, counter));
                // tempFileName is an upload option: the download would repeat camel-sftp's
                if (tool != Tool.CAMEL_SFTP_TEMP) {
                    results.get("download").put(tool, download(tool + " download", client, source, files, counter));
                }
            }
        }
        server.deleteDirectory(source);
        List<List<String>> rows = new ArrayList<>();
        for (Tool tool : ALL) {
            rows.add(List.of(tool.toString(), rate(results.get("upload").get(tool), files),
                    rate(results.get("download").get(tool), files)));
        }
        rows.addAll(ratios(results, List.of("upload", "download"), files));
        return report.table(List.of("client", "upload MiB/s", "download MiB/s"), rows);
    }

    /** The ratios the targets of issue 6 are stated in, one row each. */
    private static List<List<String>> ratios(Map<String, Map<Tool, Result>> results, List<String> columns,
                                             List<Path> files) {
        record Ratio(String label, Tool numerator, Tool denominator) {
        }
        List<Ratio> ratios = List.of(new Ratio("hussh / camel-sftp", Tool.HUSSH, Tool.CAMEL_SFTP),
                new Ratio("hussh atomic+resume / camel-sftp tempFileName", Tool.HUSSH_ATOMIC_RESUME,
                        Tool.CAMEL_SFTP_TEMP),
                new Ratio("hussh / OpenSSH sftp", Tool.HUSSH, Tool.OPENSSH),
                new Ratio("hussh atomic+resume / OpenSSH sftp", Tool.HUSSH_ATOMIC_RESUME, Tool.OPENSSH),
                new Ratio("hussh atomic+resume / hussh", Tool.HUSSH_ATOMIC_RESUME, Tool.HUSSH));
        List<List<String>> rows = new ArrayList<>();
        for (Ratio ratio : ratios) {
            List<String> row = new ArrayList<>(List.of("**" + ratio.label() + "**"));
            for (String column : columns) {
                Map<Tool, Result> byTool = results.get(column);
                // camel-sftp downloads have no temp-name variant: its consumer always stages in localWorkDirectory
                Tool denominator = byTool.containsKey(ratio.denominator()) ? ratio.denominator() : Tool.CAMEL_SFTP;
                row.add(Report.ratio(mibPerSecond(byTool.get(ratio.numerator()), files),
                        mibPerSecond(byTool.get(denominator), files)));
            }
            rows.add(row);
        }
        return rows;
    }

    private Result upload(String what, SftpClient client, List<Path> files, LatencyProxy counter) {
        return Measure.median(what, settings.warmups(), settings.runs(),
                () -> timedUpload(client, files, counter, false));
    }

    private Sample timedUpload(SftpClient client, List<Path> files, LatencyProxy counter, boolean concurrently)
            throws Exception {
        String remote = server.newDirectory("up");
        try {
            if (counter != null) {
                counter.resetCounters();
            }
            long start = System.nanoTime();
            if (concurrently) {
                client.uploadAtOnce(files, remote);
            } else {
                client.upload(files, remote);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long arrived = totalSize(server.local(remote));
            if (arrived != totalSize(files)) {
                throw new IllegalStateException(arrived + " bytes arrived of " + totalSize(files));
            }
            return new Sample(seconds, counter == null ? -1 : counter.wireBytes());
        } finally {
            client.disconnect();
            server.deleteDirectory(remote);
        }
    }

    private Result download(String what, SftpClient client, String source, List<Path> files, LatencyProxy counter) {
        return Measure.median(what, settings.warmups(), settings.runs(),
                () -> timedDownload(client, source, files, counter));
    }

    /** A remote directory holding copies of the files, put there as another writer would. */
    private String seed(List<Path> files) throws IOException {
        String remote = server.newDirectory("source");
        for (Path file : files) {
            Files.copy(file, server.local(remote).resolve(file.getFileName()));
        }
        return remote;
    }

    private static String rate(Result result, List<Path> files) {
        if (result == null) {
            return "n/a";
        }
        if (!result.ok()) {
            return "failed: " + result.failure();
        }
        String rate = Report.mibPerSecond(mibPerSecond(result, files));
        return files.size() == 1 ? rate
                : rate + String.format(" (%.0f files/s)", files.size() / result.median().seconds());
    }

    private static double mibPerSecond(Result result, List<Path> files) {
        return result == null || !result.ok() ? Double.NaN : result.mibPerSecond(totalSize(files));
    }

    private static long totalSize(List<Path> files) {
        return files.stream().mapToLong(file -> file.toFile().length()).sum();
    }

    private static long totalSize(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            return paths.filter(Files::isRegularFile).mapToLong(path -> path.toFile().length()).sum();
        }
    }

    private static String mib(long bytes) {
        return bytes >= 1024 * BenchSettings.MIB && bytes % (1024 * BenchSettings.MIB) == 0
                ? bytes / (1024 * BenchSettings.MIB) + " GiB" : bytes / BenchSettings.MIB + " MiB";
    }
}
