package io.hussh.sftp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transfer step of {@link Transfer} over several connections: streams take {@link Segments} in turn, each on a
 * connection of its own, and write them into the one destination at their offsets. A stream whose connection breaks
 * reconnects and continues its segment while the others keep going. Each stream may fail
 * {@link ReconnectPolicy#maximumReconnectAttempts()} times in a row while the transfer as a whole makes no progress
 * (a segment finished, or bytes of a broken run found on the server), so a link drop that cuts every stream at once
 * counts as one failure of each, not as one per stream against a shared count. The journal of the segments is rewritten as they advance, at most once per
 * {@link #JOURNAL_INTERVAL}, so that another attempt, process or host can continue them.
 * <p>
 * <b>Where a run continues.</b> A stream's reach is what it handed to its connection; after a cut, the server may not
 * have written the last of it. Every run that starts after a segment's start therefore first compares the bytes just
 * before that point with the source ({@link #verifiedFrom}), stepping back until they match. A match counts only where
 * the source is not zeros there (a hole in the file reads as zeros): the server writes one handle's requests in order,
 * so a matching byte that a run wrote means all bytes the run wrote before it are there too.
 */
final class SegmentedCopy {

    private static final Logger LOG = LoggerFactory.getLogger(SegmentedCopy.class);
    static final Duration JOURNAL_INTERVAL = Duration.ofSeconds(1);
    private static final int COMPARED = 64 * 1024;
    private static final long FIRST_STEP_BACK = 1024 * 1024;
    private static final int BUFFER_SIZE = 256 * 1024;

    /** Where the journal goes; {@code null} when the transfer does not resume. */
    interface JournalWriter {
        void write(String journal) throws IOException;
    }

    private final Segments segments;
    private final String writePath;
    private final String remotePath;
    private final StreamConnections connections;
    private final ReconnectPolicy policy;
    private final TransferProgress progress;
    private final AtomicLong copied = new AtomicLong();
    /** Rises whenever the transfer makes progress that survives a cut; the streams' failure counts start again. */
    private final AtomicLong progressMarks = new AtomicLong();
    private final AtomicInteger reconnects = new AtomicInteger();
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private volatile boolean stopped;

    SegmentedCopy(Segments segments, String writePath, String remotePath, StreamConnections connections,
                  ReconnectPolicy policy, TransferProgress progress) {
        this.segments = segments;
        this.writePath = writePath;
        this.remotePath = remotePath;
        this.connections = connections;
        this.policy = policy;
        this.progress = progress;
    }

    /** What a segmented copy did: the payload it moved and the connections it moved it over. */
    record Result(long copied, int streams, int reconnects) {
    }

    /**
     * Copies every segment over up to {@code wanted} reserved connections, writing the journal through
     * {@code journal} while they run. With no connection to spare, or none the server accepts, the segments go over
     * {@code own}, the transfer's own connection, which then cannot carry the journal as well.
     */
    Result run(int wanted, StreamConnections.StreamConnection own, JournalWriter journal) throws IOException {
        int reserved = connections.reserve(wanted);
        try {
            if (reserved == 0) {
                return runAlone(own);
            }
            CountDownLatch done = new CountDownLatch(reserved);
            AtomicInteger connected = new AtomicInteger();
            for (int i = 0; i < reserved; i++) {
                Thread thread = new Thread(() -> {
                    try {
                        stream(null, connected);
                    } finally {
                        done.countDown();
                    }
                }, "hussh-stream-" + (i + 1) + " " + remotePath);
                thread.setDaemon(true);
                thread.start();
            }
            long journalChanges = segments.changes();
            while (!done.await(JOURNAL_INTERVAL.toMillis(), TimeUnit.MILLISECONDS)) {
                if (journal != null && segments.changes() != journalChanges && !stopped) {
                    journalChanges = segments.changes();
                    writeJournal(journal);
                }
            }
            throwFailure();
            if (connected.get() < reserved) {
                connections.refused(Math.max(1, connected.get()), wanted);
            }
            if (connected.get() == 0) {
                return runAlone(own);
            }
            if (!segments.allDone()) {
                throw new HusshTransferException(remotePath, "The streams of " + remotePath + " stopped with"
                                                             + " segments left to send");
            }
            return new Result(copied.get(), connected.get(), reconnects.get());
        } catch (InterruptedException e) {
            stopped = true;
            Thread.currentThread().interrupt();
            throw new HusshTransferException(remotePath, "The transfer of " + remotePath + " was interrupted", e);
        } finally {
            connections.unreserve(reserved);
        }
    }

    private Result runAlone(StreamConnections.StreamConnection own) throws IOException {
        stream(own, new AtomicInteger());
        throwFailure();
        return new Result(copied.get(), 1, reconnects.get());
    }

    /** Reports the first failure of any stream, the others' added to it. */
    private void throwFailure() throws IOException {
        Exception first = failure.get();
        if (first instanceof IOException io) {
            throw io;
        }
        if (first instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (first != null) {
            throw new HusshTransferException(remotePath, "The transfer of " + remotePath + " was interrupted", first);
        }
    }

    private void writeJournal(JournalWriter journal) {
        try {
            journal.write(segments.journal());
        } catch (IOException | RuntimeException e) {
            // a stale journal only makes a later resume re-send more; the transfer itself is unharmed
            LOG.debug("Cannot update the journal of {}: {}", writePath, e.toString());
        }
    }

    /**
     * One stream: takes segments until none is left, on {@code fixed} or on connections of its own, reconnecting
     * while its failures since the transfer's last progress stay within the policy.
     */
    private void stream(StreamConnections.StreamConnection fixed, AtomicInteger connected) {
        TransferProgress own = progress.part();
        StreamConnections.StreamConnection connection = fixed;
        if (connection == null) {
            try {
                connection = connections.open(own);
            } catch (IOException | RuntimeException e) {
                LOG.debug("An extra connection for {} could not be opened: {}", remotePath, e.toString());
                return;
            }
        }
        progress.streams(connected.incrementAndGet());
        FailureCount failures = new FailureCount();
        int segment = -1;
        int broken = -1;
        Run run = null;
        while (!stopped) {
            try {
                int next = broken >= 0 && segments.takeIfFree(broken) ? broken : segments.take(run == null ? -1 : segment);
                broken = -1;
                segment = next;
                // one open write carries on into the next segment only where it begins, checked, at the write's end
                boolean carriesOn = run != null && next >= 0 && Segments.follows(run.last, next)
                                    && !segments.needsCheck(next) && segments.reached(next) == run.at;
                if (run != null && !carriesOn) {
                    // closing waits for the server to confirm every write: a failure here is a broken stream too
                    closeRun(run);
                    run = null;
                }
                if (next < 0) {
                    break;
                }
                if (run == null) {
                    long from = verifiedFrom(connection, segment);
                    if (segments.confirm(segment, from)) {
                        // the server kept bytes that a run, broken since, sent: whoever sent them made progress
                        progressMarks.incrementAndGet();
                    }
                    segments.markChecked(segment);
                    if (from == segments.end(segment)) {
                        segments.release(segment);
                        continue;
                    }
                    run = new Run(connection, segment, from);
                }
                copySegment(run, segment, own);
                segments.release(segment);
            } catch (IOException | RuntimeException e) {
                if (run != null) {
                    // what the server had not written yet when the connection broke may reach back into segments this
                    // run finished before: each of them is checked again before it counts
                    segments.uncheck(run.first, run.last);
                }
                run = null;
                if (segment >= 0) {
                    segments.release(segment);
                    broken = segment;
                }
                if (fixed != null) {
                    fail(e);
                    return;
                }
                connection = reconnect(connection, e, own, failures);
                if (connection == null) {
                    return;
                }
            }
        }
        if (run == null) {
            if (fixed == null) {
                connection.finish();
            }
            return;
        }
        // stopped by another stream's failure in the middle of a run: what it wrote is checked by whoever continues
        segments.uncheck(run.first, run.last);
        HusshTransferException stop = new HusshTransferException(remotePath, "A stream of " + remotePath
                                                                             + " stopped because another failed");
        closeAfter(run.out, stop);
        closeAfter(run.in, stop);
        if (fixed == null) {
            connection.fail(stop);
        }
    }

    /** A new connection after {@code broken} failed with {@code cause}; {@code null} when the transfer fails. */
    private StreamConnections.StreamConnection reconnect(StreamConnections.StreamConnection broken, Exception cause,
                                                         TransferProgress own, FailureCount failures) {
        Exception last = cause;
        FailureClassifier.Failure kind = broken.fail(cause);
        while (!stopped) {
            boolean mayPass = kind == FailureClassifier.Failure.CONNECTION_LOST || kind == FailureClassifier.Failure.STALLED
                              || kind == FailureClassifier.Failure.CONNECT_FAILED;
            if (!segments.anyFree()) {
                // the other streams have taken or finished every segment, this one's included: nothing to reconnect for
                return null;
            }
            int inARow = failures.next();
            if (!mayPass || inARow > policy.maximumReconnectAttempts()) {
                fail(last);
                return null;
            }
            Duration delay = policy.delayBefore(inARow);
            LOG.warn("A stream of {} broke ({}); it reconnects in {} ms (failure {} of {} without progress)",
                    remotePath, last.getMessage(), delay.toMillis(), inARow, policy.maximumReconnectAttempts());
            try {
                Thread.sleep(delay.toMillis());
                StreamConnections.StreamConnection connection = connections.open(own);
                reconnects.incrementAndGet();
                own.reconnected();
                return connection;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail(e);
                return null;
            } catch (IOException | RuntimeException e) {
                last = e;
                kind = FailureClassifier.classify(e, false, false);
            }
        }
        return null;
    }

    /** One stream's failures since the transfer last made progress. */
    private final class FailureCount {

        private int inARow;
        private long marksSeen = -1;

        int next() {
            long marks = progressMarks.get();
            if (marks != marksSeen) {
                marksSeen = marks;
                inARow = 0;
            }
            return ++inARow;
        }
    }

    private void fail(Exception e) {
        if (!failure.compareAndSet(null, e)) {
            failure.get().addSuppressed(e);
        }
        stopped = true;
    }

    /** An open read of the source and write of the target, from one position on, on one connection. */
    private final class Run {

        private final int first;
        private int last;
        private final InputStream in;
        private final OutputStream out;
        private long at;

        Run(StreamConnections.StreamConnection connection, int first, long from) throws IOException {
            this.first = first;
            this.last = first;
            this.in = connection.source().openAt(from);
            OutputStream opened;
            try {
                opened = connection.target().openSegment(writePath, from);
            } catch (IOException | RuntimeException e) {
                closeAfter(in, e);
                throw e;
            }
            this.out = opened;
            this.at = from;
        }
    }

    private void copySegment(Run run, int segment, TransferProgress own) throws IOException {
        run.last = segment;
        long end = segments.end(segment);
        byte[] buffer = new byte[BUFFER_SIZE];
        long before = run.at;
        while (run.at < end) {
            if (stopped) {
                throw new HusshTransferException(remotePath, "Another stream of " + remotePath + " failed");
            }
            int n = run.in.read(buffer, 0, (int) Math.min(buffer.length, end - run.at));
            if (n < 0) {
                throw new HusshTransferException(remotePath, "The source of " + remotePath + " ended at byte "
                                                             + run.at + ", before its size of " + segments.end(
                        segments.count() - 1) + " bytes when the transfer began");
            }
            run.out.write(buffer, 0, n);
            run.at += n;
            copied.addAndGet(n);
            own.advance(n);
            segments.reach(segment, run.at);
        }
        if (run.at > before) {
            progressMarks.incrementAndGet();
        }
    }

    private static void closeRun(Run run) throws IOException {
        if (run == null) {
            return;
        }
        try {
            run.out.close();
        } finally {
            run.in.close();
        }
    }

    private static void closeAfter(AutoCloseable closeable, Exception failure) {
        try {
            closeable.close();
        } catch (Exception e) {
            failure.addSuppressed(e);
        }
    }

    /**
     * Where segment {@code segment} continues: what it reached, if the bytes before that hold the source's, else a
     * point at most {@link #COMPARED} bytes before the end of what the server holds. Steps back by doubling steps
     * until the bytes match (or the segment's start), then halves the gap to the last point that did not match: the
     * server holds a prefix of what the runs sent, so a cut costs the bytes it lost, not the rest of the segment.
     */
    private long verifiedFrom(StreamConnections.StreamConnection connection, int segment) throws IOException {
        long start = segments.start(segment);
        long reached = segments.reached(segment);
        long holds = start;
        long lacks = reached;
        for (long back = 0; ; back = back == 0 ? FIRST_STEP_BACK : back * 2) {
            long from = Math.max(start, reached - back);
            if (from == start) {
                break;
            }
            if (holdsSourceBefore(connection, from, start)) {
                if (back == 0) {
                    return from;
                }
                holds = from;
                break;
            }
            lacks = from;
        }
        while (lacks - holds > COMPARED) {
            long middle = holds + (lacks - holds) / 2;
            if (holdsSourceBefore(connection, middle, start)) {
                holds = middle;
            } else {
                lacks = middle;
            }
        }
        segments.setBack(segment, holds);
        return holds;
    }

    private boolean holdsSourceBefore(StreamConnections.StreamConnection connection, long position, long start)
            throws IOException {
        int length = (int) Math.min(COMPARED, position - start);
        byte[] expected = connection.source().read(position - length, length);
        if (expected == null || isZeros(expected)) {
            return false;
        }
        return Arrays.equals(expected, connection.target().read(writePath, position - length, length));
    }

    private static boolean isZeros(byte[] bytes) {
        for (byte b : bytes) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }
}
