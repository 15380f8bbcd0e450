package io.hussh.sftp;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.SocketException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.hussh.testing.TestFiles;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules of a transfer split into segments, on an in-memory source and destination shared by every stream: which
 * segments are sent, where a stream continues after a cut, what the journal says, and what the destination holds.
 * The server tests (SegmentedTransferIT) keep the wire behaviour.
 */
class SegmentedTransferTest {

    private static final String FINAL = "/d/f.bin";
    private static final String TEMP = FINAL + TransferOptions.DEFAULT_TEMP_SUFFIX;
    private static final int SEGMENT = 256 * 1024;
    private static final int SIZE = 16 * SEGMENT + 1000;
    private static final byte[] SOURCE = TestFiles.randomBytes(SIZE, 11);
    private static final String VERSION = SIZE + " bytes, modified 1000";

    private static final TransferOptions ATOMIC_RESUME = TransferOptions.builder().atomic(true).resume(true)
            .segmentSize(SEGMENT).parallelThreshold(0).parallelMinimumRoundTrip(Duration.ZERO).build();

    @Test
    void aFreshTransferIsSplitOverItsStreamsAndCommittedWhole() {
        InMemoryTarget target = new InMemoryTarget();
        Streams streams = new Streams(target, 4);

        TransferResult result = run(target, streams, ATOMIC_RESUME, 4);

        assertThat(target.content(FINAL)).isEqualTo(SOURCE);
        assertThat(result.streams()).isEqualTo(4);
        assertThat(result.bytesTransferred()).isEqualTo(SIZE);
        assertThat(target.bytesWritten()).isEqualTo(SIZE);
        assertThat(streams.opened.get()).isEqualTo(4);
        assertThat(target.exists(TEMP)).isFalse();
        assertThat(target.journal(TEMP)).as("journal after the commit").isNull();
    }

    @Test
    void aJournalIsContinuedWithTheUnfinishedSegmentsOnly() {
        Segments segments = Segments.from(0, SIZE, SEGMENT, VERSION);
        byte[] partial = new byte[SIZE];
        // segments 0 to 5 complete, segment 6 half, the rest not begun
        for (int i = 0; i <= 5; i++) {
            segments.reach(i, segments.end(i));
        }
        segments.reach(6, segments.start(6) + SEGMENT / 2);
        System.arraycopy(SOURCE, 0, partial, 0, 6 * SEGMENT + SEGMENT / 2);
        InMemoryTarget target = new InMemoryTarget().with(TEMP, partial).withJournal(TEMP, segments.journal());

        TransferResult result = run(target, new Streams(target, 3), ATOMIC_RESUME, 3);

        assertThat(target.content(FINAL)).isEqualTo(SOURCE);
        assertThat(result.resumeOffset()).isEqualTo(6L * SEGMENT + SEGMENT / 2);
        assertThat(target.bytesWritten()).isEqualTo(SIZE - (6L * SEGMENT + SEGMENT / 2));
        assertThat(target.journal(TEMP)).isNull();
    }

    @Test
    void aSegmentTheJournalCallsDoneButThatHoldsOtherBytesIsSentAgain() {
        Segments segments = Segments.from(0, SIZE, SEGMENT, VERSION);
        for (int i = 0; i < segments.count(); i++) {
            segments.reach(i, segments.end(i));
        }
        byte[] partial = SOURCE.clone();
        // segment 9 never reached the server: a hole
        java.util.Arrays.fill(partial, 9 * SEGMENT, 10 * SEGMENT, (byte) 0);
        InMemoryTarget target = new InMemoryTarget().with(TEMP, partial).withJournal(TEMP, segments.journal());

        run(target, new Streams(target, 2), ATOMIC_RESUME, 2);

        assertThat(target.content(FINAL)).isEqualTo(SOURCE);
        assertThat(target.bytesWritten()).isEqualTo(SEGMENT);
    }

    @Test
    void aSegmentTheServerHoldsOnlyPartOfIsContinuedNearTheEndOfWhatItHolds() {
        Segments segments = Segments.from(0, SIZE, SEGMENT, VERSION);
        for (int i = 0; i < segments.count(); i++) {
            segments.reach(i, segments.end(i));
        }
        byte[] partial = SOURCE.clone();
        // the connection of segment 4 was cut with its last writes still in flight: the server kept a prefix of it
        int kept = SEGMENT * 3 / 4 + 1000;
        java.util.Arrays.fill(partial, 4 * SEGMENT + kept, 5 * SEGMENT, (byte) 0);
        InMemoryTarget target = new InMemoryTarget().with(TEMP, partial).withJournal(TEMP, segments.journal());

        run(target, new Streams(target, 2), ATOMIC_RESUME, 2);

        assertThat(target.content(FINAL)).isEqualTo(SOURCE);
        // the check halves its way to what the server holds, to within one compared block
        assertThat(target.bytesWritten()).isBetween((long) SEGMENT - kept, (long) SEGMENT - kept + 64 * 1024);
    }

