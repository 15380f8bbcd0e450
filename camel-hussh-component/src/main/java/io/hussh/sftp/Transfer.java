package io.hussh.sftp;

import java.io.IOException;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transfer algorithm, the same for uploads and downloads: plan, transfer, verify, commit.
 * <ul>
 * <li><b>plan</b>: where to write ({@code name + tempSuffix} when atomic) and from which offset (the bytes already
 * there when resuming, if they are a copy of this source), or nothing to do when the destination is complete;</li>
 * <li><b>transfer</b>: copy the source from that offset;</li>
 * <li><b>verify</b>: the destination, counted and measured, holds exactly the source's bytes; the optional digest
 * matches the published one; time and permissions are set;</li>
 * <li><b>commit</b>: rename the temp file onto the final name.</li>
 * </ul>
 * On failure the temp file is removed, unless resuming, which keeps it for the next attempt. The final name never
 * holds partial content when atomic, and an existing destination is never removed before the commit.
 * <p>
 * One instance runs one attempt, on one connection; what the next attempt needs to know comes back in its
 * {@link AttemptOutcome}.
 */
final class Transfer {

    private static final Logger LOG = LoggerFactory.getLogger(Transfer.class);
    private static final int VERIFIED_TAIL = 64 * 1024;
    /** Enough to tell another writer's file from this source's, cheap enough for every skipped file. */
    private static final int COMPARED_END_OF_COMPLETE_FILE = 4 * 1024;
    private static final int DIGEST_CHUNK = 1024 * 1024;

    private final TransferSource source;
    private final TransferTarget target;
    private final String finalPath;
    private final String remotePath;
    private final TransferOptions options;
    private final String writePath;
    private final TransferProgress progress;
    private final boolean commitMayHaveHappened;
    private final Splitting splitting;
    private long plannedOffset = -1;
    private boolean commitSent;
    private String checksum;
    private boolean journalExists;
    private int streams = 1;
    private int streamReconnects;

    /**
     * How a transfer may split its data over several connections: the extra connections, how many one file may use,
     * and how their streams reconnect. {@link #none()} for a transfer that always goes over its own connection.
     */
    record Splitting(StreamConnections connections, int parallelStreams, ReconnectPolicy policy) {

        static Splitting none() {
            return new Splitting(null, 1, ReconnectPolicy.none());
        }
    }

    /**
     * @param finalPath             the destination, in the target's terms (remote path for uploads, local for
     *                              downloads)
     * @param remotePath            the remote file of this transfer, for results and errors
     * @param commitMayHaveHappened an earlier attempt lost its connection after sending the commit: if the temp file
     *                              is gone and the destination has the source's size, the rename took place
     */
    Transfer(TransferSource source, TransferTarget target, String finalPath, String remotePath, TransferOptions options,
             TransferProgress progress, boolean commitMayHaveHappened) {
        this(source, target, finalPath, remotePath, options, progress, commitMayHaveHappened, Splitting.none());
    }

    /** @param splitting how the data may go over several connections */
    Transfer(TransferSource source, TransferTarget target, String finalPath, String remotePath, TransferOptions options,
             TransferProgress progress, boolean commitMayHaveHappened, Splitting splitting) {
        this.source = source;
        this.target = target;
        this.finalPath = finalPath;
        this.remotePath = remotePath;
        this.options = options;
        this.writePath = options.atomic() ? options.sideFiles().temp(finalPath) : finalPath;
        this.progress = progress;
        this.commitMayHaveHappened = commitMayHaveHappened;
        this.splitting = splitting;
    }

    /**
     * Runs the transfer once, on the connection it was made with. A failure comes back as {@link AttemptOutcome.Failed}
     * with what the next attempt must know, after the cleanup its options ask for.
     */
    AttemptOutcome run() {
        try {
            return new AttemptOutcome.Completed(attempt());
        } catch (IOException | RuntimeException e) {
            return new AttemptOutcome.Failed(target.lostClaim(e), plannedOffset, commitSent);
        } finally {
            if (splitting.connections() != null) {
                splitting.connections().dropPrepared();
            }
            target.endAttempt();
        }
    }

