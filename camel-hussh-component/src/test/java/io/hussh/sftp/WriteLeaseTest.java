package io.hussh.sftp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.hussh.testing.ErrorCatalog;
import io.hussh.testing.FinalPathWatcher;
import io.hussh.testing.TestFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The lease that keeps writers of one remote name apart, in one JVM but reaching the server by two ports, so that the
 * in-JVM lock cannot help: only the lease on the server can. Writers in separate processes: {@code MultiNodeWritersIT}.
 */
class WriteLeaseTest extends SftpTestSupport {

    private static final ErrorCatalog CATALOG = new ErrorCatalog("Leases", "Apache MINA SSHD 2.20, in-process,"
                                                                           + " WriteLeaseTest");
    private static final Duration SHORT_LEASE = Duration.ofSeconds(1);

    @AfterAll
    static void writeCatalog() throws Exception {
        CATALOG.write();
    }
    private static final TransferOptions ATOMIC = TransferOptions.builder().atomic(true).build();

    @Test
    void twoWritersOfOneNameByTwoRoutesTakeTurnsAndEachCommitsItsOwnBytes() throws Exception {
        byte[] first = TestFiles.randomBytes(3 * 1024 * 1024, 1);
        byte[] second = TestFiles.randomBytes(3 * 1024 * 1024, 2);
        proxy.throttle(3 * 1024 * 1024);
        Path finalFile = remote("/srv/shared.bin");
        Files.createDirectories(finalFile.getParent());

        TransferResult viaDirect;
        TransferResult throughProxy;
        try (FinalPathWatcher watcher = new FinalPathWatcher(finalFile,
                Set.of(TestFiles.sha256(first), TestFiles.sha256(second)), true)) {
            CompletableFuture<TransferResult> slow = inBackground(viaProxy, first, "/srv/shared.bin", ATOMIC);
            waitForLease("/srv/shared.bin");
            viaDirect = direct.upload(TransferSource.bytes(second), "/srv/shared.bin", ATOMIC);
            throughProxy = slow.get(60, TimeUnit.SECONDS);
            watcher.awaitVersion(TestFiles.sha256(second));

            assertThat(watcher.violations()).isEmpty();
            // the writer through the slow link took the lease first, so the other waited and committed after it
            assertThat(watcher.versionsSeen()).containsExactly(TestFiles.sha256(first), TestFiles.sha256(second));
        }
        assertThat(viaDirect.bytesTransferred()).isEqualTo(second.length);
        assertThat(throughProxy.bytesTransferred()).isEqualTo(first.length);
        assertThat(TestFiles.sha256(finalFile)).isEqualTo(TestFiles.sha256(second));
        assertNothingBeside("/srv");
    }

    @Test
    void aWriterThatKeepsItsLeaseMakesTheOtherFailWithItsNameAndTheOption() throws Exception {
        AtomicBoolean holding = new AtomicBoolean(true);
        Thread holder = holdLease("/srv/busy.bin", holding);
        try {
            TransferOptions patient = ATOMIC.toBuilder().leaseWaitTimeout(Duration.ofMillis(1500)).build();
            Throwable busy = catchThrowable(() -> direct.upload(TransferSource.bytes(new byte[] {1}), "/srv/busy.bin",
                    patient));
            CATALOG.record("another writer holds the lease and renews it (leaseWaitTimeout=1500)", busy,
                    "nothing: neither the final name nor a temp file");
            assertThat(busy).isInstanceOf(HusshTransferException.class)
                    .hasMessageContaining("/srv/busy.bin is being written by another writer (process 4242 on elsewhere)")
                    .hasMessageContaining("leaseWaitTimeout (1500 ms)");
            assertThat(remote("/srv/busy.bin")).doesNotExist();
            assertThat(remote("/srv/busy.bin.hussh.tmp")).doesNotExist();
        } finally {
            holding.set(false);
            holder.join();
        }
    }

    @Test
    void aLeaseWhoseOwnerStoppedRenewingIsTakenOverAfterItsDuration() throws Exception {
        Path generation = Files.createDirectories(remote("/srv/orphan.bin.hussh-lease/g-1"));
        Files.writeString(generation.resolve("owner"), owner("dead-writer", 0, SHORT_LEASE));
        byte[] content = TestFiles.randomBytes(100_000, 3);

        long started = System.nanoTime();
        direct.upload(TransferSource.bytes(content), "/srv/orphan.bin", ATOMIC);
        long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        assertThat(waited).as("waited for the lease to go stale").isGreaterThanOrEqualTo(SHORT_LEASE.toMillis());
        assertThat(TestFiles.sha256(remote("/srv/orphan.bin"))).isEqualTo(TestFiles.sha256(content));
        CATALOG.record("a lease left by a writer that died (not renewed for leaseDuration)", null,
                "the file, complete; the stale lease was taken over and removed");
        assertNothingBeside("/srv");
    }