    @Test
    void aJournalOfAnotherVersionStartsOver() {
        Segments other = Segments.from(SIZE, SIZE, SEGMENT, SIZE + " bytes, modified 999");
        InMemoryTarget target = new InMemoryTarget().with(TEMP, TestFiles.randomBytes(SIZE, 12))
                .withJournal(TEMP, other.journal());

        TransferResult result = run(target, new Streams(target, 4), ATOMIC_RESUME, 4);

        assertThat(target.content(FINAL)).isEqualTo(SOURCE);
        assertThat(result.resumeRestarted()).isTrue();
        assertThat(target.bytesWritten()).isEqualTo(SIZE);
    }

    @Test
    void aOnePiecePartialIsContinuedInSegments() {
        int partial = 5 * SEGMENT + 777;
        InMemoryTarget target = new InMemoryTarget().with(TEMP, head(partial));

        TransferResult result = run(target, new Streams(target, 4), ATOMIC_RESUME, 4);

        assertThat(target.content(FINAL)).isEqualTo(SOURCE);
        assertThat(result.resumeOffset()).isEqualTo(partial);
        assertThat(target.bytesWritten()).isEqualTo(SIZE - partial);
        assertThat(result.streams()).isGreaterThan(1);
    }

    @Test
    void aSegmentedPartialIsContinuedOverOneConnection() {
        Segments segments = Segments.from(0, SIZE, SEGMENT, VERSION);
        byte[] partial = new byte[SIZE];
        for (int i : new int[] {0, 3, 4, 15}) {
            segments.reach(i, segments.end(i));
            System.arraycopy(SOURCE, (int) segments.start(i), partial, (int) segments.start(i),
                    (int) (segments.end(i) - segments.start(i)));
        }
        InMemoryTarget target = new InMemoryTarget().with(TEMP, partial).withJournal(TEMP, segments.journal());

        TransferResult result = run(target, new Streams(target, 0), ATOMIC_RESUME, 1);

        assertThat(target.content(FINAL)).isEqualTo(SOURCE);
        assertThat(result.streams()).isEqualTo(1);
        assertThat(target.bytesWritten()).isEqualTo(SIZE - 4L * SEGMENT);
    }

    @Test
    void aStreamCutMidSegmentContinuesFromWhatTheServerKept() {
        InMemoryTarget target = new InMemoryTarget();
        // the first connection to be cut loses the last 600 KiB it handed over, as a server drops its queued writes:
        // they reach back into the segment it finished before
        int lost = 600 * 1024;
        Streams streams = new Streams(target, 4).cutOnceAfter(3 * SEGMENT + SEGMENT / 3, lost);

        TransferResult result = run(target, streams, ATOMIC_RESUME, 4);

        assertThat(target.content(FINAL)).isEqualTo(SOURCE);
        assertThat(result.reconnects()).isEqualTo(1);
        // the holes left are counted as written too; what is sent again reaches back at most to the starts of the
        // segments the holes are in
        assertThat(target.bytesWritten()).isBetween((long) SIZE + lost, (long) SIZE + 2L * lost + 2 * SEGMENT);
    }

    @Test
    void aStreamCutEveryFewHundredKiBStillGetsThroughOnABudgetOfTwoReconnects() {
        InMemoryTarget target = new InMemoryTarget();
        // segments longer than what one connection carries: none completes on the connection it began on
        Streams streams = new Streams(target, 2).cutEveryConnectionAfter(300 * 1024);
        TransferOptions options = ATOMIC_RESUME.toBuilder().segmentSize(4L * SEGMENT).build();

        TransferResult result = run(target, streams, options, 2, new ReconnectPolicy(2, Duration.ZERO, Duration.ZERO));

        assertThat(target.content(FINAL)).isEqualTo(SOURCE);
        assertThat(result.reconnects()).isGreaterThan(2);
    }

