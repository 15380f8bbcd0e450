package io.hussh.sftp;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Arrays;

import io.hussh.testing.TestFiles;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Resume and commit check the bytes, not only the sizes. */
class VerifiedTransferTest extends SftpTestSupport {

    private static final TransferOptions RESUME = TransferOptions.builder().resume(true).build();
    private static final TransferOptions ATOMIC_RESUME = RESUME.toBuilder().atomic(true).build();

    @Test
    void aPartialUploadOfOtherContentIsNotSplicedButRewritten() throws Exception {
        byte[] source = TestFiles.randomBytes(500_000, 70);
        Files.createDirectories(remote("/srv"));
        // same length as a real partial would have, other bytes: JSch's own RESUME would splice it
        Files.write(remote("/srv/x.bin"), TestFiles.randomBytes(200_000, 71));

        TransferResult result = direct.upload(TransferSource.bytes(source), "/srv/x.bin", RESUME);

        assertThat(result.resumeRestarted()).isTrue();
        assertThat(result.resumeOffset()).isZero();
        assertThat(TestFiles.sha256(remote("/srv/x.bin"))).isEqualTo(TestFiles.sha256(source));
    }

    @Test
    void aPartialUploadOfTheSameContentIsContinued() throws Exception {
        byte[] source = TestFiles.randomBytes(500_000, 72);
        Files.createDirectories(remote("/srv"));
        Files.write(remote("/srv/y.bin"), Arrays.copyOf(source, 200_000));

        TransferResult result = direct.upload(TransferSource.bytes(source), "/srv/y.bin", RESUME);

        assertThat(result.resumeRestarted()).isFalse();
        assertThat(result.resumeOffset()).isEqualTo(200_000);
        assertThat(result.bytesTransferred()).isEqualTo(300_000);
        assertThat(TestFiles.sha256(remote("/srv/y.bin"))).isEqualTo(TestFiles.sha256(source));
    }

    @Test
    void aPartialDownloadOfOtherContentIsRewritten() throws Exception {
        byte[] content = TestFiles.randomBytes(400_000, 73);
        Files.createDirectories(remote("/srv"));
        Files.write(remote("/srv/d.bin"), content);
        Path local = Files.write(tmp.resolve("d.bin"), TestFiles.randomBytes(100_000, 74));

        TransferResult result = direct.download("/srv/d.bin", local, RESUME);

        assertThat(result.resumeRestarted()).isTrue();
        assertThat(TestFiles.sha256(local)).isEqualTo(TestFiles.sha256(content));
    }