    @Test
    void aLeaseThisJvmCouldNotReleaseIsTakenOverAtOnceNotAfterItsDuration() throws Exception {
        byte[] content = TestFiles.randomBytes(4 * 1024 * 1024, 5);
        proxy.throttle(1024 * 1024);
        CompletableFuture<TransferResult> cut = inBackground(viaProxy, content, "/srv/left.bin", ATOMIC);
        waitForLease("/srv/left.bin");
        // the link goes away for good: the upload fails and cannot remove its lease either
        proxy.close();
        assertThatThrownBy(() -> cut.get(60, TimeUnit.SECONDS)).hasRootCauseInstanceOf(IOException.class);
        assertThat(remote("/srv/left.bin.hussh-lease")).isDirectory();

        // it would wait out the lease's 30 s and then fail, were the lease not known dead
        direct.upload(TransferSource.bytes(content), "/srv/left.bin",
                ATOMIC.toBuilder().leaseWaitTimeout(Duration.ofSeconds(5)).build());

        assertThat(TestFiles.sha256(remote("/srv/left.bin"))).isEqualTo(TestFiles.sha256(content));
        assertNothingBeside("/srv");
    }

    @Test
    void aWriterThatLosesItsLeaseStopsAndNeverCommits() throws Exception {
        byte[] content = TestFiles.randomBytes(4 * 1024 * 1024, 4);
        proxy.throttle(1024 * 1024);
        TransferOptions options = ATOMIC.toBuilder().leaseDuration(SHORT_LEASE).leaseWaitTimeout(Duration.ZERO).build();

        CompletableFuture<TransferResult> upload = inBackground(viaProxy, content, "/srv/stolen.bin", options);
        waitForLease("/srv/stolen.bin");
        Thread.sleep(300);
        // what a writer that took the lease over leaves: the next generation, with its owner record
        Path taken = Files.createDirectories(remote("/srv/stolen.bin.hussh-lease/g-2"));
        Files.writeString(taken.resolve("owner"), owner("thief", 0, Duration.ofMinutes(5)));

        Throwable stolen = catchThrowable(() -> upload.get(30, TimeUnit.SECONDS)).getCause().getCause();
        CATALOG.record("the lease is taken over while the upload runs (a writer that was paused too long)", stolen,
                "nothing under the final name; the temp file and the lease are the new writer's");
        assertThat(stolen).isInstanceOf(HusshTransferException.class).hasMessageContaining("lost its lease");
        assertThat(remote("/srv/stolen.bin")).doesNotExist();
        // the lease is the thief's now: the writer that lost it leaves it alone
        assertThat(remote("/srv/stolen.bin.hussh-lease/g-2/owner")).content(StandardCharsets.UTF_8).contains("thief");
    }

    private static CompletableFuture<TransferResult> inBackground(SftpTransfers transfers, byte[] content,
                                                                  String remotePath, TransferOptions options) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return transfers.upload(TransferSource.bytes(content), remotePath, options);
            } catch (HusshTransferException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /**
     * Waits until the writer holds the lease with its record written: a claim creates the owner file before it writes
     * the record, and a writer cut in between leaves a lease that nobody can tell is dead before its duration.
     */
    private void waitForLease(String remotePath) throws Exception {
        Path owner = remote(remotePath + ".hussh-lease/g-1/owner");
        for (int i = 0; i < 500 && !holdsRecord(owner); i++) {
            Thread.sleep(10);
        }
        assertThat(owner).content(StandardCharsets.UTF_8).contains("renewals=");
    }

    private static boolean holdsRecord(Path owner) throws IOException {
        return Files.exists(owner) && Files.readString(owner, StandardCharsets.UTF_8).contains("renewals=");
    }

    /** Another process's writer that keeps renewing its lease until told to stop. */
    private Thread holdLease(String remotePath, AtomicBoolean holding) throws Exception {
        Path generation = Files.createDirectories(remote(remotePath + ".hussh-lease/g-1"));
        Thread thread = new Thread(() -> {
            try {
                for (int renewal = 0; holding.get(); renewal++) {
                    Files.writeString(generation.resolve("owner"), owner("live-writer", renewal, SHORT_LEASE));
                    Thread.sleep(100);
                }
                Files.delete(generation.resolve("owner"));
                Files.delete(generation);
                Files.delete(generation.getParent());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        thread.start();
        return thread;
    }

    private static String owner(String id, int renewals, Duration duration) {
        return "owner=" + id + "\nwriter=process 4242 on elsewhere\nrenewals=" + renewals + "\nduration="
               + duration.toMillis() + "\n";
    }

    private void assertNothingBeside(String directory) throws Exception {
        try (var files = Files.list(remote(directory))) {
            List<String> names = files.map(file -> file.getFileName().toString()).toList();
            assertThat(names).noneMatch(name -> name.endsWith(".hussh.tmp") || name.endsWith(".hussh-lease"));
        }
    }
}