    @Test
    void aLinkDropThatCutsEveryStreamAtOnceCountsAsOneFailureOfEach() {
        InMemoryTarget target = new InMemoryTarget();
        Streams streams = new Streams(target, 4).dropEveryConnectionOnceAfter(SIZE / 3);

        TransferResult result = run(target, streams, ATOMIC_RESUME, 4, new ReconnectPolicy(1, Duration.ZERO,
                Duration.ZERO));

        assertThat(target.content(FINAL)).isEqualTo(SOURCE);
        assertThat(result.reconnects()).isEqualTo(4);
    }

    @Test
    void withoutExtraConnectionsTheTransferGoesOverItsOwn() {
        InMemoryTarget target = new InMemoryTarget();
        Streams streams = new Streams(target, 4).refusingConnections();

        TransferResult result = run(target, streams, ATOMIC_RESUME, 4);

        assertThat(target.content(FINAL)).isEqualTo(SOURCE);
        assertThat(result.streams()).isEqualTo(1);
        assertThat(streams.refusals.get()).isEqualTo(1);
    }

    @Test
    void aFileBelowTheThresholdIsNotSplit() {
        InMemoryTarget target = new InMemoryTarget();
        Streams streams = new Streams(target, 4);

        TransferResult result = run(target, streams, ATOMIC_RESUME.toBuilder().parallelThreshold(SIZE + 1).build(), 4);

        assertThat(target.content(FINAL)).isEqualTo(SOURCE);
        assertThat(result.streams()).isEqualTo(1);
        assertThat(streams.opened.get()).isZero();
        assertThat(target.journalUpdates()).isZero();
    }

    private static TransferResult run(InMemoryTarget target, Streams streams, TransferOptions options, int parallel) {
        return run(target, streams, options, parallel, new ReconnectPolicy(3, Duration.ZERO, Duration.ZERO));
    }

    private static TransferResult run(InMemoryTarget target, Streams streams, TransferOptions options, int parallel,
                                      ReconnectPolicy policy) {
        TransferProgress progress = new TransferProgress(FINAL, true, List.of());
        AttemptOutcome outcome = new Transfer(InMemorySource.file(SOURCE, VERSION), target, FINAL, FINAL, options,
                progress, false, new Transfer.Splitting(streams, parallel, policy)).run();
        if (outcome instanceof AttemptOutcome.Failed failed) {
            throw new AssertionError("the transfer failed", failed.cause());
        }
        return ((AttemptOutcome.Completed) outcome).result();
    }

    private static byte[] head(int length) {
        return java.util.Arrays.copyOf(SOURCE, length);
    }

    /** Streams over the one in-memory target, each with a connection that can be cut once. */
    private static final class Streams implements StreamConnections {

        private final InMemoryTarget target;
        private final AtomicInteger allowance;
        private final CountDownLatch allOpen;
        private final AtomicInteger opened = new AtomicInteger();
        private final AtomicInteger refusals = new AtomicInteger();
        private boolean refuse;
        private long cutAfter = -1;
        private int lost;
        private boolean everyConnection;
        private final AtomicInteger cuts = new AtomicInteger();
        private boolean dropping;
        private long dropAfter = -1;
        private final AtomicLong writtenOverAll = new AtomicLong();
        private final Set<CutTarget> connections = ConcurrentHashMap.newKeySet();
        private final Set<CutTarget> dropped = new HashSet<>();

        Streams(InMemoryTarget target, int allowance) {
            this.target = target;
            this.allowance = new AtomicInteger(allowance);
            this.allOpen = new CountDownLatch(allowance);
        }

        /** Every connection is cut once it has written {@code bytes}, as a link that keeps failing does. */
        Streams cutEveryConnectionAfter(long bytes) {
            cutAfter = bytes;
            everyConnection = true;
            return this;
        }

        /**
         * Once {@code bytes} have been written over all connections and all the allowance is open, every connection
         * is cut.
         */
        Streams dropEveryConnectionOnceAfter(long bytes) {
            dropAfter = bytes;
            dropping = true;
            return this;
        }

        Streams refusingConnections() {
            refuse = true;
            return this;
        }

        /** The first connection to write {@code bytes} is cut there, and the last {@code lostBytes} never land. */
        Streams cutOnceAfter(long bytes, int lostBytes) {
            cutAfter = bytes;
            lost = lostBytes;
            return this;
        }

        @Override
        public void prepare(int wanted) {
            // in memory, a connection opens at once: nothing to overlap
        }

        @Override
        public void dropPrepared() {
            // nothing prepared
        }

        @Override
        public synchronized int reserve(int wanted) {
            int granted = Math.min(wanted, allowance.get());
            allowance.addAndGet(-granted);
            return granted;
        }

