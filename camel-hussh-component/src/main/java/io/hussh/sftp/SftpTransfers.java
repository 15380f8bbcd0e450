package io.hussh.sftp;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.SftpATTRS;
import com.jcraft.jsch.SftpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point of the transfer core: uploads and downloads over pooled SFTP connections to one server, and the remote
 * file operations a consumer needs (list, probe, delete, move). Thread-safe; each call runs on its own connection.
 * Each transfer runs as {@link TransferAttempts}.
 */
public final class SftpTransfers implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SftpTransfers.class);

    /** Keepalives JSch may miss before it gives up, plus one interval of grace. */
    private static final int STALL_INTERVALS = 4;

    private final ConnectionSettings settings;
    private final SftpConnectionPool pool;
    /** The extra connections of split transfers, whose reply buffers are small ({@link SftpConnector#forStreams}). */
    private final SftpConnectionPool streamPool;
    private final StallWatchdog watchdog;
    private final TransferAttempts attempts;
    private final LeaseKeeper leaseKeeper;
    private final ReconnectPolicy reconnectPolicy;
    /** The extra connections all the split transfers of this instance share. */
    private final Semaphore streamAllowance;
    private final AtomicBoolean refusalLogged = new AtomicBoolean();
    private final ActiveTransfers active = new ActiveTransfers();

    /** Transfers that fail at the first broken connection. */
    public SftpTransfers(ConnectionSettings settings) throws IOException {
        this(settings, ReconnectPolicy.none(), null);
    }

    public SftpTransfers(ConnectionSettings settings, ReconnectPolicy reconnectPolicy) throws IOException {
        this(settings, reconnectPolicy, null);
    }

    /**
     * @param listener told how each transfer advances, or {@code null}; transfers of 64 MiB and more are also logged
     *                 at INFO every 5 s
     */
    public SftpTransfers(ConnectionSettings settings, ReconnectPolicy reconnectPolicy, TransferListener listener)
            throws IOException {
        this.settings = settings;
        this.pool = new SftpConnectionPool(new SftpConnector(settings));
        this.streamPool = new SftpConnectionPool(SftpConnector.forStreams(settings));
        this.watchdog = new StallWatchdog(settings.serverAliveInterval().multipliedBy(STALL_INTERVALS));
        this.attempts = new TransferAttempts(pool, watchdog, reconnectPolicy, settings.address(), listener, active);
        this.leaseKeeper = new LeaseKeeper(pool);
        this.reconnectPolicy = reconnectPolicy;
        this.streamAllowance = new Semaphore(Math.max(0, settings.parallelStreams()));
    }

    /** Uploads {@code source} to the absolute {@code remotePath}. */
    public TransferResult upload(TransferSource source, String remotePath, TransferOptions options)
            throws HusshTransferException {
        // the in-JVM lock spares writers of one process polling each other's lease; the lease is what keeps writers
        // on other hosts, or reaching the server under another name, apart
        try (PathLocks.Held held = PathLocks.JVM.lock(settings.host() + ":" + settings.port() + remotePath);
             RemoteLease lease = new RemoteLease(remotePath, options.leaseDuration(),
                     options.leaseWaitTimeout(), leaseKeeper)) {
            return attempts.upload(remotePath, source.repeatable(),
                    (connection, progress, commitMayHaveHappened) -> new Transfer(source,
                            new RemoteTarget(connection, pool, options, lease), remotePath, remotePath, options,
                            progress, commitMayHaveHappened, splitting(connection, lease,
                            streamConnection -> source,
                            streamConnection -> new RemoteTarget(streamConnection, streamPool, options, lease))));
        }
    }

    /** Downloads the absolute {@code remotePath} into {@code localFile}. */
    public TransferResult download(String remotePath, Path localFile, TransferOptions options)
            throws HusshTransferException {
        String local = localFile.toAbsolutePath().toString();
        try (PathLocks.Held held = PathLocks.JVM.lock(local);
             LocalLock lock = new LocalLock(Path.of(local), remotePath, options.leaseWaitTimeout())) {
            LocalTarget target = new LocalTarget(lock);
            return attempts.download(remotePath,
                    (connection, progress, commitMayHaveHappened) -> new Transfer(
                            new RemoteSource(connection, remotePath), target, local, remotePath, options,
                            progress, commitMayHaveHappened, splitting(connection, null,
                            streamConnection -> new RemoteSource(streamConnection, remotePath),
                            streamConnection -> target)));
        }
    }

    private Transfer.Splitting splitting(SftpConnection own, RemoteLease lease,
                                         Function<SftpConnection, TransferSource> sourceOn,
                                         Function<SftpConnection, TransferTarget> targetOn) {
        return new Transfer.Splitting(new PooledStreams(own, lease, sourceOn, targetOn), settings.parallelStreams(),
                reconnectPolicy);
    }

    /** The extra connections of one split transfer: pooled, watched for stalls, cut with the lease when it is lost. */
    private final class PooledStreams implements StreamConnections {

        private final SftpConnection own;
        private final RemoteLease lease;
        private final Function<SftpConnection, TransferSource> sourceOn;
        private final Function<SftpConnection, TransferTarget> targetOn;
        /** Connections {@link #prepare} is opening, each under a reservation of its own. */
        private final Deque<CompletableFuture<SftpConnection>> prepared = new ArrayDeque<>();
        /** Prepared connections whose reservations {@link #reserve} passed to the streams, for {@link #open}. */
        private final Deque<CompletableFuture<SftpConnection>> handedOver = new ArrayDeque<>();

        PooledStreams(SftpConnection own, RemoteLease lease, Function<SftpConnection, TransferSource> sourceOn,
                      Function<SftpConnection, TransferTarget> targetOn) {
            this.own = own;
            this.lease = lease;
            this.sourceOn = sourceOn;
            this.targetOn = targetOn;
        }

        @Override
        public void prepare(int wanted) {
            for (int i = 0; i < wanted && streamAllowance.tryAcquire(); i++) {
                CompletableFuture<SftpConnection> connection = new CompletableFuture<>();
                Thread thread = new Thread(() -> {
                    try {
                        connection.complete(streamPool.borrow());
                    } catch (IOException | RuntimeException e) {
                        connection.completeExceptionally(e);
                    }
                }, "hussh-connect " + settings.address());
                thread.setDaemon(true);
                thread.start();
                synchronized (this) {
                    prepared.add(connection);
                }
            }
        }

        @Override
        public synchronized int reserve(int wanted) {
            int granted = 0;
            while (granted < wanted && !prepared.isEmpty()) {
                // a prepared connection's reservation passes to the stream that will open it
                handedOver.add(prepared.poll());
                granted++;
            }
            while (granted < wanted && streamAllowance.tryAcquire()) {
                granted++;
            }
            return granted;
        }

        @Override
        public void unreserve(int count) {
            streamAllowance.release(count);
        }

        @Override
        public void dropPrepared() {
            List<CompletableFuture<SftpConnection>> reserved;
            List<CompletableFuture<SftpConnection>> untaken;
            synchronized (this) {
                reserved = new ArrayList<>(prepared);
                untaken = new ArrayList<>(handedOver);
                prepared.clear();
                handedOver.clear();
            }
            // waits for the connects in progress, so that the next transfer finds the whole allowance free
            for (CompletableFuture<SftpConnection> connection : reserved) {
                releaseWhenOpen(connection);
                streamAllowance.release();
            }
            untaken.forEach(this::releaseWhenOpen);
        }

        private void releaseWhenOpen(CompletableFuture<SftpConnection> connection) {
            try {
                streamPool.release(connection.join());
            } catch (CompletionException e) {
                LOG.debug("An extra connection opened ahead could not be opened: {}", e.getCause().toString());
            }
        }

        @Override
        public StreamConnection open(TransferProgress progress) throws IOException {
            SftpConnection connection = preparedOrNew();
            StallWatchdog.Watch watch = watchdog.watch(connection, progress);
            if (lease != null) {
                lease.attach(connection);
            }
            TransferSource source = sourceOn.apply(connection);
            TransferTarget target = targetOn.apply(connection);
            return new StreamConnection() {
                @Override
                public TransferSource source() {
                    return source;
                }

                @Override
                public TransferTarget target() {
                    return target;
                }

                @Override
                public void finish() {
                    watch.close();
                    detach(connection);
                    streamPool.release(connection);
                }

                @Override
                public FailureClassifier.Failure fail(Exception failure) {
                    boolean died = connection.lost();
                    watch.close();
                    detach(connection);
                    streamPool.discard(connection);
                    return FailureClassifier.classify(target.lostClaim(failure), died, watch.fired());
                }
            };
        }

        private SftpConnection preparedOrNew() throws IOException {
            CompletableFuture<SftpConnection> prepared;
            synchronized (this) {
                prepared = handedOver.poll();
            }
            if (prepared == null) {
                return streamPool.borrow();
            }
            try {
                return prepared.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw e;
            }
        }

        private void detach(SftpConnection connection) {
            if (lease != null) {
                lease.detach(connection);
            }
        }

        @Override
        public void refused(int got, int asked) {
            if (refusalLogged.compareAndSet(false, true)) {
                LOG.info("{} let a transfer open {} of the {} connections it asked for; transfers carry on with"
                         + " what they get (said once)", settings.address(), got, asked);
            }
        }

        @Override
        public Duration roundTrip() throws IOException {
            return own.roundTrip();
        }
    }

    /** The regular files below {@code directory}, down to {@code maxDepth} levels (1: the directory itself). */
    public List<RemoteFile> list(String directory, int maxDepth) throws HusshTransferException {
        return withConnection("Listing", directory, connection -> RemoteListing.files(connection, directory, maxDepth));
    }

    /** Connects, logs in and checks that {@code directory} is a directory: can this server be worked with now? */
    public void probe(String directory) throws HusshTransferException {
        withConnection("Checking", directory, connection -> {
            SftpATTRS attrs = connection.statOrNull(directory);
            if (attrs == null || !attrs.isDir()) {
                throw new SftpException(ChannelSftp.SSH_FX_NO_SUCH_FILE, directory + " is not a directory on the server");
            }
            return null;
        });
    }

    /** Removes a remote file; a file that is already gone is not an error. */
    public void delete(String remotePath) throws HusshTransferException {
        withConnection("Removing", remotePath, connection -> {
            try {
                connection.remove(remotePath);
            } catch (SftpException e) {
                if (e.id != ChannelSftp.SSH_FX_NO_SUCH_FILE) {
                    throw e;
                }
            }
            return null;
        });
    }

    /** Moves a remote file into {@code directory} (created when missing), keeping its name; returns the new path. */
    public String moveTo(String remotePath, String directory) throws HusshTransferException {
        String target = RemotePaths.resolve(directory, remotePath.substring(remotePath.lastIndexOf('/') + 1));
        return withConnection("Moving", remotePath, connection -> {
            connection.mkdirs(directory);
            connection.rename(remotePath, target);
            return target;
        });
    }

    /** Where each upload and download running now stands. */
    public List<TransferStatus> active() {
        return active.statuses();
    }

    /** Number of SSH sessions open now, busy or idle. */
    public int openConnections() {
        return pool.openConnections() + streamPool.openConnections();
    }

    @Override
    public void close() {
        leaseKeeper.close();
        pool.close();
        streamPool.close();
        watchdog.close();
    }

    private interface RemoteWork<T> {
        T run(SftpConnection connection) throws SftpException;
    }

    private <T> T withConnection(String what, String remotePath, RemoteWork<T> work) throws HusshTransferException {
        SftpConnection connection = null;
        try {
            connection = pool.borrow();
            T result = work.run(connection);
            pool.release(connection);
            return result;
        } catch (SftpException e) {
            pool.discard(connection);
            throw new HusshTransferException(remotePath, what + " " + remotePath + " on " + settings.address()
                                                         + " failed: " + SftpErrors.describe(e), e);
        } catch (IOException | RuntimeException e) {
            if (connection != null) {
                pool.discard(connection);
            }
            throw new HusshTransferException(remotePath, what + " " + remotePath + " on " + settings.address()
                                                         + " failed: " + e.getMessage(), e);
        }
    }
}
