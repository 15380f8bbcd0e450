package io.hussh.sftp;

import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import io.hussh.testing.TestFiles;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every rule of {@link Transfer}'s plan, on an in-memory source and destination: where the transfer starts, what it
 * sends, what the destination holds afterwards. The server tests keep the wire behaviour; this table keeps the
 * decisions, and each row fails when its rule is changed.
 */
class TransferPlanTest {

    private static final String FINAL = "/d/f.bin";
    private static final String TEMP = FINAL + TransferOptions.DEFAULT_TEMP_SUFFIX;
    private static final int SIZE = 200_000;
    private static final byte[] SOURCE = TestFiles.randomBytes(SIZE, 1);
    private static final byte[] OTHER = TestFiles.randomBytes(SIZE, 2);
    private static final String VERSION = SIZE + " bytes, modified 1000";
    private static final String OLD_VERSION = SIZE + " bytes, modified 999";

    private static final TransferOptions PLAIN = TransferOptions.builder().build();
    private static final TransferOptions RESUME = PLAIN.toBuilder().resume(true).build();
    private static final TransferOptions ATOMIC = PLAIN.toBuilder().atomic(true).build();
    private static final TransferOptions ATOMIC_RESUME = RESUME.toBuilder().atomic(true).build();
    private static final TransferOptions CONSUMER = ATOMIC_RESUME.toBuilder().protectEarlierDeliveries(true).build();