    @Test
    void aPartialDownloadOfAnEarlierVersionOfTheRemoteFileIsRewritten() throws Exception {
        Path remoteFile = TestFiles.randomFile(remote("/srv/v.bin"), 300_000, 75);
        Files.setLastModifiedTime(remoteFile, FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
        Path local = tmp.resolve("v.bin");
        viaProxy.close();
        proxy.dropOnceAfter(io.hussh.testing.FaultProxy.Direction.DOWNSTREAM, 150_000);
        try (SftpTransfers cut = new SftpTransfers(settings(proxy.port()))) {
            assertThatThrownBy(() -> cut.download("/srv/v.bin", local, ATOMIC_RESUME))
                    .isInstanceOf(HusshTransferException.class);
        }
        assertThat(tmp.resolve("v.bin.hussh.tmp")).exists();
        // the publisher replaces the file with a new version of the same size; only the time tells
        byte[] newVersion = TestFiles.randomBytes(300_000, 76);
        Files.write(remoteFile, newVersion);
        Files.setLastModifiedTime(remoteFile, FileTime.from(Instant.parse("2026-02-01T00:00:00Z")));

        TransferResult result = direct.download("/srv/v.bin", local, ATOMIC_RESUME.toBuilder().verifyResume(false).build());

        assertThat(result.resumeRestarted()).isTrue();
        assertThat(TestFiles.sha256(local)).isEqualTo(TestFiles.sha256(newVersion));
        assertThat(tmp.resolve(".v.bin.hussh.tmp.hussh-source")).doesNotExist();
    }

    @Test
    void aSourceThatChangesDuringTheTransferFailsAndKeepsNothingUnderTheFinalName() {
        TransferSource shrinking = new TransferSource() {
            @Override
            public long size() {
                return 100_000;
            }

            @Override
            public boolean copyTo(OutputStream out, long offset) throws IOException {
                out.write(new byte[90_000]);
                return true;
            }
        };

        assertThatThrownBy(() -> direct.upload(shrinking, "/srv/changing.bin", TransferOptions.builder().atomic(true).build()))
                .isInstanceOf(HusshTransferException.class)
                .hasMessageContaining("changed during the transfer");
        assertThat(remote("/srv/changing.bin")).doesNotExist();
        assertThat(remote("/srv/changing.bin.hussh.tmp")).doesNotExist();
    }

    @Test
    void theChecksumCoversTheWholeFileAlsoWhenResumed() throws Exception {
        byte[] source = TestFiles.randomBytes(700_000, 77);
        Files.createDirectories(remote("/srv"));
        Files.write(remote("/srv/c.bin"), Arrays.copyOf(source, 250_000));

        TransferResult result = direct.upload(TransferSource.bytes(source), "/srv/c.bin",
                RESUME.toBuilder().checksum(true).checksumFile(false).build());

        assertThat(result.resumeOffset()).isEqualTo(250_000);
        assertThat(result.checksum()).isEqualTo(TestFiles.sha256(source));
    }

    @Test
    void aDownloadIsComparedWithItsPublishedChecksumFile() throws Exception {
        byte[] content = TestFiles.randomBytes(300_000, 78);
        Files.createDirectories(remote("/srv"));
        Files.write(remote("/srv/ok.bin"), content);
        Files.writeString(remote("/srv/ok.bin.sha256"), TestFiles.sha256(content) + "  ok.bin\n");
        Files.write(remote("/srv/bad.bin"), content);
        Files.writeString(remote("/srv/bad.bin.sha256"), "0".repeat(64) + "  bad.bin\n");
        Files.write(remote("/srv/none.bin"), content);
        TransferOptions options = TransferOptions.builder().atomic(true).checksum(true).checksumFile(true).build();

        TransferResult ok = direct.download("/srv/ok.bin", tmp.resolve("ok.bin"), options);

        assertThat(ok.checksum()).isEqualTo(TestFiles.sha256(content));
        assertThatThrownBy(() -> direct.download("/srv/bad.bin", tmp.resolve("bad.bin"), options))
                .hasMessageContaining("but its .sha256 file says " + "0".repeat(64));
        assertThat(tmp.resolve("bad.bin")).doesNotExist();
        assertThat(tmp.resolve("bad.bin.hussh.tmp")).doesNotExist();
        assertThatThrownBy(() -> direct.download("/srv/none.bin", tmp.resolve("none.bin"), options))
                .hasMessageContaining("/srv/none.bin.sha256 does not exist");
    }

    @Test
    void modificationTimeAndPermissionsAreKept() throws Exception {
        Path source = TestFiles.randomFile(tmp.resolve("t.bin"), 10_000, 79);
        Instant time = Instant.parse("2025-06-15T12:30:00Z");
        Files.setLastModifiedTime(source, FileTime.from(time));
        TransferOptions options = TransferOptions.builder().atomic(true).keepLastModified(true)
                .permissions(0640).build();

        direct.upload(TransferSource.file(source), "/srv/t.bin", options);
        Path downloaded = tmp.resolve("back/t.bin");
        direct.download("/srv/t.bin", downloaded, options);

        assertThat(Files.getLastModifiedTime(remote("/srv/t.bin")).toInstant()).isEqualTo(time);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(remote("/srv/t.bin"))))
                .isEqualTo("rw-r-----");
        assertThat(Files.getLastModifiedTime(downloaded).toInstant()).isEqualTo(time);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(downloaded))).isEqualTo("rw-r-----");
    }
}
