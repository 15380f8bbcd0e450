package io.hussh.sftp;

import java.util.Arrays;

/**
 * The segments of one file split over several connections, how far each one has reached, and which stream works on
 * which: the unit of work of a {@link SegmentedCopy} and the content of its journal.
 * <p>
 * A segment's reach is what its streams handed to the connection, not what the other side confirmed: every run that
 * continues a segment past its start first checks the bytes before that point against the source
 * ({@link SegmentedCopy}), so a reach read from a journal is a place to check from, never a promise.
 * <p>
 * Thread-safe: the streams of one transfer share one instance.
 */
final class Segments {

    private static final String HEADER = "hussh-segments 1";

    private final long size;
    private final long segmentSize;
    private final String sourceVersion;
    private final long[] reached;
    private final boolean[] taken;
    /** Whether what the segment reached was found to hold the source's bytes, or was written by this transfer. */
    private final boolean[] checked;
    /** How far each segment was found to hold the source's bytes, by the plan or by a stream's check. */
    private final long[] confirmed;
    private long changes;

    private Segments(long size, long segmentSize, String sourceVersion, long[] reached) {
        this.size = size;
        this.segmentSize = segmentSize;
        this.sourceVersion = sourceVersion;
        this.reached = reached;
        this.taken = new boolean[reached.length];
        this.checked = new boolean[reached.length];
        this.confirmed = new long[reached.length];
        for (int i = 0; i < reached.length; i++) {
            confirmed[i] = start(i);
        }
    }

    /**
     * A file of {@code size} bytes whose first {@code offset} bytes are already at the destination.
     *
     * @param sourceVersion what identifies the source's version, so that a journal of another one is not continued
     */
    static Segments from(long offset, long size, long segmentSize, String sourceVersion) {
        int count = (int) Math.max(1, (size + segmentSize - 1) / segmentSize);
        long[] reached = new long[count];
        for (int i = 0; i < count; i++) {
            long start = i * segmentSize;
            reached[i] = Math.max(start, Math.min(offset, Math.min(size, start + segmentSize)));
        }
        Segments segments = new Segments(size, segmentSize, sourceVersion, reached);
        // the plan compared the bytes before the offset with the source
        Arrays.fill(segments.checked, true);
        System.arraycopy(reached, 0, segments.confirmed, 0, count);
        return segments;
    }

