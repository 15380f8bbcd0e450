package io.hussh.sftp;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.hussh.testing.TestFiles;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressTest extends SftpTestSupport {

    @Test
    void aListenerHearsTheTransferAdvanceAndComplete() throws Exception {
        List<TransferStatus> heard = new CopyOnWriteArrayList<>();
        byte[] content = TestFiles.randomBytes(24 * 1024 * 1024, 80);
        proxy.throttle(8 * 1024 * 1024);
        try (SftpTransfers transfers = new SftpTransfers(settings(proxy.port()), ReconnectPolicy.none(), heard::add)) {
            transfers.upload(TransferSource.bytes(content), "/srv/progress.bin", TransferOptions.builder().build());
        }

        assertThat(heard.size()).isGreaterThanOrEqualTo(2);
        assertThat(heard).extracting(TransferStatus::position).isSorted();
        TransferStatus last = heard.get(heard.size() - 1);
        assertThat(last.done()).isTrue();
        assertThat(last.position()).isEqualTo(content.length);
        assertThat(last.percent()).isEqualTo(100.0);
        assertThat(heard.get(0).done()).isFalse();
        assertThat(heard.get(0).bytesPerSecond()).isPositive();
        assertThat(heard.get(0).remotePath()).isEqualTo("/srv/progress.bin");
    }

    @Test
    void theLogLineSaysFilePercentRateTimeLeftAndResumedOffset() {
        TransferStatus status = new TransferStatus("/srv/big.iso", true, 512L << 20, 1024L << 20, 128L << 20,
                64.0 * (1 << 20), 0, 1, false);

        assertThat(ProgressLog.line(status))
                .isEqualTo("Uploading /srv/big.iso: 50% (512.0 of 1024.0 MiB) at 64.0 MiB/s, 8 s left, resumed from 128.0 MiB");
    }
}
