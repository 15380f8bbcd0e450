package io.hussh.it;

import java.nio.file.Path;
import java.time.Duration;

import io.hussh.sftp.ConnectionSettings;
import io.hussh.sftp.SftpTransfers;
import io.hussh.sftp.TransferOptions;
import io.hussh.sftp.TransferResult;
import io.hussh.sftp.TransferSource;

/**
 * One node of a multi-node test, in a JVM of its own: one upload or download, then a line saying how it went.
 * <pre>
 * TransferNode upload|download PORT KNOWN_HOSTS REMOTE_PATH LOCAL_FILE atomic resume LEASE_MS WAIT_MS allowNonAtomicReplace
 *              [STREAMS SEGMENT_SIZE]   split every file over STREAMS connections in segments of SEGMENT_SIZE bytes
 * RESULT ok BYTES OFFSET          on success
 * RESULT ok BYTES OFFSET STREAMS  on success, when split
 * RESULT failed MESSAGE           on failure
 * </pre>
 */
public final class TransferNode {

    private TransferNode() {
    }

    public static void main(String[] args) throws Exception {
        boolean split = args.length > 10;
        ConnectionSettings settings = ConnectionSettings.builder("127.0.0.1", ServerUnderTest.USER)
                .port(Integer.parseInt(args[1]))
                .password(ServerUnderTest.PASSWORD)
                .knownHostsFile(Path.of(args[2]))
                .parallelStreams(split ? Integer.parseInt(args[10]) : 1)
                .build();
        TransferOptions.Builder builder = TransferOptions.builder();
        if (split) {
            builder.segmentSize(Long.parseLong(args[11])).parallelThreshold(0)
                    .parallelMinimumRoundTrip(Duration.ZERO);
        }
        TransferOptions options = builder
                .atomic(Boolean.parseBoolean(args[5]))
                .resume(Boolean.parseBoolean(args[6]))
                .leaseDuration(Duration.ofMillis(Long.parseLong(args[7])))
                .leaseWaitTimeout(Duration.ofMillis(Long.parseLong(args[8])))
                .allowNonAtomicReplace(Boolean.parseBoolean(args[9]))
                .build();
        try (SftpTransfers transfers = new SftpTransfers(settings)) {
            TransferResult result = args[0].equals("upload")
                    ? transfers.upload(TransferSource.file(Path.of(args[4])), args[3], options)
                    : transfers.download(args[3], Path.of(args[4]), options);
            System.out.println("RESULT ok " + result.bytesTransferred() + " " + result.resumeOffset()
                               + (split ? " " + result.streams() : ""));
        } catch (Exception e) {
            System.out.println("RESULT failed " + e.getClass().getSimpleName() + ": "
                               + String.valueOf(e.getMessage()).replace('\n', ' '));
        }
        System.exit(0);
    }
}
