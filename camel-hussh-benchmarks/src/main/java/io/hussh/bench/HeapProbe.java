package io.hussh.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The memory scenario's child JVM: uploads one file and downloads it again with one client under {@code -Xmx128m},
 * and prints the heap peaks of each. A JVM of its own, so that nothing else the benchmark holds counts.
 */
final class HeapProbe {

    private static final String HEAP = "-Xmx128m";

    private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
    private final AtomicLong peakLive = new AtomicLong();

    private HeapProbe() {
        Set<String> heapNames = heapPools.stream().map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) collector).addNotificationListener((notification, handback) -> {
                if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                    Map<String, MemoryUsage> after = GarbageCollectionNotificationInfo
                            .from((CompositeData) notification.getUserData()).getGcInfo().getMemoryUsageAfterGc();
                    long live = after.entrySet().stream().filter(entry -> heapNames.contains(entry.getKey()))
                            .mapToLong(entry -> entry.getValue().getUsed()).sum();
                    peakLive.accumulateAndGet(live, Math::max);
                }
            }, null, null);
        }
    }

    private void reset() {
        System.gc();
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        peakLive.set(0);
    }

    /** Peak use, as the sum of the heap pools' peaks (an upper bound: they need not peak at once), and peak live. */
    private String peaks() {
        long peak = heapPools.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        return String.format("%.0f / %.0f", peak / (double) BenchSettings.MIB, peakLive.get() / (double) BenchSettings.MIB);
    }

    public static void main(String[] args) throws Exception {
        Tool tool = Tool.valueOf(System.getProperty("bench.tool"));
        Target target = new Target(Integer.getInteger("bench.port"), System.getProperty("bench.user"),
                System.getProperty("bench.password"), Path.of(System.getProperty("bench.knownHosts")), null);
        Path file = Path.of(System.getProperty("bench.file"));
        String remote = System.getProperty("bench.remoteDirectory");
        HeapProbe probe = new HeapProbe();
        try (CamelContext context = new DefaultCamelContext();
             SftpClient client = tool.open(context, target, System.getProperty("bench.options", ""), 0)) {
            context.start();
            probe.reset();
            client.upload(List.of(file), remote);
            System.out.println("heap upload " + probe.peaks());
            client.disconnect();
            probe.reset();
            client.download(remote, List.of(file.getFileName().toString()),
                    Path.of(System.getProperty("bench.localDirectory")));
            System.out.println("heap download " + probe.peaks());
        }
    }

    /**
     * Runs the probe in a child JVM on this JVM's class path; returns the peaks by direction.
     *
     * @param options more endpoint options, each starting with {@code &}
     */
    static Map<String, String> runChild(Tool tool, String options, Target target, Path file, String remote, Path local)
            throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), HEAP,
                "-Dbench.tool=" + tool.name(), "-Dbench.options=" + options, "-Dbench.port=" + target.port(),
                "-Dbench.user=" + target.user(),
                "-Dbench.password=" + target.password(), "-Dbench.knownHosts=" + target.knownHosts(),
                "-Dbench.file=" + file, "-Dbench.remoteDirectory=" + remote, "-Dbench.localDirectory=" + local,
                "-cp", System.getProperty("java.class.path"), HeapProbe.class.getName())
                .redirectErrorStream(true).start();
        Map<String, String> peaks = new HashMap<>();
        child.inputReader().lines().forEach(line -> {
            System.out.println("  [" + tool + "] " + line);
            if (line.startsWith("heap ")) {
                String[] parts = line.split(" ", 3);
                peaks.put(parts[1], parts[2]);
            }
        });
        child.waitFor();
        return peaks;
    }
}