    static Stream<Row> rules() {
        return Stream.of(
                row("without resume, a partial temp file is rewritten from 0")
                        .options(ATOMIC).destination(t -> t.with(TEMP, head(SOURCE, 5000)))
                        .sends(SIZE).from(0).leaves(SOURCE),
                row("with resume and nothing there, the transfer starts fresh")
                        .options(ATOMIC_RESUME).sends(SIZE).from(0).leaves(SOURCE),
                row("with resume, a temp file whose tail matches the source is continued")
                        .options(ATOMIC_RESUME).destination(t -> t.with(TEMP, head(SOURCE, 120_000)))
                        .sends(SIZE - 120_000).from(120_000).leaves(SOURCE),
                row("non-atomic resume continues the destination itself")
                        .options(RESUME).destination(t -> t.with(FINAL, head(SOURCE, 70_000)))
                        .sends(SIZE - 70_000).from(70_000).leaves(SOURCE),
                row("a foreign partial (its tail differs from the source) starts over")
                        .options(ATOMIC_RESUME).destination(t -> t.with(TEMP, head(OTHER, 120_000)))
                        .sends(SIZE).from(0).restarted().leaves(SOURCE),
                row("with verifyResume=false the tail is not compared and the partial is continued")
                        .options(ATOMIC_RESUME.toBuilder().verifyResume(false).build())
                        .destination(t -> t.with(TEMP, head(OTHER, 120_000)))
                        .sends(SIZE - 120_000).from(120_000).leaves(splice(OTHER, 120_000, SOURCE)),
                row("a temp file longer than the source belongs to another version and is rewritten")
                        .options(ATOMIC_RESUME).destination(t -> t.with(TEMP, TestFiles.randomBytes(SIZE + 10, 3)))
                        .sends(SIZE).from(0).restarted().leaves(SOURCE),
                row("a complete temp file is verified and committed without sending anything")
                        .options(ATOMIC_RESUME).destination(t -> t.with(TEMP, SOURCE))
                        .sends(0).from(SIZE).opens(0).leaves(SOURCE),
                row("atomic resume with no temp file leaves a final file that ends as the source alone")
                        .options(ATOMIC_RESUME).destination(t -> t.with(FINAL, SOURCE))
                        .sends(0).from(SIZE).skipped().opens(0).leaves(SOURCE),
                row("atomic resume replaces a final file of the source's size that ends otherwise")
                        .options(ATOMIC_RESUME).destination(t -> t.with(FINAL, OTHER))
                        .sends(SIZE).from(0).leaves(SOURCE),
                row("atomic resume leaves any final file alone when the source is empty")
                        .options(ATOMIC_RESUME).source(InMemorySource.file(new byte[0], VERSION))
                        .destination(t -> t.with(FINAL, head(OTHER, 10)))
                        .sends(0).from(10).skipped().opens(0).leaves(head(OTHER, 10)),
                row("atomic resume leaves a final file larger than the source alone")
                        .options(ATOMIC_RESUME).destination(t -> t.with(FINAL, TestFiles.randomBytes(SIZE + 1, 5)))
                        .sends(0).from(SIZE + 1).skipped().opens(0).leaves(TestFiles.randomBytes(SIZE + 1, 5)),
                row("non-atomic resume takes a destination that ends as the source as complete")
                        .options(RESUME).destination(t -> t.with(FINAL, SOURCE))
                        .sends(0).from(SIZE).skipped().opens(0).leaves(SOURCE),
                row("non-atomic resume rewrites a destination of the source's size that ends otherwise")
                        .options(RESUME).destination(t -> t.with(FINAL, OTHER))
                        .sends(SIZE).from(0).restarted().leaves(SOURCE),
                row("non-atomic resume takes a destination larger than the source as complete")
                        .options(RESUME).destination(t -> t.with(FINAL, TestFiles.randomBytes(SIZE + 1, 5)))
                        .sends(0).from(SIZE + 1).skipped().leaves(TestFiles.randomBytes(SIZE + 1, 5)),
                row("a partial recorded as a copy of another version of the source starts over")
                        .options(ATOMIC_RESUME).source(InMemorySource.file(SOURCE, VERSION))
                        .destination(t -> t.with(TEMP, head(SOURCE, 120_000)).withRecord(TEMP, OLD_VERSION))
                        .sends(SIZE).from(0).restarted().leaves(SOURCE),
                row("a partial recorded as a copy of this version is continued without comparing its tail")
                        .options(ATOMIC_RESUME).source(InMemorySource.file(SOURCE, VERSION))
                        .destination(t -> t.with(TEMP, head(OTHER, 120_000)).withRecord(TEMP, VERSION))
                        .sends(SIZE - 120_000).from(120_000).leaves(splice(OTHER, 120_000, SOURCE)),
                row("protectEarlierDeliveries replaces a complete earlier delivery instead of taking it as done")
                        .options(CONSUMER).source(InMemorySource.file(SOURCE, VERSION))
                        .destination(t -> t.with(FINAL, OTHER))
                        .sends(SIZE).from(0).leaves(SOURCE),
                row("protectEarlierDeliveries rewrites an unrecorded partial even when its tail matches")
                        .options(CONSUMER).source(InMemorySource.file(SOURCE, VERSION))
                        .destination(t -> t.with(TEMP, head(SOURCE, 120_000)))
                        .sends(SIZE).from(0).leaves(SOURCE),
                row("protectEarlierDeliveries continues a partial recorded as a copy of this version")
                        .options(CONSUMER).source(InMemorySource.file(SOURCE, VERSION))
                        .destination(t -> t.with(TEMP, head(SOURCE, 120_000)).withRecord(TEMP, VERSION))
                        .sends(SIZE - 120_000).from(120_000).leaves(SOURCE),
                row("protectEarlierDeliveries restarts a partial recorded as another version")
                        .options(CONSUMER).source(InMemorySource.file(SOURCE, VERSION))
                        .destination(t -> t.with(TEMP, head(SOURCE, 120_000)).withRecord(TEMP, OLD_VERSION))
                        .sends(SIZE).from(0).restarted().leaves(SOURCE),
                row("after a lost commit reply, a gone temp file and a final file of the source's size mean committed")
                        .options(ATOMIC).afterLostCommit().destination(t -> t.with(FINAL, OTHER))
                        .sends(0).from(0).leaves(OTHER),
                row("after a lost commit reply, a temp file still there means the commit did not happen")
                        .options(ATOMIC).afterLostCommit()
                        .destination(t -> t.with(FINAL, OTHER).with(TEMP, head(SOURCE, 10)))
                        .sends(SIZE).from(0).leaves(SOURCE),
                row("a stream continues a temp file from its size, unverified, as a stream cannot go back")
                        .options(ATOMIC_RESUME).source(InMemorySource.stream(SOURCE))
                        .destination(t -> t.with(TEMP, head(SOURCE, 120_000)))
                        .sends(SIZE - 120_000).from(120_000).leaves(SOURCE),
                row("a stream shorter than an atomic partial fails: nothing to resume it from")
                        .options(ATOMIC_RESUME).source(InMemorySource.stream(head(SOURCE, 1000)))
                        .destination(t -> t.with(TEMP, head(SOURCE, 5000)))
                        .fails("more than the source stream has").leaves(null).keepsTemp(head(SOURCE, 5000)),
                row("a stream shorter than a non-atomic destination finds it complete")
                        .options(RESUME).source(InMemorySource.stream(head(SOURCE, 1000)))
                        .destination(t -> t.with(FINAL, head(SOURCE, 5000)))
                        .sends(0).from(5000).skipped().leaves(head(SOURCE, 5000)),
                row("a source that ends early is never committed, and the temp file goes")
                        .options(ATOMIC).source(new ShrunkAfterSizing(SOURCE, 1000))
                        .fails("The source changed during the transfer").leaves(null).keepsTemp(null),
                row("an interrupted resumable transfer keeps its temp file and the record of its version")
                        .options(ATOMIC_RESUME).source(new BrokenAfter(SOURCE, VERSION, 50_000))
                        .fails("link cut").leaves(null).keepsTemp(head(SOURCE, 50_000)).keepsRecord(VERSION),
                row("an interrupted atomic transfer without resume removes its temp file")
                        .options(ATOMIC).source(new BrokenAfter(SOURCE, VERSION, 50_000))
                        .fails("link cut").leaves(null).keepsTemp(null),
                row("after a lost commit reply, an empty temp file still there means the commit did not happen")
                        .options(ATOMIC).afterLostCommit()
                        .destination(t -> t.with(FINAL, OTHER).with(TEMP, new byte[0]))
                        .sends(SIZE).from(0).leaves(SOURCE),
                row("after a lost commit reply of an empty file, an empty final file and no temp mean committed")
                        .options(ATOMIC).afterLostCommit().source(InMemorySource.file(new byte[0], VERSION))
                        .destination(t -> t.with(FINAL, new byte[0]))
                        .sends(0).from(0).opens(0).leaves(new byte[0]),
                row("an empty partial recorded as another version starts over")
                        .options(RESUME).destination(t -> t.with(FINAL, new byte[0]).withRecord(FINAL, OLD_VERSION))
                        .sends(SIZE).from(0).restarted().leaves(SOURCE),
                row("protectEarlierDeliveries commits a complete recorded temp file without sending")
                        .options(CONSUMER).destination(t -> t.with(TEMP, SOURCE).withRecord(TEMP, VERSION))
                        .sends(0).from(SIZE).opens(0).leaves(SOURCE),
                row("protectEarlierDeliveries restarts a recorded partial longer than the source")
                        .options(CONSUMER)
                        .destination(t -> t.with(TEMP, TestFiles.randomBytes(SIZE + 10, 3)).withRecord(TEMP, VERSION))
                        .sends(SIZE).from(0).restarted().leaves(SOURCE),
                row("an empty source finds an empty final file complete")
                        .options(ATOMIC_RESUME).source(InMemorySource.file(new byte[0], VERSION))
                        .destination(t -> t.with(FINAL, new byte[0]))
                        .sends(0).from(0).skipped().opens(0).leaves(new byte[0]),
                row("non-atomic resume finds an empty destination of an empty source complete")
                        .options(RESUME).source(InMemorySource.file(new byte[0], VERSION))
                        .destination(t -> t.with(FINAL, new byte[0]))
                        .sends(0).from(0).skipped().opens(0).leaves(new byte[0]),
                row("an empty source is written and committed as an empty file")
                        .options(ATOMIC).source(InMemorySource.file(new byte[0], VERSION))
                        .sends(0).from(0).opens(1).leaves(new byte[0]),
                row("with checksum=sha256 the digest covers the resumed part too")
                        .options(ATOMIC_RESUME.toBuilder().checksum(true).build())
                        .destination(t -> t.with(TEMP, head(SOURCE, 120_000)))
                        .sends(SIZE - 120_000).from(120_000).checksum(TestFiles.sha256(SOURCE)).leaves(SOURCE),
                row("a plain transfer of an empty source writes it, and is not reported as skipped")
                        .options(PLAIN).source(InMemorySource.file(new byte[0], VERSION))
                        .sends(0).from(0).opens(1).leaves(new byte[0]),
                row("non-atomic resume with nothing there starts fresh")
                        .options(RESUME).sends(SIZE).from(0).leaves(SOURCE),
                row("an empty temp file is continued from 0, even beside a final file that matches the source")
                        .options(ATOMIC_RESUME).destination(t -> t.with(FINAL, SOURCE).with(TEMP, new byte[0]))
                        .sends(SIZE).from(0).leaves(SOURCE),
                row("protectEarlierDeliveries restarts a recorded partial when the source is now empty")
                        .options(CONSUMER).source(InMemorySource.file(new byte[0], VERSION))
                        .destination(t -> t.with(TEMP, head(SOURCE, 10)).withRecord(TEMP, VERSION))
                        .sends(0).from(0).restarted().leaves(new byte[0]),
                row("a stream that ends where a non-atomic destination ends finds it complete")
                        .options(RESUME).source(InMemorySource.stream(head(SOURCE, 5000)))
                        .destination(t -> t.with(FINAL, head(SOURCE, 5000)))
                        .sends(0).from(5000).skipped().leaves(head(SOURCE, 5000)),
                row("an interrupted non-atomic transfer leaves what it wrote")
                        .options(PLAIN).source(new BrokenAfter(SOURCE, VERSION, 50_000))
                        .fails("link cut").leaves(head(SOURCE, 50_000)),
                row("a refused commit keeps the old final file and removes the temp file")
                        .options(ATOMIC).destination(t -> t.with(FINAL, OTHER).refusingCommits())
                        .fails("rename refused").leaves(OTHER).keepsTemp(null),
                row("a refused commit of a resumable transfer keeps the temp file for the next attempt")
                        .options(ATOMIC_RESUME).destination(t -> t.with(FINAL, head(OTHER, 10)).refusingCommits())
                        .fails("rename refused").leaves(head(OTHER, 10)).keepsTemp(SOURCE).keepsRecord(VERSION),
                row("a stream's digest reads the resumed part back from the destination, as the stream cannot")
                        .options(ATOMIC_RESUME.toBuilder().checksum(true).build())
                        .source(InMemorySource.stream(SOURCE)).destination(t -> t.with(TEMP, head(SOURCE, 120_000)))
                        .sends(SIZE - 120_000).from(120_000).checksum(TestFiles.sha256(SOURCE)).leaves(SOURCE),
                row("a digest that matches the published .sha256 is accepted")
                        .options(ATOMIC.toBuilder().checksum(true).checksumFile(true).build())
                        .source(InMemorySource.file(SOURCE, VERSION).publishedWith(TestFiles.sha256(SOURCE)))
                        .sends(SIZE).from(0).checksum(TestFiles.sha256(SOURCE)).leaves(SOURCE),
                row("a digest that differs from the published .sha256 discards the file, resumable or not")
                        .options(ATOMIC_RESUME.toBuilder().checksum(true).checksumFile(true).build())
                        .source(InMemorySource.file(SOURCE, VERSION).publishedWith(TestFiles.sha256(OTHER)))
                        .destination(t -> t.with(FINAL, head(OTHER, 10)))
                        .fails("its .sha256 file says").leaves(head(OTHER, 10)).keepsTemp(null),
                row("permissions are set before the commit and arrive with the file")
                        .options(ATOMIC.toBuilder().permissions(0640).build())
                        .sends(SIZE).from(0).permissions(0640).leaves(SOURCE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void thePlanFollowsItsRule(Row row) {
        InMemoryTarget target = new InMemoryTarget();
        row.destination.accept(target);
        TransferProgress progress = new TransferProgress(FINAL, true, List.of());

        AttemptOutcome outcome = new Transfer(row.source, target, FINAL, FINAL, row.options, progress,
                row.commitMayHaveHappened).run();

        if (row.failure != null) {
            assertThat(outcome).isInstanceOfSatisfying(AttemptOutcome.Failed.class,
                    failed -> assertThat(failed.cause()).hasMessageContaining(row.failure));
            if (row.tempKept == null) {
                assertThat(target.exists(TEMP)).as("temp file left").isFalse();
            } else {
                assertThat(target.content(TEMP)).as("temp file kept").isEqualTo(row.tempKept);
            }
            assertThat(target.record(TEMP)).as("version record").isEqualTo(row.recordKept);
        } else {
            assertThat(outcome).isInstanceOf(AttemptOutcome.Completed.class);
            TransferResult result = ((AttemptOutcome.Completed) outcome).result();
            assertThat(result.bytesTransferred()).as("bytes sent").isEqualTo(row.sent);
            assertThat(target.bytesWritten()).as("bytes written").isEqualTo(row.sent);
            assertThat(result.resumeOffset()).as("resumed from").isEqualTo(row.offset);
            assertThat(result.skipped()).as("skipped").isEqualTo(row.skipped);
            assertThat(result.resumeRestarted()).as("restarted").isEqualTo(row.restarted);
            assertThat(result.checksum()).as("checksum").isEqualTo(row.checksum);
            assertThat(target.exists(TEMP)).as("temp file left").isFalse();
            assertThat(target.hasRecords()).as("version record left").isFalse();
            assertThat(target.permissions(FINAL)).as("permissions").isEqualTo(row.permissions);
        }
        assertThat(target.claims()).as("claims of the destination").isEqualTo(1);
        assertThat(target.claimChecks()).as("claim checks, one before each commit").isEqualTo(target.commits());
        if (row.opens >= 0) {
            assertThat(target.opens()).as("files opened for writing").isEqualTo(row.opens);
        }
        if (row.finalContent == null) {
            assertThat(target.exists(FINAL)).as("final file").isFalse();
        } else {
            assertThat(TestFiles.sha256(target.content(FINAL))).as("final content")
                    .isEqualTo(TestFiles.sha256(row.finalContent));
        }
    }

    private static Row row(String rule) {
        return new Row(rule);
    }

    private static byte[] head(byte[] content, int length) {
        return Arrays.copyOf(content, length);
    }

    /** The first {@code length} bytes of {@code partial}, then {@code source} from there on. */
    private static byte[] splice(byte[] partial, int length, byte[] source) {
        byte[] spliced = source.clone();
        System.arraycopy(partial, 0, spliced, 0, length);
        return spliced;
    }

    /** A file that claims its full size when measured, then ends early while it is read. */
    private static final class ShrunkAfterSizing implements TransferSource {

        private final byte[] content;
        private final int readable;

        ShrunkAfterSizing(byte[] content, int readable) {
            this.content = content;
            this.readable = readable;
        }

        @Override
        public long size() {
            return content.length;
        }

        @Override
        public boolean copyTo(java.io.OutputStream out, long offset) throws java.io.IOException {
            out.write(content, (int) offset, readable - (int) offset);
            return true;
        }
    }

    /** A file whose reading breaks after {@code readable} bytes, as a cut link breaks a download. */
    private static final class BrokenAfter implements TransferSource {

        private final byte[] content;
        private final String version;
        private final int readable;

        BrokenAfter(byte[] content, String version, int readable) {
            this.content = content;
            this.version = version;
            this.readable = readable;
        }

        @Override
        public long size() {
            return content.length;
        }

        @Override
        public String version() {
            return version;
        }

        @Override
        public byte[] read(long offset, int length) {
            return Arrays.copyOfRange(content, (int) offset, (int) Math.min(content.length, offset + length));
        }

        @Override
        public boolean copyTo(java.io.OutputStream out, long offset) throws java.io.IOException {
            out.write(content, (int) offset, readable - (int) offset);
            throw new java.io.IOException("link cut");
        }
    }

    /** One rule: what is at the destination, and what the transfer must do about it. */
    static final class Row {

        final String rule;
        TransferOptions options = PLAIN;
        TransferSource source = InMemorySource.file(SOURCE, VERSION);
        Consumer<InMemoryTarget> destination = target -> { };
        boolean commitMayHaveHappened;
        long sent = -1;
        long offset = -1;
        boolean skipped;
        boolean restarted;
        String failure;
        byte[] finalContent;
        byte[] tempKept;
        String recordKept;
        int opens = -1;
        String checksum;
        Integer permissions;

        Row(String rule) {
            this.rule = rule;
        }

        Row options(TransferOptions value) {
            options = value;
            return this;
        }

        Row source(TransferSource value) {
            source = value;
            return this;
        }

        Row destination(Consumer<InMemoryTarget> value) {
            destination = value;
            return this;
        }

        Row afterLostCommit() {
            commitMayHaveHappened = true;
            return this;
        }

        Row sends(long bytes) {
            sent = bytes;
            return this;
        }

        Row from(long value) {
            offset = value;
            return this;
        }

        Row skipped() {
            skipped = true;
            return this;
        }

        Row restarted() {
            restarted = true;
            return this;
        }

        Row fails(String message) {
            failure = message;
            return this;
        }

        /** What the final name holds afterwards; {@code null} for nothing. */
        Row leaves(byte[] content) {
            finalContent = content;
            return this;
        }

        /** After a failure, what the temp file holds; {@code null} for no temp file. */
        Row keepsTemp(byte[] content) {
            tempKept = content;
            return this;
        }

        Row keepsRecord(String version) {
            recordKept = version;
            return this;
        }

        Row opens(int count) {
            opens = count;
            return this;
        }

        Row checksum(String hex) {
            checksum = hex;
            return this;
        }

        Row permissions(int mode) {
            permissions = mode;
            return this;
        }

        @Override
        public String toString() {
            return rule;
        }
    }
}