    private TransferResult attempt() throws IOException {
        long sourceSize = source.size();
        target.claim(progress);
        if (commitMayHaveHappened && options.atomic() && sourceSize >= 0 && target.size(writePath) < 0
            && target.size(finalPath) == sourceSize) {
            return committedByEarlierAttempt();
        }
        Plan plan = verifiedResume(plan(sourceSize));
        plannedOffset = plan.offset();
        progress.begin(plan.offset(), sourceSize);
        if (plan.complete()) {
            return alreadyComplete(plan.offset());
        }
        try {
            Segments segments = plan.segments() != null ? plan.segments() : split(plan.offset(), sourceSize);
            if (segments != null) {
                // the extra connections' key exchanges overlap the round trips that prepare the destination
                splitting.connections().prepare(streamsFor(segments));
            }
            String version = source.version();
            if (options.resume() && version != null) {
                target.recordVersion(writePath, version);
            }
            MessageDigest digest;
            long copied;
            if (segments != null) {
                copied = copySegments(segments, plan, sourceSize);
                verify(sourceSize, sourceSize);
                digest = options.checksum() ? digestOfFirst(sourceSize) : null;
            } else {
                if (journalExists) {
                    // the partial is rewritten in one piece: what the journal says no longer holds
                    target.deleteJournal(writePath);
                    journalExists = false;
                }
                digest = options.checksum() ? digestOfFirst(plan.offset()) : null;
                copied = transfer(plan.offset(), sourceSize, digest);
                if (copied < 0) {
                    return sourceEndedBeforeOffset(plan.offset());
                }
                verify(sourceSize, plan.offset() + copied);
            }
            if (digest != null) {
                checksum = HexFormat.of().formatHex(digest.digest());
                compareWithPublished();
            }
            if (options.keepLastModified() || options.permissions() != null) {
                target.setAttributes(writePath, options.keepLastModified() ? source.lastModified() : -1,
                        options.permissions());
            }
            progress.touch();
            if (journalExists) {
                // the file is complete and confirmed: without the journal, a resume finds it so by the one-piece rules
                target.deleteJournal(writePath);
                journalExists = false;
            }
            if (options.atomic()) {
                target.checkClaim();
                commitSent = true;
                target.commit(writePath, finalPath);
            }
            if (options.resume() && version != null) {
                target.forgetVersion(writePath);
            }
            if (!options.atomic() && copied == 0 && plan.offset() > 0) {
                return alreadyComplete(plan.offset());
            }
            return transferred(copied, plan);
        } catch (IOException | RuntimeException e) {
            // once the commit was sent the temp may already be the destination: remove it only if it is still there
            if (options.atomic() && !options.resume() && target.holdsClaim() && (!commitSent || tempStillThere(e))) {
                discardTemp(e);
            }
            if (!options.resume() && journalExists && target.holdsClaim()) {
                discardJournal(e);
            }
            throw e;
        }
    }

    /** An earlier attempt's commit took place, though its reply was lost: nothing left to do. */
    private TransferResult committedByEarlierAttempt() {
        return new TransferResult(remotePath, finalPath, 0, 0, false, false, 0, checksum, 1);
    }

    private TransferResult alreadyComplete(long size) {
        return new TransferResult(remotePath, finalPath, 0, size, true, false, 0, checksum, 1);
    }

    private TransferResult transferred(long copied, Plan plan) {
        return new TransferResult(remotePath, finalPath, copied, plan.offset(), false, plan.restarted(),
                streamReconnects, checksum, streams);
    }

    /**
     * The segments to split the rest of the source into from {@code offset}, or {@code null} when it goes over one
     * connection: a source that cannot be read at several offsets at once, a file below {@code parallelThreshold} or
     * with less than two segments left, or a round trip below {@code parallelMinimumRoundTrip}, on which one
     * connection fills the link.
     */
    private Segments split(long offset, long sourceSize) throws IOException {
        StreamConnections connections = splitting.connections();
        if (connections == null || splitting.parallelStreams() < 2) {
            return null;
        }
        if (!source.splittable()) {
            LOG.debug("{} goes over one connection: its body is a stream, which cannot be read at several offsets at"
                      + " once; send a File to let it be split", remotePath);
            return null;
        }
        if (sourceSize < options.parallelThreshold() || sourceSize - offset < 2 * options.segmentSize()) {
            return null;
        }
        Duration minimum = options.parallelMinimumRoundTrip();
        if (!minimum.isZero()) {
            Duration roundTrip = connections.roundTrip();
            if (roundTrip.compareTo(minimum) < 0) {
                LOG.debug("{} goes over one connection: the round trip, {} µs, is below parallelMinimumRoundTrip",
                        remotePath, roundTrip.toNanos() / 1000);
                return null;
            }
        }
        return Segments.from(offset, sourceSize, options.segmentSize(), journalVersion());
    }

