package io.hussh.sftp;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.SftpATTRS;
import com.jcraft.jsch.SftpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The right of one upload to write one remote destination, held against every other writer on any host, on what every
 * SFTP server offers: SFTP v3 has no locks, and JSch cannot open a file exclusively, but a {@code mkdir} fails when the
 * name exists.
 * <ul>
 * <li>The lease is the directory {@link SideFiles#lease}; each holder in turn owns one <b>generation</b> in it, the
 * directory {@code g-N} it created, and only that holder ever writes the {@code owner} file in it (id, host and
 * process, renewal count, duration). The highest generation is the holder.</li>
 * <li><b>Acquire</b>: create the lease directory, then generation 1; the {@code mkdir} succeeds for one writer only.</li>
 * <li><b>Renew</b>: rewrite {@code owner} with the next count, every quarter of the duration, on a connection of the
 * {@link LeaseKeeper}'s, while the transfer writes on its own.</li>
 * <li><b>Take over</b>: a waiting writer that sees the holder's {@code owner} unchanged for a whole duration, measured on
 * its own clock (no clocks are compared between hosts), creates the next generation; that {@code mkdir} succeeds for
 * one taker only.</li>
 * <li><b>Lose</b>: a holder that finds the next generation, or could not renew for three quarters of the duration, has
 * lost the lease: its connection is cut at once, so it stops writing before any taker can have waited a whole duration,
 * and it never commits, truncates or removes the temp file again.</li>
 * <li><b>Release</b>: after the commit or the cleanup, remove the generations, newest first, and the lease, only while
 * it is still held.</li>
 * </ul>
 * One lease serves all attempts of one transfer; an attempt after a lost lease acquires it again, waiting its turn.
 */
final class RemoteLease implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RemoteLease.class);
    private static final String WRITER = writerName();
    /** This JVM, unlike any other even with the same host name and process id (containers). */
    private static final String INSTANCE = UUID.randomUUID().toString();
    /** The leases this JVM holds or may still write under: a lease of this JVM not among them has no writer left. */
    private static final Set<String> LIVE = ConcurrentHashMap.newKeySet();
    private static final String GENERATION = "g-";

    private final String remotePath;
    private final String lease;
    private final Duration duration;
    private final Duration waitTimeout;
    private final LeaseKeeper keeper;
    private final String id = UUID.randomUUID().toString();

    private volatile boolean held;
    private volatile boolean lost;
    private volatile long generation;
    private volatile long lastRenewalSent;
    /** The connections writing under this lease: the transfer's own, and those of its streams when it is split. */
    private final Set<SftpConnection> writers = ConcurrentHashMap.newKeySet();
    private volatile long renewals;
    private volatile String lossReason;

    RemoteLease(String remotePath, Duration duration, Duration waitTimeout, LeaseKeeper keeper) {
        this.remotePath = remotePath;
        this.lease = SideFiles.lease(remotePath);
        this.duration = duration;
        this.waitTimeout = waitTimeout;
        this.keeper = keeper;
    }

    /**
     * Holds the lease for the attempt writing on {@code connection}, waiting for another writer's turn up to the wait
     * timeout, and taking over a lease whose holder stopped renewing it.
     */
    void acquire(SftpConnection connection, TransferProgress progress, boolean autoCreate) throws IOException {
        synchronized (this) {
            writers.add(connection);
            if (held()) {
                return;
            }
            held = false;
            lost = false;
        }
        long waitUntil = System.nanoTime() + waitTimeout.toNanos();
        Observation seen = null;
        try {
            while (true) {
                long newest = createLease(connection, autoCreate) ? 0 : newestGeneration(connection);
                if (newest == 0) {
                    if (claim(connection, 1)) {
                        return;
                    }
                    continue;
                }
                String owner = readOwner(connection, newest);
                if (seen == null || seen.generation != newest || !seen.owner.equals(owner)) {
                    seen = new Observation(newest, owner, System.nanoTime());
                } else if (abandonedHere(owner) || System.nanoTime() - seen.since >= durationOf(owner).toNanos()) {
                    if (claim(connection, newest + 1)) {
                        LOG.warn("Took over the lease {} from {}: {}", lease, describe(owner), abandonedHere(owner)
                                ? "an earlier transfer of this JVM that ended without releasing it"
                                : "it was not renewed for " + durationOf(owner).toMillis() + " ms");
                        return;
                    }
                    continue;
                }
                if (System.nanoTime() - waitUntil >= 0) {
                    throw new HusshTransferException(remotePath, remotePath + " is being written by another writer ("
                            + describe(owner) + "), whose lease " + lease + " it still renews; it did not finish within"
                            + " leaseWaitTimeout (" + waitTimeout.toMillis() + " ms). Raise leaseWaitTimeout to wait"
                            + " longer, or give the writers different file names.");
                }
                progress.touch();
                Thread.sleep(pollInterval());
            }
        } catch (SftpException e) {
            String hint = e.id == ChannelSftp.SSH_FX_PERMISSION_DENIED
                    ? "; an upload writes its lease beside the file, so it needs write permission on "
                      + RemotePaths.parent(remotePath) : "";
            throw new HusshTransferException(remotePath, "Cannot take the lease " + lease + " of " + remotePath + ": "
                                                         + SftpErrors.describe(e) + hint, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HusshTransferException(remotePath, "Interrupted while waiting for the lease " + lease, e);
        }
    }

    /** Fails unless the lease is still held, checked on the server: called just before the commit. */
    void checkHeld(SftpConnection connection) throws IOException {
        String reason;
        try {
            reason = held ? lossReason(connection) : "it was never taken";
        } catch (SftpException e) {
            throw new HusshTransferException(remotePath, "Cannot check the lease " + lease + " before the commit of "
                                                         + remotePath + ": " + SftpErrors.describe(e), e);
        }
        if (reason != null) {
            markLost(reason);
            throw lostFailure(null);
        }
    }

    /** The failure of a transfer that stopped because this lease was lost. */
    LeaseLostException lostFailure(Exception cause) {
        return new LeaseLostException(remotePath, "The upload to " + remotePath + " lost its lease " + lease + " ("
                + (lossReason == null ? "it was not renewed in time" : lossReason)
                + ") and stopped writing before its commit: another writer may own the name now."
                + " leaseDuration (" + duration.toMillis() + " ms) sets how long a writer may go without renewing it.",
                cause);
    }

    /** Whether this upload may still change the temp file: it holds the lease and has not lost it. */
    boolean held() {
        return held && !lost && System.nanoTime() - lastRenewalSent < validity();
    }

    /** Marks the lease lost once its validity ran out, whether or not a renewal is stuck on the network. */
    void expireIfDue() {
        if (held && !lost && System.nanoTime() - lastRenewalSent >= validity()) {
            LOG.warn("The upload to {} lost its lease {}: it was not renewed for {} ms; it stops writing now",
                    remotePath, lease, validity() / 1_000_000);
            markLost("it was not renewed for " + validity() / 1_000_000 + " ms");
        }
    }

    /** Counts {@code connection} among the writers, so that a loss of the lease cuts it too. */
    void attach(SftpConnection connection) {
        writers.add(connection);
        if (lost) {
            connection.abort();
        }
    }

    /** Forgets a connection whose writing ended: a later loss must not cut it, in the pool or elsewhere. */
    void detach(SftpConnection connection) {
        writers.remove(connection);
    }

    /** Whether the lease was held and then lost. */
    boolean lost() {
        return lost;
    }

    /** Renews on the keeper's connection; cuts the writer's connection once the lease is lost. */
    synchronized void renew(SftpConnection connection) {
        if (!held || lost) {
            return;
        }
        long sent = System.nanoTime();
        try {
            String reason = lossReason(connection);
            if (reason == null) {
                // counted before it is sent: a record whose reply was lost is never sent again unchanged, which a
                // waiter would take for a holder that stopped renewing
                // in place, at the same length: a record truncated before it is written again would read as empty,
                // which the holder's own check takes for a lease that was removed
                connection.overwriteInPlace(ownerFile(generation), ownerRecord(++renewals));
                lastRenewalSent = sent;
                return;
            }
            LOG.warn("The upload to {} lost its lease {}: {}; it stops writing now", remotePath, lease, reason);
            markLost(reason);
        } catch (SftpException | RuntimeException e) {
            renewalFailed(e);
        }
    }

    /** A renewal that could not be sent: the lease holds until its validity runs out, then it is lost. */
    void renewalFailed(Exception e) {
        if (!held || lost) {
            return;
        }
        if (System.nanoTime() - lastRenewalSent < validity()) {
            LOG.debug("Renewing the lease {} failed, trying again: {}", lease, e.toString());
            return;
        }
        String reason = "it could not be renewed for " + validity() / 1_000_000 + " ms: " + e;
        LOG.warn("The upload to {} lost its lease {}: {}; it stops writing now", remotePath, lease, reason);
        markLost(reason);
    }

    /** Removes the lease, if it is still this upload's: a lost lease may already be another writer's. */
    @Override
    public void close() {
        keeper.forget(this);
        // the transfer's attempts are over and their connections closed: nothing in this JVM writes under it now
        LIVE.remove(id);
        // a renewal under way would write the owner file again into a generation being removed
        synchronized (this) {
            release();
        }
    }

    private void release() {
        if (!held()) {
            return;
        }
        held = false;
        keeper.withConnection(connection -> {
            for (long g = generation; g >= 1; g--) {
                removeIfThere(connection, ownerFile(g), false);
                removeIfThere(connection, generationDirectory(g), true);
            }
            connection.rmdir(lease);
        }, "Cannot remove the lease " + lease + "; a later writer takes it over after " + duration.toMillis() + " ms");
    }

    Duration renewInterval() {
        return duration.dividedBy(4);
    }

    /** Creates the lease directory; false when it was there already. */
    private boolean createLease(SftpConnection connection, boolean autoCreate) throws SftpException, IOException {
        try {
            connection.mkdir(lease);
            return true;
        } catch (SftpException e) {
            SftpATTRS existing = connection.statOrNull(lease);
            if (existing != null && existing.isDir()) {
                return false;
            }
            String directory = RemotePaths.parent(lease);
            if (existing != null || connection.statOrNull(directory) != null) {
                throw e;
            }
            if (!autoCreate) {
                throw new HusshTransferException(remotePath, "The remote directory " + directory + " does not exist;"
                                                             + " create it, or set autoCreate=true", e);
            }
            connection.mkdirs(directory);
            return createLease(connection, false);
        }
    }

    /** Creates generation {@code g}; false when another writer created it first, or the lease went away. */
    private boolean claim(SftpConnection connection, long g) throws SftpException {
        try {
            connection.mkdir(generationDirectory(g));
        } catch (SftpException e) {
            if (connection.statOrNull(generationDirectory(g)) != null || connection.statOrNull(lease) == null) {
                return false;
            }
            throw e;
        }
        synchronized (this) {
            LIVE.add(id);
            generation = g;
            renewals = 0;
            lastRenewalSent = System.nanoTime();
            connection.overwrite(ownerFile(g), ownerRecord(0));
            held = true;
        }
        keeper.keep(this);
        return true;
    }

    /** The newest generation in the lease, 0 when there is none yet (or the lease went away). */
    private long newestGeneration(SftpConnection connection) throws SftpException {
        long newest = 0;
        try {
            for (ChannelSftp.LsEntry entry : connection.list(lease)) {
                String name = entry.getFilename();
                if (name.startsWith(GENERATION)) {
                    try {
                        newest = Math.max(newest, Long.parseLong(name.substring(GENERATION.length())));
                    } catch (NumberFormatException e) {
                        // not one of ours: it names no generation
                    }
                }
            }
        } catch (SftpException e) {
            if (e.id != ChannelSftp.SSH_FX_NO_SUCH_FILE) {
                throw e;
            }
        }
        return newest;
    }

    private static void removeIfThere(SftpConnection connection, String path, boolean directory)
            throws SftpException {
        try {
            if (directory) {
                connection.rmdir(path);
            } else {
                connection.remove(path);
            }
        } catch (SftpException e) {
            if (e.id != ChannelSftp.SSH_FX_NO_SUCH_FILE) {
                throw e;
            }
        }
    }

    private String generationDirectory(long g) {
        return lease + "/" + GENERATION + g;
    }

    private String ownerFile(long g) {
        return generationDirectory(g) + "/owner";
    }

    /** Why the lease is no longer this upload's, as the server shows it; {@code null} while it is. */
    private String lossReason(SftpConnection connection) throws SftpException {
        if (lost) {
            return "it could not be renewed in time";
        }
        if (System.nanoTime() - lastRenewalSent >= validity()) {
            return "it was not renewed for " + validity() / 1_000_000 + " ms";
        }
        if (connection.statOrNull(generationDirectory(generation + 1)) != null) {
            return "another writer took it over";
        }
        String owner = readOwner(connection, generation);
        if (!owner.contains("owner=" + id + "\n")) {
            // generations start again at 1 after a release: the number alone may be another writer's now
            return owner.isEmpty() ? "it was removed" : "it now belongs to " + describe(owner);
        }
        return null;
    }

    private void markLost(String reason) {
        lossReason = reason;
        lost = true;
        for (SftpConnection connection : writers) {
            connection.abort();
        }
    }

    /** How long after its last renewal a holder still counts on the lease: a quarter short of a duration. */
    private long validity() {
        return duration.toNanos() / 4 * 3;
    }

    private long pollInterval() {
        return Math.max(10, Math.min(1000, duration.toMillis() / 10));
    }

    /** The owner record of generation {@code g}; empty when its holder died before writing it. */
    private String readOwner(SftpConnection connection, long g) throws SftpException {
        try {
            return new String(connection.read(ownerFile(g), 0, 4096), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SftpException(ChannelSftp.SSH_FX_FAILURE, "cannot read " + ownerFile(g), e);
        } catch (SftpException e) {
            if (e.id == ChannelSftp.SSH_FX_NO_SUCH_FILE) {
                return "";
            }
            throw e;
        }
    }

    private byte[] ownerRecord(long count) {
        // every record of one holder has one length, so a renewal rewrites it in place
        return ("owner=" + id + "\ninstance=" + INSTANCE + "\nwriter=" + WRITER + "\nrenewals="
                + String.format("%019d", count) + "\nduration=" + duration.toMillis()
                + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A lease of this JVM's that no transfer of it holds any more (one that could not release it, the server being
     * down): it is known dead without waiting for it to go stale.
     */
    private static boolean abandonedHere(String owner) {
        String ownerId = field(owner, "owner");
        return INSTANCE.equals(field(owner, "instance")) && ownerId != null && !LIVE.contains(ownerId);
    }

    private Duration durationOf(String owner) {
        String millis = field(owner, "duration");
        try {
            return millis == null ? duration : Duration.ofMillis(Long.parseLong(millis));
        } catch (NumberFormatException e) {
            return duration;
        }
    }

    private static String describe(String owner) {
        String writer = field(owner, "writer");
        return writer == null ? "a writer that left no name" : writer;
    }

    private static String field(String record, String name) {
        for (String line : record.split("\n")) {
            if (line.startsWith(name + "=")) {
                return line.substring(name.length() + 1).trim();
            }
        }
        return null;
    }

    private static String writerName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "unknown-host";
        }
        return "process " + ManagementFactory.getRuntimeMXBean().getPid() + " on " + host;
    }

    private record Observation(long generation, String owner, long since) {
    }
}
