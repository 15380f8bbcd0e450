package io.hussh.it;

import java.io.IOException;

import io.hussh.sftp.HusshTransferException;
import io.hussh.sftp.TransferOptions;
import io.hussh.sftp.TransferSource;
import io.hussh.testing.ErrorCatalog;
import io.hussh.testing.TestFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Faults that need a real, unprivileged server account: permissions and a full disk. On OpenSSH in a container,
 * where the test user is not root. Recorded in docs/errors.md.
 */
class BadInputIT extends MatrixTestSupport {

    private static final ErrorCatalog CATALOG = new ErrorCatalog("OpenSSH", "OpenSSH sftp-server in a container,"
                                                                           + " user hussh without root rights");
    private static final TransferOptions ATOMIC = TransferOptions.builder().atomic(true).build();

    private ContainerServerUnderTest openSsh;

    @BeforeEach
    void openSsh() throws Exception {
        connect(ServerKind.OPENSSH);
        openSsh = (ContainerServerUnderTest) server;
    }

    @AfterAll
    static void writeCatalog() throws IOException {
        CATALOG.write();
    }

    @Test
    void aDirectoryTheUserMayNotWriteTo() throws Exception {
        openSsh.shell("mkdir -p /data/locked && chmod 755 /data/locked && echo old > /data/locked/report.csv");

        for (TransferOptions options : new TransferOptions[] { ATOMIC, TransferOptions.builder().build() }) {
            Throwable e = catchFailure(() -> direct.upload(TransferSource.bytes("new".getBytes()), "/data/locked/report.csv",
                    options));
            assertThat(e).isInstanceOf(HusshTransferException.class).hasMessageContaining("permission denied");
            assertThat(openSsh.shell("cat /data/locked/report.csv")).isEqualTo("old\n");
            CATALOG.record("permission denied on the directory (atomic=" + options.atomic() + ")", e,
                    "the existing file, untouched; no temp file");
        }
        assertThat(openSsh.shell("ls /data/locked")).isEqualTo("report.csv\n");
    }

    @Test
    void anExistingDestinationTheUserMayNotWrite() throws Exception {
        openSsh.shell("mkdir -p /data/open && chmod 777 /data/open && echo old > /data/open/ro.csv"
                      + " && chmod 444 /data/open/ro.csv");

        Throwable plain = catchFailure(() -> direct.upload(TransferSource.bytes("new".getBytes()), "/data/open/ro.csv",
                TransferOptions.builder().build()));
        assertThat(plain).hasMessageContaining("permission denied");
        assertThat(openSsh.shell("cat /data/open/ro.csv")).isEqualTo("old\n");
        CATALOG.record("permission denied on an existing read-only destination (atomic=false)", plain,
                "the existing file, untouched");

        direct.upload(TransferSource.bytes("new".getBytes()), "/data/open/ro.csv", ATOMIC);
        assertThat(openSsh.shell("cat /data/open/ro.csv")).isEqualTo("new");
        CATALOG.record("an existing read-only destination in a writable directory (atomic=true)", null,
                "replaced, as mv would: a rename needs only the directory's write permission");
    }

    @Test
    void aServerWhoseDiskIsFull() throws Exception {
        byte[] tooBig = TestFiles.randomBytes(2 * 1024 * 1024, 95);
        openSsh.shell("echo old > /small/report.csv && chmod 666 /small/report.csv");

        Throwable atomic = catchFailure(() -> direct.upload(TransferSource.bytes(tooBig), "/small/report.csv", ATOMIC));
        assertThat(atomic).isInstanceOf(HusshTransferException.class).hasMessageContaining("/small/report.csv");
        assertThat(openSsh.shell("cat /small/report.csv")).isEqualTo("old\n");
        assertThat(openSsh.shell("ls /small")).isEqualTo("report.csv\n");
        CATALOG.record("the server's disk fills up during an atomic upload (1 MiB tmpfs, 2 MiB file)", atomic,
                "the old file, untouched; the temp file is removed");

        Throwable resumed = catchFailure(() -> direct.upload(TransferSource.bytes(tooBig), "/small/report.csv",
                ATOMIC.toBuilder().resume(true).build()));
        assertThat(resumed).isInstanceOf(HusshTransferException.class);
        assertThat(openSsh.shell("cat /small/report.csv")).isEqualTo("old\n");
        CATALOG.record("the disk fills up during an atomic upload with resume=true", resumed,
                "the old file, untouched; the partial temp file is kept for a resume once there is room");
        openSsh.shell("rm -f /small/*");
    }

    @Test
    void theServerFailsTheUploadWithoutAnyReconnect() throws Exception {
        openSsh.shell("mkdir -p /data/locked2 && chmod 755 /data/locked2");
        try (io.hussh.sftp.SftpTransfers patient = new io.hussh.sftp.SftpTransfers(
                server.settings(knownHosts, server.port()),
                new io.hussh.sftp.ReconnectPolicy(3, java.time.Duration.ofMillis(10), java.time.Duration.ofMillis(10)))) {
            assertThatThrownBy(() -> patient.upload(TransferSource.bytes("x".getBytes()), "/data/locked2/x", ATOMIC))
                    .hasMessageContaining("permission denied")
                    .hasMessageNotContaining("reconnects");
        }
    }

    private static Throwable catchFailure(org.junit.jupiter.api.function.Executable action) {
        try {
            action.execute();
        } catch (Throwable e) {
            return e;
        }
        throw new AssertionError("expected a failure");
    }
}