    private String journalVersion() {
        String version = source.version();
        return version == null ? "unknown" : version;
    }

    /**
     * Copies the segments not yet done over up to {@code parallelStreams} connections. A new segmented write first
     * creates the file (truncating it when the plan starts over) and its journal, so that whatever happens next, a
     * partial with gaps never stands without the journal that says where they are.
     */
    private long copySegments(Segments segments, Plan plan, long sourceSize) throws IOException {
        if (plan.segments() == null) {
            if (plan.offset() == 0) {
                target.open(writePath, 0).close();
            }
            target.startJournal(writePath, segments.journal());
            journalExists = true;
        }
        StreamConnections.StreamConnection own = new OwnConnection(source, target);
        SegmentedCopy.Result result = new SegmentedCopy(segments, writePath, remotePath, splitting.connections(),
                splitting.policy(), progress)
                .run(streamsFor(segments), own, journal -> target.updateJournal(writePath, journal));
        streams = result.streams();
        streamReconnects = result.reconnects();
        long size = source.size();
        if (size != sourceSize) {
            throw new HusshTransferException(remotePath, "The source changed during the transfer of " + remotePath
                                                         + ": it had " + sourceSize + " bytes when the transfer began,"
                                                         + " and " + size + " at its end");
        }
        return result.copied();
    }

    private int streamsFor(Segments segments) {
        return Math.min(splitting.parallelStreams(), segments.count());
    }

    /** The transfer's own connection, for a segmented copy that got no other: it belongs to the transfer. */
    private record OwnConnection(TransferSource source, TransferTarget target)
            implements StreamConnections.StreamConnection {

        @Override
        public void finish() {
        }

        @Override
        public FailureClassifier.Failure fail(Exception failure) {
            return FailureClassifier.Failure.FINAL;
        }
    }

    private Plan plan(long sourceSize) throws IOException {
        if (!options.resume()) {
            return Plan.fresh();
        }
        long partial = target.size(writePath);
        String journal = partial < 0 ? null : target.readJournal(writePath);
        if (journal != null) {
            journalExists = true;
            Segments segments = Segments.fromJournal(journal, sourceSize, journalVersion());
            // a journal of another version or size describes a partial that is no copy of this source
            return segments != null ? Plan.continueSegments(segments) : Plan.restart();
        }
        String recorded = partial < 0 ? null : target.recordedVersion(writePath);
        boolean sameVersion = recorded != null && recorded.equals(source.version());
        if (options.protectEarlierDeliveries()) {
            boolean continuable = sameVersion && (sourceSize < 0 || partial <= sourceSize);
            if (continuable) {
                return Plan.resumeRecordedAt(partial);
            }
            return recorded != null ? Plan.restart() : Plan.fresh();
        }
        if (options.atomic() && partial < 0) {
            long existing = target.size(finalPath);
            // a file of the source's size is complete only if it ends as the source does: another writer's file of
            // the same size is replaced, never reported as this upload's
            boolean complete = sourceSize >= 0 && (existing > sourceSize
                                                   || existing == sourceSize && endsLikeSource(finalPath, existing, COMPARED_END_OF_COMPLETE_FILE));
            return complete ? Plan.complete(existing) : Plan.fresh();
        }
        if (partial < 0) {
            return Plan.fresh();
        }
        if (recorded != null && !sameVersion) {
            // the partial file is a copy of another version of the source: splicing the two would corrupt it
            return Plan.restart();
        }
        if (sourceSize >= 0 && partial >= sourceSize) {
            if (!options.atomic()) {
                return partial > sourceSize || endsLikeSource(writePath, partial, COMPARED_END_OF_COMPLETE_FILE)
                        ? Plan.complete(partial)
                        : Plan.restart();
            }
            // a temp file longer than the source belongs to another version of it: it can only be rewritten
            return partial == sourceSize ? resumeAt(partial, sameVersion) : Plan.restart();
        }
        return resumeAt(partial, sameVersion);
    }

    private static Plan resumeAt(long partial, boolean recordedAsThisVersion) {
        return recordedAsThisVersion ? Plan.resumeRecordedAt(partial) : Plan.resumeAt(partial);
    }