        @Override
        public void unreserve(int count) {
            allowance.addAndGet(count);
        }

        @Override
        public StreamConnection open(TransferProgress progress) throws IOException {
            if (refuse) {
                throw new IOException("connection refused");
            }
            opened.incrementAndGet();
            InMemorySource source = InMemorySource.file(SOURCE, VERSION);
            TransferTarget connectionTarget = cutAfter < 0 && !dropping ? target : new CutTarget();
            return new StreamConnection() {
                @Override
                public TransferSource source() {
                    return source;
                }

                @Override
                public TransferTarget target() {
                    return connectionTarget;
                }

                @Override
                public void finish() {
                }

                @Override
                public FailureClassifier.Failure fail(Exception failure) {
                    return failure instanceof SocketException ? FailureClassifier.Failure.CONNECTION_LOST
                            : FailureClassifier.Failure.FINAL;
                }
            };
        }

        @Override
        public void refused(int got, int asked) {
            refusals.incrementAndGet();
        }

        @Override
        public Duration roundTrip() {
            return Duration.ofMillis(40);
        }

        /** The shared target, whose writes the first connection past {@code cutAfter} bytes loses the end of. */
        private final class CutTarget implements TransferTarget {

            private final AtomicInteger written = new AtomicInteger();

            CutTarget() {
                connections.add(this);
                allOpen.countDown();
            }

            /** So that the drop finds every stream writing, none writes before all are open. */
            private void awaitEveryConnection() throws IOException {
                try {
                    if (!allOpen.await(10, TimeUnit.SECONDS)) {
                        throw new IOException("not every connection of the allowance was opened");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException();
                }
            }

            /** Whether the link drop has cut this connection: all open at the moment the drop came are cut. */
            private boolean droppedBy(int len) throws IOException {
                if (!dropping) {
                    return false;
                }
                awaitEveryConnection();
                synchronized (dropped) {
                    if (dropAfter >= 0 && writtenOverAll.addAndGet(len) >= dropAfter) {
                        dropped.addAll(connections);
                        dropAfter = -1;
                    }
                    if (dropped.remove(this)) {
                        dropped.notifyAll();
                        return true;
                    }
                    // the link is down until every connection it cut has noticed: new ones move nothing before
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                    while (!dropped.isEmpty()) {
                        long left = deadline - System.nanoTime();
                        if (left <= 0) {
                            throw new IOException("a connection the link drop cut never wrote again");
                        }
                        try {
                            TimeUnit.NANOSECONDS.timedWait(dropped, left);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new InterruptedIOException();
                        }
                    }
                    return false;
                }
            }

            @Override
            public OutputStream openSegment(String path, long offset) throws IOException {
                OutputStream out = target.openSegment(path, offset);
                return new OutputStream() {
                    private long position = offset;

                    @Override
                    public void write(int b) throws IOException {
                        write(new byte[] {(byte) b}, 0, 1);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        if (droppedBy(len)) {
                            throw new SocketException("connection reset by the link drop");
                        }
                        if (cutAfter >= 0 && written.addAndGet(len) > cutAfter && (cuts.getAndIncrement() == 0 || everyConnection)) {
                            out.write(b, off, len);
                            // the server never wrote the last bytes it was handed: they stay holes
                            long end = position + len;
                            long from = Math.max(offset, end - lost);
                            byte[] zeros = new byte[(int) (end - from)];
                            target.openSegment(path, from).write(zeros, 0, zeros.length);
                            throw new SocketException("connection reset");
                        }
                        out.write(b, off, len);
                        position += len;
                    }
                };
            }

            @Override
            public long size(String path) {
                return target.size(path);
            }

            @Override
            public OutputStream open(String path, long offset) {
                return target.open(path, offset);
            }

            @Override
            public String readJournal(String path) {
                return target.readJournal(path);
            }

            @Override
            public void startJournal(String path, String journal) {
                target.startJournal(path, journal);
            }

            @Override
            public void updateJournal(String path, String journal) {
                target.updateJournal(path, journal);
            }

            @Override
            public void deleteJournal(String path) {
                target.deleteJournal(path);
            }

            @Override
            public void commit(String tempPath, String finalPath) throws IOException {
                target.commit(tempPath, finalPath);
            }

            @Override
            public void delete(String path) {
                target.delete(path);
            }

            @Override
            public byte[] read(String path, long offset, int length) {
                return target.read(path, offset, length);
            }

            @Override
            public void setAttributes(String path, long lastModified, Integer permissions) {
                target.setAttributes(path, lastModified, permissions);
            }
        }
    }
}
