package io.hussh.it;

import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

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

/** Faults of the server and of the link that a dropped socket does not cover. */
class ServerFaultsIT extends MatrixTestSupport {

    private static final TransferOptions ATOMIC_RESUME = TransferOptions.builder().atomic(true).resume(true).build();

    @ParameterizedTest(name = "{0}")
    @EnumSource(ServerKind.class)
    void theServerProcessKilledMidUploadThenRestarted(ServerKind kind) throws Exception {
        connect(kind);
        String remote = server.newDirectory("killed") + "/big.bin";
        byte[] content = TestFiles.randomBytes(24 * 1024 * 1024, 50);
        proxy.throttle(8 * 1024 * 1024);

        CompletableFuture<TransferResult> upload = CompletableFuture.supplyAsync(() -> {
            try {
                return viaProxy.upload(TransferSource.bytes(content), remote, ATOMIC_RESUME);
            } catch (HusshTransferException e) {
                throw new IllegalStateException(e);
            }
        });
        waitForAtLeast(remote + ".hussh.tmp", 4 * 1024 * 1024);
        server.kill();
        assertThatThrownBy(() -> upload.get(60, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasRootCauseInstanceOf(java.io.IOException.class);
        server.restart();
        proxy.throttle(0);
        assertThat(server.local(remote)).doesNotExist();
        long partial = TestFiles.settledSize(server.local(remote + ".hussh.tmp"));

        TransferResult resumed = viaProxy.upload(TransferSource.bytes(content), remote, ATOMIC_RESUME);

        assertThat(resumed.resumeOffset()).isEqualTo(partial).isGreaterThan(0);
        assertThat(TestFiles.sha256(server.local(remote))).isEqualTo(TestFiles.sha256(content));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ServerKind.class)
    void aLinkThatGoesSilentFailsInsteadOfHanging(ServerKind kind) throws Exception {
        connect(kind);
        String remote = server.newDirectory("stalled") + "/file.bin";
        proxy.stallOnceAfter(Direction.UPSTREAM, 1024 * 1024);
        Duration keepalive = Duration.ofSeconds(1);
        try (SftpTransfers impatient = new SftpTransfers(server.settings(knownHosts, proxy.port(), keepalive))) {
            long started = System.nanoTime();
            CompletableFuture<TransferResult> upload = CompletableFuture.supplyAsync(() -> {
                try {
                    return impatient.upload(TransferSource.bytes(TestFiles.randomBytes(8 * 1024 * 1024, 51)), remote,
                            ATOMIC_RESUME);
                } catch (HusshTransferException e) {
                    throw new IllegalStateException(e);
                }
            });

            // the bound only tells a hang from a failure: three missed keepalives take about three seconds
            assertThatThrownBy(() -> upload.get(120, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(IllegalStateException.class);
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
            CompatibilityReport.note(kind, "a link that goes silent fails instead of hanging",
                    "failed after about " + seconds + " s with serverAliveInterval=1s");
        }
        assertThat(server.local(remote)).doesNotExist();
    }

    private void waitForAtLeast(String remotePath, long bytes) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            try {
                if (Files.size(server.local(remotePath)) >= bytes) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // the temp file does not exist yet
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException(remotePath + " never reached " + bytes + " bytes");
    }
}