    /** Returns the bytes copied, or -1 when the source ended before the offset. */
    private long transfer(long offset, long sourceSize, MessageDigest digest) throws IOException {
        if (offset > 0 && offset == sourceSize) {
            return 0;
        }
        try (OutputStream out = target.open(writePath, offset)) {
            progress.touch();
            CountingOutputStream counted = new CountingOutputStream(out, progress);
            OutputStream sink = digest == null ? counted : new DigestOutputStream(counted, digest);
            return source.copyTo(sink, offset) ? counted.count() : -1;
        }
    }

    /**
     * Continues a partial file only if its last bytes (up to 64 KiB) equal the source's at the same place: a size
     * alone would splice any other file of that length onto the rest of this one.
     */
    private Plan verifiedResume(Plan plan) throws IOException {
        long offset = plan.offset();
        if (plan.needsNoTailCheck() || endsLikeSource(writePath, offset, VERIFIED_TAIL)) {
            return plan;
        }
        LOG.warn("The last bytes of the partial file {} differ from the source {}: it is a copy of something else,"
                 + " so the transfer starts over instead of resuming at byte {}", writePath, remotePath, offset);
        return Plan.restart();
    }

    /**
     * Whether the first {@code size} bytes of the file at {@code path} end as the source's do (their last
     * {@code compared} bytes); true when that cannot be checked (verifyResume off, or a stream that cannot go back).
     */
    private boolean endsLikeSource(String path, long size, int compared) throws IOException {
        if (!options.verifyResume() || size == 0) {
            return true;
        }
        int length = (int) Math.min(compared, size);
        byte[] expected = source.read(size - length, length);
        return expected == null || Arrays.equals(expected, target.read(path, size - length, length));
    }

    /** A digest fed with the part of the file already at the destination, read from the local side when there is one. */
    private MessageDigest digestOfFirst(long offset) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        boolean fromSource = source.local() || !target.local();
        for (long position = 0; position < offset; position += DIGEST_CHUNK) {
            int length = (int) Math.min(DIGEST_CHUNK, offset - position);
            byte[] chunk = fromSource ? source.read(position, length) : null;
            digest.update(chunk != null ? chunk : target.read(writePath, position, length));
            progress.touch();
        }
        return digest;
    }

    private void compareWithPublished() throws IOException {
        if (!options.checksumFile()) {
            return;
        }
        String published = source.publishedChecksum();
        if (published != null && !published.equals(checksum)) {
            // the bytes are wrong, so there is nothing worth resuming either
            target.delete(writePath);
            target.forgetVersion(writePath);
            throw new HusshTransferException(remotePath, "The SHA-256 of " + remotePath + " is " + checksum
                                                         + ", but its .sha256 file says " + published
                                                         + "; the download was discarded");
        }
    }

    /** The destination must now hold exactly the source: counted on our side, and measured on the other. */
    private void verify(long sourceSize, long written) throws IOException {
        if (sourceSize >= 0 && written != sourceSize) {
            throw new HusshTransferException(remotePath, "The source changed during the transfer of " + remotePath
                                                         + ": it had " + sourceSize + " bytes when the transfer began,"
                                                         + " but " + written + " were written");
        }
        long stored = target.size(writePath);
        if (stored != written) {
            throw new HusshTransferException(remotePath, writePath + " holds " + stored + " bytes after the transfer,"
                                                         + " but the source has " + written
                                                         + "; another writer may be using the same file");
        }
    }

    private TransferResult sourceEndedBeforeOffset(long offset) throws HusshTransferException {
        if (!options.atomic()) {
            // the destination holds at least as much as the source: complete by the resume rule
            return alreadyComplete(offset);
        }
        throw new HusshTransferException(remotePath, "The partial file " + writePath + " holds " + offset
                                                     + " bytes, more than the source stream has, so it cannot be"
                                                     + " resumed from this stream. Delete it to start over, or send the"
                                                     + " body as a file so the transfer can restart by itself.");
    }

    private boolean tempStillThere(Exception failure) {
        try {
            return target.size(writePath) >= 0;
        } catch (IOException | RuntimeException unknown) {
            failure.addSuppressed(unknown);
            return false;
        }
    }

    private void discardJournal(Exception failure) {
        try {
            target.deleteJournal(writePath);
        } catch (IOException | RuntimeException cleanupFailure) {
            failure.addSuppressed(cleanupFailure);
        }
    }

    private void discardTemp(Exception failure) {
        try {
            target.delete(writePath);
        } catch (IOException | RuntimeException cleanupFailure) {
            failure.addSuppressed(cleanupFailure);
        }
    }
}
