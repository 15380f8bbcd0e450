package io.hussh.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What to measure and how big, from system properties; an empty or missing property takes the default of issue 6, or
 * of the quick mode ({@code -Dbench.quick=true}) meant for smoke tests.
 */
record BenchSettings(boolean quick, Set<String> scenarios, long size, long midSize, long memorySize, long sweepSize,
                     long concurrentSize, int concurrency, int smallFiles, int smallSize, long dropEvery,
                     int latencyMillis, int longLatencyMillis, int runs, int warmups, int linkRuns,
                     List<Integer> bulkSweep, String report) {

    static final long MIB = 1024 * 1024;
    static final List<String> ALL_SCENARIOS = List.of("loopback", "latency", "links", "small", "concurrent", "flaky",
            "memory");

    static BenchSettings fromSystemProperties() {
        boolean quick = Boolean.parseBoolean(property("bench.quick", "false"));
        Set<String> scenarios = Arrays.stream(property("bench.scenarios", String.join(",", ALL_SCENARIOS)).split(","))
                .map(String::trim).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        if (!ALL_SCENARIOS.containsAll(scenarios)) {
            throw new IllegalArgumentException("bench.scenarios: choose from " + ALL_SCENARIOS + ", was " + scenarios);
        }
        return new BenchSettings(quick, scenarios,
                mib("bench.size", quick ? 64 : 1024),
                mib("bench.midSize", quick ? 32 : 256),
                mib("bench.memorySize", quick ? 64 : 4096),
                mib("bench.sweepSize", quick ? 64 : 256),
                mib("bench.concurrentSize", quick ? 16 : 128),
                8,
                Integer.parseInt(property("bench.smallFiles", quick ? "200" : "2000")),
                4096,
                mib("bench.dropEvery", quick ? 16 : 64),
                20,
                50,
                Integer.parseInt(property("bench.runs", quick ? "1" : "3")),
                Integer.parseInt(property("bench.warmups", "1")),
                Integer.parseInt(property("bench.linkRuns", "1")),
                Arrays.stream(property("bench.bulkSweep", "16,32,64,128").split(","))
                        .map(String::trim).map(Integer::valueOf).toList(),
                property("bench.report", "docs/benchmarks.md"));
    }

    boolean runs(String scenario) {
        return scenarios.contains(scenario);
    }

    /** A size in MiB. */
    private static long mib(String name, long defaultMib) {
        return Long.parseLong(property(name, String.valueOf(defaultMib))) * MIB;
    }

    private static String property(String name, String defaultValue) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? defaultValue : value;
    }
}