    /** The segments a journal describes, or {@code null} when it is not one of this source's version and size. */
    static Segments fromJournal(String journal, long size, String sourceVersion) {
        String[] lines = journal.split("\n");
        if (lines.length != 5 || !lines[0].equals(HEADER) || !lines[1].equals("source " + sourceVersion)
            || !lines[2].equals("size " + size) || !lines[3].startsWith("segment ") || !lines[4].startsWith("reached")) {
            return null;
        }
        try {
            long segmentSize = Long.parseLong(lines[3].substring("segment ".length()));
            String[] values = lines[4].substring("reached".length()).trim().split(" ");
            if (segmentSize <= 0 || values.length != Math.max(1, (size + segmentSize - 1) / segmentSize)) {
                return null;
            }
            long[] reached = new long[values.length];
            for (int i = 0; i < values.length; i++) {
                reached[i] = Long.parseLong(values[i]);
                long start = i * segmentSize;
                if (reached[i] < start || reached[i] > Math.min(size, start + segmentSize)) {
                    return null;
                }
            }
            Segments segments = new Segments(size, segmentSize, sourceVersion, reached);
            for (int i = 0; i < reached.length; i++) {
                segments.checked[i] = reached[i] == segments.start(i);
            }
            return segments;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The journal's text; of one length for one file, since each reach is written with all its digits. */
    synchronized String journal() {
        StringBuilder values = new StringBuilder();
        for (long value : reached) {
            values.append(' ').append(String.format("%019d", value));
        }
        return HEADER + "\nsource " + sourceVersion + "\nsize " + size + "\nsegment " + segmentSize + "\nreached"
               + values + "\n";
    }

    int count() {
        return reached.length;
    }

    long start(int segment) {
        return segment * segmentSize;
    }

    long end(int segment) {
        return Math.min(size, start(segment) + segmentSize);
    }

    synchronized long reached(int segment) {
        return reached[segment];
    }

    synchronized boolean allDone() {
        for (int i = 0; i < reached.length; i++) {
            if (free(i) || taken[i]) {
                return false;
            }
        }
        return true;
    }

    /** Bytes the segments have reached in all, what a transfer continuing them need not send again. */
    synchronized long bytesReached() {
        long sum = 0;
        for (int i = 0; i < reached.length; i++) {
            sum += reached[i] - start(i);
        }
        return sum;
    }

    /** A count that changes whenever a reach does, so a journal writer can tell whether it has anything new. */
    synchronized long changes() {
        return changes;
    }

    /**
     * The segment a stream works on next, or -1 when every segment is done or taken. A stream that just finished
     * segment {@code previous} continues with the next one when it is free, on the connection it already writes to;
     * otherwise it takes the middle of the longest run of free segments, as far from the other streams as it can.
     */
    synchronized int take(int previous) {
        int next = previous + 1;
        if (previous >= 0 && next < reached.length && free(next) && checked[next] && reached[next] == start(next)) {
            taken[next] = true;
            return next;
        }
        int bestStart = -1;
        int bestLength = 0;
        for (int i = 0; i < reached.length; ) {
            if (!free(i)) {
                i++;
                continue;
            }
            int runStart = i;
            while (i < reached.length && free(i)) {
                i++;
            }
            if (i - runStart > bestLength) {
                bestLength = i - runStart;
                bestStart = runStart;
            }
        }
        if (bestStart < 0) {
            return -1;
        }
        // a run right behind another stream is split in the middle; one with nobody before it is begun at its start
        int chosen = bestStart > 0 && taken[bestStart - 1] ? bestStart + bestLength / 2 : bestStart;
        taken[chosen] = true;
        return chosen;
    }

    /** Takes {@code segment} again, for the stream whose connection broke while writing it, if nobody else has. */
    synchronized boolean takeIfFree(int segment) {
        if (!free(segment)) {
            return false;
        }
        taken[segment] = true;
        return true;
    }

    /** Whether {@code segment} continues right after {@code previous}, so one open write can carry on into it. */
    static boolean follows(int previous, int segment) {
        return previous >= 0 && segment == previous + 1;
    }

    synchronized void reach(int segment, long position) {
        if (position > reached[segment]) {
            reached[segment] = Math.min(position, end(segment));
            changes++;
        }
    }

    /** What a check found: the segment holds the source's bytes only up to {@code position}. */
    synchronized void setBack(int segment, long position) {
        if (position != reached[segment]) {
            reached[segment] = Math.max(start(segment), position);
            changes++;
        }
    }

    /**
     * Records that a check found {@code segment} to hold the source's bytes up to {@code position}; whether that is
     * further than any check found before, which is progress that survived whatever broke the run that sent them.
     */
    synchronized boolean confirm(int segment, long position) {
        if (position <= confirmed[segment]) {
            return false;
        }
        confirmed[segment] = position;
        return true;
    }

    /** Whether any segment is left for a stream to take. */
    synchronized boolean anyFree() {
        for (int i = 0; i < reached.length; i++) {
            if (free(i)) {
                return true;
            }
        }
        return false;
    }

    /** Whether what {@code segment} reached must be compared with the source before it counts. */
    synchronized boolean needsCheck(int segment) {
        return !checked[segment];
    }

    synchronized void markChecked(int segment) {
        checked[segment] = true;
    }

    /** Segments {@code from} to {@code to} must be compared with the source again before they count. */
    synchronized void uncheck(int from, int to) {
        for (int i = from; i <= to; i++) {
            if (reached[i] > start(i)) {
                checked[i] = false;
            }
        }
    }

    /** A stream stopped working on {@code segment}; another may take it from where it reached. */
    synchronized void release(int segment) {
        taken[segment] = false;
    }

    private boolean free(int segment) {
        return !taken[segment] && (!checked[segment] || reached[segment] < end(segment));
    }
}
