package io.hussh.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Runs a measurement a few times after warm-ups and keeps the median run. */
final class Measure {

    /**
     * One run: how long it took, the bytes on the wire where a proxy counted them (else -1), and how it ended where
     * a failure is a result too (else null).
     */
    record Sample(double seconds, long wireBytes, String outcome) {

        Sample(double seconds, long wireBytes) {
            this(seconds, wireBytes, null);
        }
    }

    /** The median run, or why a run failed. */
    record Result(Sample median, String failure) {

        boolean ok() {
            return failure == null;
        }

        double mibPerSecond(long bytes) {
            return bytes / (double) BenchSettings.MIB / median.seconds();
        }
    }

    interface Run {
        Sample run() throws Exception;
    }

    private Measure() {
    }

    static Result median(String what, int warmups, int runs, Run run) {
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < warmups + runs; i++) {
            try {
                Sample sample = run.run();
                System.out.printf("  %-60s %s %.2f s%s%n", what, i < warmups ? "warm-up" : "run", sample.seconds(),
                        sample.wireBytes() < 0 ? "" : ", " + sample.wireBytes() + " bytes on the wire");
                if (i >= warmups) {
                    samples.add(sample);
                }
            } catch (Exception e) {
                String failure = String.valueOf(e.getMessage()).lines().findFirst().orElse(e.toString());
                System.out.printf("  %-60s FAILED: %s%n", what, failure);
                return new Result(null, failure.length() > 160 ? failure.substring(0, 160) + "..." : failure);
            }
        }
        samples.sort(Comparator.comparingDouble(Sample::seconds));
        return new Result(samples.get(samples.size() / 2), null);
    }
}
