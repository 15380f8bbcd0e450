package io.hussh.sftp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import io.hussh.testing.FaultProxy.Direction;
import io.hussh.testing.FinalPathWatcher;
import io.hussh.testing.TestFiles;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AtomicUploadTest extends SftpTestSupport {

    private static final TransferOptions ATOMIC = TransferOptions.builder().atomic(true).build();

    @Test
    void atomicUploadCreatesTheFileAndLeavesNoTemp() throws Exception {
        Path source = TestFiles.randomFile(tmp.resolve("app.tar.gz"), 3 * 1024 * 1024 + 17, 1);

        TransferResult result = direct.upload(TransferSource.file(source), "/srv/in/app.tar.gz", ATOMIC);

        assertThat(TestFiles.sha256(remote("/srv/in/app.tar.gz"))).isEqualTo(TestFiles.sha256(source));
        assertThat(remote("/srv/in/app.tar.gz.hussh.tmp")).doesNotExist();
        assertThat(result.bytesTransferred()).isEqualTo(Files.size(source));
        assertThat(result.resumeOffset()).isZero();
        assertThat(result.skipped()).isFalse();
        assertThat(result.remotePath()).isEqualTo("/srv/in/app.tar.gz");
    }

    @Test
    void atomicOverwriteShowsAWatcherOnlyTheOldOrTheNewCompleteFile() throws Exception {
        byte[] oldContent = TestFiles.randomBytes(2 * 1024 * 1024, 1);
        byte[] newContent = TestFiles.randomBytes(2 * 1024 * 1024 + 4096, 2);
        Set<String> complete = Set.of(TestFiles.sha256(oldContent), TestFiles.sha256(newContent));
        Path destination = remote("/out/report.csv");
        Files.createDirectories(destination.getParent());
        Files.write(destination, oldContent);

        FinalPathWatcher watcher = new FinalPathWatcher(destination, complete, false);
        try (watcher) {
            for (int i = 0; i < 10; i++) {
                byte[] content = i % 2 == 0 ? newContent : oldContent;
                direct.upload(TransferSource.bytes(content), "/out/report.csv", ATOMIC);
                assertThat(TestFiles.sha256(destination)).isEqualTo(TestFiles.sha256(content));
            }
        }

        assertThat(watcher.violations()).isEmpty();
        assertThat(watcher.observations()).isGreaterThan(10);
    }

    @Test
    void aFailedAtomicUploadKeepsTheOldFileAndRemovesTheTemp() throws Exception {
        byte[] oldContent = TestFiles.randomBytes(100_000, 3);
        Path destination = remote("/srv/in/data.bin");
        Files.createDirectories(destination.getParent());
        Files.write(destination, oldContent);
        Path source = TestFiles.randomFile(tmp.resolve("data.bin"), 8 * 1024 * 1024, 4);
        proxy.dropOnceAfter(Direction.UPSTREAM, 3 * 1024 * 1024);

        assertThatThrownBy(() -> viaProxy.upload(TransferSource.file(source), "/srv/in/data.bin", ATOMIC))
                .isInstanceOf(HusshTransferException.class)
                .hasMessageContaining("/srv/in/data.bin")
                .satisfies(e -> assertThat(((HusshTransferException) e).getRemotePath()).isEqualTo("/srv/in/data.bin"));

        assertThat(proxy.drops()).isEqualTo(1);
        assertThat(TestFiles.sha256(destination)).isEqualTo(TestFiles.sha256(oldContent));
        assertThat(remote("/srv/in/data.bin.hussh.tmp")).doesNotExist();
    }

    @Test
    void subDirectoriesOfTheNameAreCreated() throws Exception {
        direct.upload(TransferSource.bytes("hello".getBytes()), "/srv/in/2026/11/26/hello.txt", ATOMIC);

        assertThat(remote("/srv/in/2026/11/26/hello.txt")).hasContent("hello");
    }

    @Test
    void anEmptyFileIsUploaded() throws Exception {
        TransferResult result = direct.upload(TransferSource.bytes(new byte[0]), "/srv/in/empty", ATOMIC);

        assertThat(remote("/srv/in/empty")).exists().isEmptyFile();
        assertThat(result.bytesTransferred()).isZero();
    }

    @Test
    void globCharactersAddressExactlyTheFileNamed() throws Exception {
        Files.createDirectories(remote("/srv/in"));
        Files.writeString(remote("/srv/in/axb1.txt"), "a neighbour that a glob a*b?.txt would match");

        direct.upload(TransferSource.bytes("star".getBytes()), "/srv/in/a*b?.txt", ATOMIC);

        assertThat(remote("/srv/in/a*b?.txt")).hasContent("star");
        assertThat(remote("/srv/in/axb1.txt")).hasContent("a neighbour that a glob a*b?.txt would match");
    }

    @Test
    void directoriesWithGlobCharactersAreCreatedUnderExactlyThatName() throws Exception {
        direct.upload(TransferSource.bytes("deep".getBytes()), "/srv/in/a*b/c?d/f.txt", ATOMIC);

        assertThat(remote("/srv/in/a*b/c?d/f.txt")).hasContent("deep");
    }

    @Test
    void concurrentUploadsOfOneNameDoNotInterleaveInTheTempFile() throws Exception {
        byte[] first = TestFiles.randomBytes(4 * 1024 * 1024, 30);
        byte[] second = TestFiles.randomBytes(4 * 1024 * 1024, 31);
        Set<String> complete = Set.of(TestFiles.sha256(first), TestFiles.sha256(second));

        for (int round = 0; round < 5; round++) {
            Thread other = new Thread(() -> {
                try {
                    direct.upload(TransferSource.bytes(second), "/srv/same.bin", ATOMIC);
                } catch (HusshTransferException e) {
                    throw new IllegalStateException(e);
                }
            });
            other.start();
            direct.upload(TransferSource.bytes(first), "/srv/same.bin", ATOMIC);
            other.join();

            assertThat(complete).contains(TestFiles.sha256(remote("/srv/same.bin")));
        }
        assertThat(PathLocks.JVM.size()).isZero();
    }

    @Test
    void aMissingLocalSourceFailsBeforeAnythingIsWritten() {
        Path missing = tmp.resolve("no-such-file");

        assertThatThrownBy(() -> direct.upload(TransferSource.file(missing), "/srv/in/x", ATOMIC))
                .isInstanceOf(HusshTransferException.class)
                .hasMessageContaining(missing.toString());
        assertThat(remote("/srv/in/x")).doesNotExist();
        assertThat(remote("/srv/in/x.hussh.tmp")).doesNotExist();
    }

    @Test
    void sessionsAreReusedAcrossTransfersAndClosedAtTheEnd() throws Exception {
        for (int i = 0; i < 20; i++) {
            direct.upload(TransferSource.bytes(("file " + i).getBytes()), "/srv/in/f" + i, ATOMIC);
        }

        assertThat(direct.openConnections()).isEqualTo(1);
        direct.close();
        assertThat(direct.openConnections()).isZero();
    }
}
