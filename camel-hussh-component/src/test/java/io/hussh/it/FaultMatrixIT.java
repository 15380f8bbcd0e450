package io.hussh.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.hussh.sftp.HusshTransferException;
import io.hussh.sftp.SftpTransfers;
import io.hussh.sftp.TransferOptions;
import io.hussh.sftp.TransferResult;
import io.hussh.sftp.TransferSource;
import io.hussh.testing.FaultProxy.Direction;
import io.hussh.testing.TestFiles;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The link is cut at 20 points spread over one transfer, in each direction, with and without atomic. After each cut
 * the final path holds only what the contract allows; a retry with resume completes the file and sends only what was
 * missing.
 */
class FaultMatrixIT extends MatrixTestSupport {

    private static final int SIZE = 4 * 1024 * 1024;
    private static final int POINTS = 20;

    @ParameterizedTest(name = "{0}")
    @EnumSource(ServerKind.class)
    void uploadsCutAtTwentyPoints(ServerKind kind) throws Exception {
        connect(kind);
        byte[] content = TestFiles.randomBytes(SIZE, 40);
        byte[] old = TestFiles.randomBytes(SIZE / 3, 41);
        List<String> failures = new ArrayList<>();
        // replacing the old file needs posix-rename, or the explicit permission to replace through a backup
        boolean backupReplace = !ServerDescriptions.advertises(kind, "posix-rename@openssh.com");
        for (boolean atomic : new boolean[] { true, false }) {
            TransferOptions options = TransferOptions.builder().resume(true).atomic(atomic)
                    .allowNonAtomicReplace(backupReplace).build();
            for (int point = 0; point < POINTS; point++) {
                long cutAt = cutPoint(point);
                String remote = server.newDirectory("cut-up") + "/file.bin";
                if (atomic) {
                    server.seed(remote, old);
                }
                proxy.dropOnceAfter(Direction.UPSTREAM, cutAt);

                try (SftpTransfers cut = freshViaProxy()) {
                    assertThatThrownBy(() -> cut.upload(TransferSource.bytes(content), remote, options))
                            .isInstanceOf(HusshTransferException.class);
                }
                check(failures, "upload atomic=" + atomic + " cut at " + cutAt,
                        afterCut(server.local(remote), atomic, old, content));

                proxy.resetCounters();
                TransferResult retry;
                try (SftpTransfers again = freshViaProxy()) {
                    retry = again.upload(TransferSource.bytes(content), remote, options);
                }
                check(failures, "upload atomic=" + atomic + " retry after cut at " + cutAt,
                        afterRetry(server.local(remote), content, retry, proxy.upstreamBytes()));
            }
        }
        assertThat(failures).isEmpty();
        CompatibilityReport.note(kind, "uploads cut at twenty points", 2 * POINTS + " cuts");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ServerKind.class)
    void downloadsCutAtTwentyPoints(ServerKind kind) throws Exception {
        connect(kind);
        byte[] content = TestFiles.randomBytes(SIZE, 42);
        byte[] old = TestFiles.randomBytes(SIZE / 3, 43);
        String remote = server.newDirectory("cut-down") + "/file.bin";
        server.seed(remote, content);
        List<String> failures = new ArrayList<>();
        for (boolean atomic : new boolean[] { true, false }) {
            TransferOptions options = TransferOptions.builder().resume(true).atomic(atomic).build();
            for (int point = 0; point < POINTS; point++) {
                long cutAt = cutPoint(point);
                Path local = Files.createTempDirectory(tmp, "cut").resolve("file.bin");
                if (atomic) {
                    Files.write(local, old);
                }
                proxy.dropOnceAfter(Direction.DOWNSTREAM, cutAt);

                try (SftpTransfers cut = freshViaProxy()) {
                    assertThatThrownBy(() -> cut.download(remote, local, options))
                            .isInstanceOf(HusshTransferException.class);
                }
                check(failures, "download atomic=" + atomic + " cut at " + cutAt, afterCut(local, atomic, old, content));

                proxy.resetCounters();
                TransferResult retry;
                try (SftpTransfers again = freshViaProxy()) {
                    retry = again.download(remote, local, options);
                }
                check(failures, "download atomic=" + atomic + " retry after cut at " + cutAt,
                        afterRetry(local, content, retry, proxy.downstreamBytes()));
            }
        }
        assertThat(failures).isEmpty();
        CompatibilityReport.note(kind, "downloads cut at twenty points", 2 * POINTS + " cuts");
    }

    /** Cut points spread over the file, counted in bytes on the wire. */
    private static long cutPoint(int point) {
        return (long) SIZE * (2L * point + 1) / (2L * POINTS);
    }

    /** With atomic the final path holds the old file; without, a prefix of the new one. Null when that holds. */
    private static String afterCut(Path finalPath, boolean atomic, byte[] old, byte[] content) throws Exception {
        if (atomic) {
            if (!Files.exists(finalPath)) {
                return "the old file is gone";
            }
            return TestFiles.sha256(Files.readAllBytes(finalPath)).equals(TestFiles.sha256(old))
                    ? null : "the final path holds neither the old nor the new file";
        }
        if (!Files.exists(finalPath)) {
            return null;
        }
        TestFiles.settledSize(finalPath);
        byte[] partial = Files.readAllBytes(finalPath);
        return partial.length <= content.length
               && Arrays.equals(partial, Arrays.copyOf(content, partial.length))
                ? null : "the partial file is not a prefix of the source";
    }

    private static String afterRetry(Path finalPath, byte[] content, TransferResult retry, long wireBytes)
            throws Exception {
        if (!TestFiles.sha256(finalPath).equals(TestFiles.sha256(content))) {
            return "wrong content after the retry";
        }
        long missing = content.length - retry.resumeOffset();
        if (retry.bytesTransferred() != missing) {
            return "sent " + retry.bytesTransferred() + " payload bytes for " + missing + " missing";
        }
        return wireBytes < wireBudget(missing) ? null
                : wireBytes + " bytes on the wire for " + missing + " missing";
    }

    private static void check(List<String> failures, String situation, String problem) {
        if (problem != null) {
            failures.add(situation + ": " + problem);
        }
    }
}
