package io.hussh.sftp;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import io.hussh.testing.FaultProxy.Direction;
import io.hussh.testing.TestFiles;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResumeTransferTest extends SftpTestSupport {

    private static final int SIZE = 8 * 1024 * 1024;
    private static final int DROP_AFTER = 4 * 1024 * 1024;
    private static final TransferOptions RESUME = TransferOptions.builder().resume(true).build();
    private static final TransferOptions ATOMIC_RESUME = RESUME.toBuilder().atomic(true).build();

    /** SSH framing, SFTP request headers and the handshake of the new session, on top of the payload. */
    private static long wireBudget(long payload) {
        return payload + payload / 25 + 64 * 1024;
    }

    @Test
    void anInterruptedUploadResumesAndSendsOnlyTheMissingBytes() throws Exception {
        Path source = TestFiles.randomFile(tmp.resolve("disk.img"), SIZE, 10);
        proxy.dropOnceAfter(Direction.UPSTREAM, DROP_AFTER);

        assertThatThrownBy(() -> viaProxy.upload(TransferSource.file(source), "/srv/disk.img", RESUME))
                .isInstanceOf(HusshTransferException.class);
        long partial = TestFiles.settledSize(remote("/srv/disk.img"));
        assertThat(partial).isGreaterThan(1024 * 1024).isLessThan(SIZE);

        proxy.resetCounters();
        TransferResult result = viaProxy.upload(TransferSource.file(source), "/srv/disk.img", RESUME);

        assertThat(result.resumeOffset()).isEqualTo(partial);
        assertThat(result.bytesTransferred()).isEqualTo(SIZE - partial);
        assertThat(proxy.upstreamBytes()).isLessThan(wireBudget(SIZE - partial));
        assertThat(TestFiles.sha256(remote("/srv/disk.img"))).isEqualTo(TestFiles.sha256(source));
    }

    @Test
    void anInterruptedDownloadResumesAndReceivesOnlyTheMissingBytes() throws Exception {
        Path remoteFile = TestFiles.randomFile(remote("/srv/out/backup.tar"), SIZE, 11);
        Path local = tmp.resolve("local/backup.tar");
        proxy.dropOnceAfter(Direction.DOWNSTREAM, DROP_AFTER);

        assertThatThrownBy(() -> viaProxy.download("/srv/out/backup.tar", local, RESUME))
                .isInstanceOf(HusshTransferException.class)
                .hasMessageContaining("/srv/out/backup.tar");
        long partial = Files.size(local);
        assertThat(partial).isGreaterThan(1024 * 1024).isLessThan(SIZE);

        proxy.resetCounters();
        TransferResult result = viaProxy.download("/srv/out/backup.tar", local, RESUME);

        assertThat(result.resumeOffset()).isEqualTo(partial);
        assertThat(result.bytesTransferred()).isEqualTo(SIZE - partial);
        assertThat(proxy.downstreamBytes()).isLessThan(wireBudget(SIZE - partial));
        assertThat(TestFiles.sha256(local)).isEqualTo(TestFiles.sha256(remoteFile));
    }

    @Test
    void atomicResumeKeepsTheTempFileThenResumesItAndCommits() throws Exception {
        Path source = TestFiles.randomFile(tmp.resolve("app.tar.gz"), SIZE, 12);
        proxy.dropOnceAfter(Direction.UPSTREAM, DROP_AFTER);

        assertThatThrownBy(() -> viaProxy.upload(TransferSource.file(source), "/srv/app.tar.gz", ATOMIC_RESUME))
                .isInstanceOf(HusshTransferException.class);
        assertThat(remote("/srv/app.tar.gz")).doesNotExist();
        long partial = TestFiles.settledSize(remote("/srv/app.tar.gz.hussh.tmp"));
        assertThat(partial).isGreaterThan(1024 * 1024).isLessThan(SIZE);

        proxy.resetCounters();
        TransferResult result = viaProxy.upload(TransferSource.file(source), "/srv/app.tar.gz", ATOMIC_RESUME);

        assertThat(result.resumeOffset()).isEqualTo(partial);
        assertThat(result.bytesTransferred()).isEqualTo(SIZE - partial);
        assertThat(proxy.upstreamBytes()).isLessThan(wireBudget(SIZE - partial));
        assertThat(TestFiles.sha256(remote("/srv/app.tar.gz"))).isEqualTo(TestFiles.sha256(source));
        assertThat(remote("/srv/app.tar.gz.hussh.tmp")).doesNotExist();
    }

    @Test
    void atomicResumeDownloadKeepsTheLocalTempThenResumesIt() throws Exception {
        Path remoteFile = TestFiles.randomFile(remote("/srv/out/big.iso"), SIZE, 13);
        Path local = tmp.resolve("local/big.iso");
        proxy.dropOnceAfter(Direction.DOWNSTREAM, DROP_AFTER);

        assertThatThrownBy(() -> viaProxy.download("/srv/out/big.iso", local, ATOMIC_RESUME))
                .isInstanceOf(HusshTransferException.class);
        assertThat(local).doesNotExist();
        long partial = Files.size(tmp.resolve("local/big.iso.hussh.tmp"));
        assertThat(partial).isGreaterThan(1024 * 1024).isLessThan(SIZE);

        TransferResult result = viaProxy.download("/srv/out/big.iso", local, ATOMIC_RESUME);

        assertThat(result.resumeOffset()).isEqualTo(partial);
        assertThat(TestFiles.sha256(local)).isEqualTo(TestFiles.sha256(remoteFile));
        assertThat(tmp.resolve("local/big.iso.hussh.tmp")).doesNotExist();
    }

    @Test
    void withoutAtomicAnInterruptedUploadLeavesItsPartialUnderTheFinalName() throws Exception {
        Path source = TestFiles.randomFile(tmp.resolve("plain.bin"), SIZE, 14);
        proxy.dropOnceAfter(Direction.UPSTREAM, DROP_AFTER);

        assertThatThrownBy(() -> viaProxy.upload(TransferSource.file(source), "/srv/plain.bin",
                TransferOptions.builder().build())).isInstanceOf(HusshTransferException.class);

        // the control for the atomic tests: the proxy really cuts the transfer in the middle
        assertThat(TestFiles.settledSize(remote("/srv/plain.bin"))).isPositive().isLessThan(SIZE);
    }

    @Test
    void aLinkThatDropsAgainAndAgainStillDeliversWhileEachAttemptMakesProgress() throws Exception {
        byte[] content = TestFiles.randomBytes(12 * 1024 * 1024, 22);
        proxy.dropEveryConnectionAfter(Direction.UPSTREAM, 3 * 1024 * 1024);
        ReconnectPolicy oneInARow = new ReconnectPolicy(1, java.time.Duration.ofMillis(10), java.time.Duration.ofMillis(10));

        TransferResult result;
        try (SftpTransfers transfers = new SftpTransfers(settings(proxy.port()), oneInARow)) {
            result = transfers.upload(TransferSource.bytes(content), "/srv/often.bin", ATOMIC_RESUME);
        }

        assertThat(result.reconnects()).isGreaterThan(1);
        assertThat(TestFiles.sha256(remote("/srv/often.bin"))).isEqualTo(TestFiles.sha256(content));
    }

    @Test
    void aCommitWhoseReplyWasLostIsConfirmedNotSentAgain() throws Exception {
        Path source = TestFiles.randomFile(tmp.resolve("ledger.csv"), SIZE, 23);
        Files.createDirectories(remote("/srv"));
        Files.writeString(remote("/srv/ledger.csv"), "yesterday's ledger");
        server.loseRenameReplies();
        ReconnectPolicy once = new ReconnectPolicy(1, java.time.Duration.ofMillis(10), java.time.Duration.ofMillis(10));

        for (TransferOptions options : new TransferOptions[] {ATOMIC_RESUME, TransferOptions.builder().atomic(true).build()}) {
            proxy.resetCounters();
            TransferResult result;
            try (SftpTransfers transfers = new SftpTransfers(settings(proxy.port()), once)) {
                result = transfers.upload(TransferSource.file(source), "/srv/ledger.csv", options);
            }

            assertThat(result.reconnects()).as(options + ": the rename's reply was lost").isEqualTo(1);
            assertThat(TestFiles.sha256(remote("/srv/ledger.csv"))).isEqualTo(TestFiles.sha256(source));
            assertThat(remote("/srv/ledger.csv.hussh.tmp")).doesNotExist();
            // the second attempt found the rename done and sent nothing again
            assertThat(proxy.upstreamBytes()).isLessThan(wireBudget(SIZE));
            Files.writeString(remote("/srv/ledger.csv"), "yesterday's ledger");
        }
    }

    @Test
    void aStreamThatWasReadFromIsNotSentAgainAfterADrop() throws Exception {
        byte[] content = TestFiles.randomBytes(6 * 1024 * 1024, 24);
        proxy.dropOnceAfter(Direction.UPSTREAM, 2 * 1024 * 1024);
        ReconnectPolicy patient = new ReconnectPolicy(3, java.time.Duration.ofMillis(10), java.time.Duration.ofMillis(10));

        try (SftpTransfers transfers = new SftpTransfers(settings(proxy.port()), patient)) {
            assertThatThrownBy(() -> transfers.upload(TransferSource.stream(new ByteArrayInputStream(content)),
                    "/srv/stream-once.bin", TransferOptions.builder().atomic(true).build()))
                    .isInstanceOf(HusshTransferException.class)
                    .hasMessageContaining("cannot be read again");
        }
        assertThat(remote("/srv/stream-once.bin")).doesNotExist();
    }

    @Test
    void withoutResumeTheLimitCountsEveryAttempt() throws Exception {
        byte[] content = TestFiles.randomBytes(6 * 1024 * 1024, 23);
        proxy.dropEveryConnectionAfter(Direction.UPSTREAM, 2 * 1024 * 1024);
        ReconnectPolicy twoInARow = new ReconnectPolicy(2, java.time.Duration.ofMillis(10), java.time.Duration.ofMillis(10));

        try (SftpTransfers transfers = new SftpTransfers(settings(proxy.port()), twoInARow)) {
            assertThatThrownBy(() -> transfers.upload(TransferSource.bytes(content), "/srv/never.bin",
                    TransferOptions.builder().atomic(true).build()))
                    .isInstanceOf(HusshTransferException.class)
                    .hasMessageContaining("after 2 reconnects");
        }
        assertThat(remote("/srv/never.bin")).doesNotExist();
    }

    @Test
    void aDestinationAtLeastAsLargeAsTheSourceIsLeftAlone() throws Exception {
        byte[] content = TestFiles.randomBytes(1024 * 1024, 15);
        Files.createDirectories(remote("/srv"));
        Files.write(remote("/srv/done.bin"), content);
        Path local = TestFiles.randomFile(tmp.resolve("done.bin"), 1024 * 1024, 15);

        proxy.resetCounters();
        TransferResult upload = viaProxy.upload(TransferSource.file(local), "/srv/done.bin", RESUME);
        TransferResult atomicUpload = viaProxy.upload(TransferSource.file(local), "/srv/done.bin", ATOMIC_RESUME);
        TransferResult download = viaProxy.download("/srv/done.bin", local, RESUME);

        for (TransferResult result : new TransferResult[] { upload, atomicUpload, download }) {
            assertThat(result.skipped()).isTrue();
            assertThat(result.bytesTransferred()).isZero();
        }
        assertThat(proxy.upstreamBytes() + proxy.downstreamBytes()).isLessThan(64 * 1024);
        assertThat(remote("/srv/done.bin.hussh.tmp")).doesNotExist();
    }

    @Test
    void aStreamSourceIsResumedBySkippingTheBytesAlreadySent() throws Exception {
        byte[] content = TestFiles.randomBytes(300_000, 16);
        Files.createDirectories(remote("/srv"));
        Files.write(remote("/srv/stream.bin"), Arrays.copyOf(content, 120_000));

        TransferResult result = direct.upload(TransferSource.stream(new ByteArrayInputStream(content)),
                "/srv/stream.bin", RESUME);

        assertThat(result.resumeOffset()).isEqualTo(120_000);
        assertThat(result.bytesTransferred()).isEqualTo(180_000);
        assertThat(TestFiles.sha256(remote("/srv/stream.bin"))).isEqualTo(TestFiles.sha256(content));
    }

    @Test
    void aStreamShorterThanTheTempFileIsRefusedNotCommitted() throws Exception {
        Files.createDirectories(remote("/srv"));
        Files.write(remote("/srv/v.bin.hussh.tmp"), TestFiles.randomBytes(80_000, 19));
        Path shorter = TestFiles.randomFile(tmp.resolve("v.bin"), 50_000, 20);

        // FileInputStream.skip reports bytes skipped past the end of the file: the source must not trust it
        try (var fileIn = new java.io.FileInputStream(shorter.toFile())) {
            assertThatThrownBy(() -> direct.upload(TransferSource.stream(fileIn), "/srv/v.bin", ATOMIC_RESUME))
                    .isInstanceOf(HusshTransferException.class)
                    .hasMessageContaining("cannot be resumed from this stream");
        }
        assertThat(remote("/srv/v.bin")).doesNotExist();
        assertThat(remote("/srv/v.bin.hussh.tmp")).hasSize(80_000);
    }

    @Test
    void aStreamAsLongAsTheDestinationIsReportedAsSkipped() throws Exception {
        byte[] content = TestFiles.randomBytes(70_000, 21);
        Files.createDirectories(remote("/srv"));
        Files.write(remote("/srv/equal.bin"), content);

        TransferResult result = direct.upload(TransferSource.stream(new ByteArrayInputStream(content)),
                "/srv/equal.bin", RESUME);

        assertThat(result.skipped()).isTrue();
        assertThat(result.bytesTransferred()).isZero();
    }

    @Test
    void aTempLongerThanTheSourceIsRewrittenNotCommitted() throws Exception {
        byte[] content = TestFiles.randomBytes(50_000, 17);
        Files.createDirectories(remote("/srv"));
        Files.write(remote("/srv/v2.bin.hussh.tmp"), TestFiles.randomBytes(80_000, 18));

        TransferResult result = direct.upload(TransferSource.bytes(content), "/srv/v2.bin", ATOMIC_RESUME);

        assertThat(result.resumeOffset()).isZero();
        assertThat(TestFiles.sha256(remote("/srv/v2.bin"))).isEqualTo(TestFiles.sha256(content));
    }
}
