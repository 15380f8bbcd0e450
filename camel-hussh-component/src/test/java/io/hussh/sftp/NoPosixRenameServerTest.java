package io.hussh.sftp;

import java.nio.file.Files;

import io.hussh.testing.TestFiles;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A server without posix-rename@openssh.com: a plain SFTP rename cannot replace an existing file. */
class NoPosixRenameServerTest extends SftpTestSupport {

    private static final TransferOptions ATOMIC = TransferOptions.builder().atomic(true).build();

    @Override
    boolean opensshExtensions() {
        return false;
    }

    @Test
    void aNewFileIsStillCommittedByAPlainRename() throws Exception {
        byte[] content = TestFiles.randomBytes(200_000, 20);

        direct.upload(TransferSource.bytes(content), "/srv/new.bin", ATOMIC);

        assertThat(TestFiles.sha256(remote("/srv/new.bin"))).isEqualTo(TestFiles.sha256(content));
    }

    @Test
    void replacingAnExistingFileFailsClearlyAndLosesNothing() throws Exception {
        byte[] oldContent = TestFiles.randomBytes(100_000, 21);
        Files.createDirectories(remote("/srv"));
        Files.write(remote("/srv/report.csv"), oldContent);

        assertThatThrownBy(() -> direct.upload(TransferSource.bytes(TestFiles.randomBytes(1000, 22)),
                "/srv/report.csv", ATOMIC))
                .isInstanceOf(HusshTransferException.class)
                .hasMessageContaining("posix-rename@openssh.com")
                .hasMessageContaining("allowNonAtomicReplace=true")
                .hasMessageContaining("/srv/report.csv");

        assertThat(TestFiles.sha256(remote("/srv/report.csv"))).isEqualTo(TestFiles.sha256(oldContent));
        assertThat(remote("/srv/report.csv.hussh.tmp")).doesNotExist();
    }

    @Test
    void allowNonAtomicReplaceReplacesThroughABackupAndRemovesIt() throws Exception {
        Files.createDirectories(remote("/srv"));
        Files.write(remote("/srv/report.csv"), TestFiles.randomBytes(100_000, 23));
        byte[] newContent = TestFiles.randomBytes(150_000, 24);

        direct.upload(TransferSource.bytes(newContent), "/srv/report.csv", ATOMIC.toBuilder().allowNonAtomicReplace(true).build());

        assertThat(TestFiles.sha256(remote("/srv/report.csv"))).isEqualTo(TestFiles.sha256(newContent));
        try (var files = Files.list(remote("/srv"))) {
            assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("report.csv");
        }
    }
}
