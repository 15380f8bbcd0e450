package io.hussh.camel;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;

import io.hussh.sftp.HusshTransferException;
import io.hussh.sftp.RemoteFile;
import io.hussh.sftp.RemotePaths;
import io.hussh.sftp.TransferResult;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.ScheduledBatchPollingConsumer;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls a remote directory and downloads each new file into localDirectory through the same transfer core as the
 * producer (atomic and resumable), then hands the local file to the route. Each file is claimed in the idempotent
 * repository before its download, so consumers on several nodes sharing one repository deliver it once in all; a
 * failed download or route releases the claim, and the file is tried again on the next poll.
 */
public class HusshConsumer extends ScheduledBatchPollingConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(HusshConsumer.class);

    /** How many delivered files the default in-memory repository remembers. */
    private static final int MEMORY_REPOSITORY_SIZE = 100_000;
    /** How many refused listing entries are remembered, so each is logged once. */
    private static final int REFUSED_NAMES_REMEMBERED = 10_000;

    private final HusshConfiguration configuration;
    private final HusshConsumerOptions options;
    private final Path localDirectory;
    private IdempotentRepository repository;
    /** Downloads of the running poll that completed and that failed: a poll whose downloads all fail is a failure. */
    private int downloadsDone;
    private int downloadsFailed;
    private volatile long downloadFailuresInARow;
    private volatile Exception lastDownloadFailure;
    private final Set<String> refusedNames = Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REFUSED_NAMES_REMEMBERED;
        }
    });

    public HusshConsumer(HusshEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.configuration = endpoint.getConfiguration();
        this.options = endpoint.options().consumer();
        this.localDirectory = HusshOptionResolver.localDirectory(endpoint.options(),
                HusshOptionResolver.LocalDirectoryUse.CONSUMER);
    }

    @Override
    public HusshEndpoint getEndpoint() {
        return (HusshEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        if (configuration.isIdempotent()) {
            repository = configuration.getIdempotentRepository() != null
                    ? configuration.getIdempotentRepository()
                    : MemoryIdempotentRepository.memoryIdempotentRepository(MEMORY_REPOSITORY_SIZE);
            ServiceHelper.startService(repository);
        }
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        if (repository != null && configuration.getIdempotentRepository() == null) {
            ServiceHelper.stopService(repository);
        }
    }

    @Override
    protected int poll() throws Exception {
        List<RemoteFile> files = candidates();
        Queue<Object> batch = new ArrayDeque<>();
        for (RemoteFile file : files) {
            if (claim(file)) {
                batch.add(file);
            }
        }
        downloadsDone = 0;
        downloadsFailed = 0;
        int polled = processBatch(batch);
        if (downloadsFailed > 0 && downloadsDone == 0) {
            downloadFailuresInARow++;
        } else {
            downloadFailuresInARow = 0;
            lastDownloadFailure = null;
        }
        return polled;
    }

    /**
     * Polls that failed in a row, for Camel's consumer health check: those whose listing failed (Camel's count) and
     * those that listed but whose downloads all failed, each reported once, by the exception handler, when it
     * happened.
     */
    @Override
    public long getErrorCounter() {
        return super.getErrorCounter() + downloadFailuresInARow;
    }

    @Override
    protected Throwable getLastError() {
        Throwable listing = super.getLastError();
        return listing != null ? listing : lastDownloadFailure;
    }

    @Override
    public int processBatch(Queue<Object> batch) throws Exception {
        int total = batch.size();
        try {
            for (int index = 0; index < total && isBatchAllowed(); index++) {
                RemoteFile file = (RemoteFile) batch.poll();
                Exchange exchange = getEndpoint().createExchange();
                Message message = exchange.getMessage();
                message.setHeader(HusshConstants.BATCH_INDEX, index);
                message.setHeader(HusshConstants.BATCH_SIZE, total);
                message.setHeader(HusshConstants.BATCH_COMPLETE, index == total - 1);
                pendingExchanges = total - index - 1;
                deliver(file, exchange);
            }
        } finally {
            // files claimed but not delivered (the consumer is stopping, or a repository failed) go back for the
            // next poll
            for (Object left : batch) {
                release((RemoteFile) left);
            }
        }
        return total;
    }

    /** The remote files this poll may deliver, filtered and sorted, at most maxMessagesPerPoll of them. */
    private List<RemoteFile> candidates() throws Exception {
        String directory = getEndpoint().options().remoteDirectory();
        int depth = options.depth();
        List<RemoteFile> listed = getEndpoint().transfers().list(directory, depth);
        if (configuration.getReadLock() == HusshReadLock.changed) {
            listed = unchangedAfter(listed, directory, depth);
        }
        long now = System.currentTimeMillis();
        List<RemoteFile> selected = new ArrayList<>();
        for (RemoteFile file : listed) {
            if (safeName(file) && wanted(file) && now - file.lastModified() >= configuration.getMinAge()) {
                selected.add(file);
            }
        }
        selected.sort(configuration.getSortBy().order());
        int limit = configuration.getMaxMessagesPerPoll();
        return limit > 0 && selected.size() > limit ? selected.subList(0, limit) : selected;
    }

    /**
     * A name the server lists that would leave localDirectory (a {@code ..} segment, an absolute name) is passed over,
     * and said once per entry rather than on every poll.
     */
    private boolean safeName(RemoteFile file) {
        try {
            RemotePaths.relativeName(file.relativePath());
            return true;
        } catch (IllegalArgumentException e) {
            if (refusedNames.add(file.path())) {
                LOG.warn("Skipping {} as listed by the server: {}. It is not downloaded, and not reported again while"
                         + " it stays listed.", file.path(), e.getMessage());
            }
            return false;
        }
    }

    private boolean wanted(RemoteFile file) {
        String name = file.name();
        return !options.transfer().sideFiles().isSideFile(name)
               && (options.include() == null || options.include().matcher(name).matches())
               && (options.exclude() == null || !options.exclude().matcher(name).matches())
               && (repository == null || !repository.contains(key(file)));
    }

    /** Lists again after readLockCheckInterval and keeps the files whose size and time did not move. */
    private List<RemoteFile> unchangedAfter(List<RemoteFile> first, String directory, int depth) throws Exception {
        Thread.sleep(configuration.getReadLockCheckInterval());
        Map<String, RemoteFile> before = new HashMap<>();
        first.forEach(file -> before.put(file.path(), file));
        List<RemoteFile> unchanged = new ArrayList<>();
        for (RemoteFile now : getEndpoint().transfers().list(directory, depth)) {
            RemoteFile then = before.get(now.path());
            if (then != null && then.size() == now.size() && then.lastModified() == now.lastModified()) {
                unchanged.add(now);
            }
        }
        return unchanged;
    }

    private void deliver(RemoteFile file, Exchange exchange) {
        TransferResult result;
        long start = System.nanoTime();
        try {
            Path local = localDirectory.resolve(RemotePaths.relativeName(file.relativePath()));
            result = getEndpoint().transfers().download(file.path(), local, options.transfer());
        } catch (HusshTransferException | RuntimeException e) {
            getEndpoint().recorder().failed(RecordedOperation.POLL, Duration.ofNanos(System.nanoTime() - start));
            downloadsFailed++;
            lastDownloadFailure = e;
            release(file);
            getExceptionHandler().handleException("Could not download " + file.path()
                                                  + "; it is tried again on the next poll", exchange, e);
            return;
        }
        Message message = exchange.getMessage();
        message.setBody(new File(result.writtenPath()));
        message.setHeader(HusshConstants.FILE_NAME, file.relativePath());
        message.setHeader(HusshConstants.FILE_LENGTH, file.size());
        message.setHeader(HusshConstants.FILE_LAST_MODIFIED, file.lastModified());
        HusshHeaders.apply(message, result);
        getEndpoint().recorder().completed(RecordedOperation.POLL, result, Duration.ofNanos(System.nanoTime() - start));
        downloadsDone++;

        try {
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        if (exchange.getException() == null) {
            completed(file);
        } else {
            failed(file, exchange);
        }
    }

    private void completed(RemoteFile file) {
        try {
            if (configuration.isDelete()) {
                getEndpoint().transfers().delete(file.path());
            } else if (options.moveDirectory() != null) {
                getEndpoint().transfers().moveTo(file.path(), options.moveDirectory());
            }
            if (repository != null) {
                repository.confirm(key(file));
            }
        } catch (HusshTransferException | RuntimeException e) {
            getExceptionHandler().handleException("Delivered " + file.path() + " but could not "
                                                  + (configuration.isDelete() ? "delete" : "move") + " it", e);
        }
    }

    private void failed(RemoteFile file, Exchange exchange) {
        Exception failure = exchange.getException();
        String outcome = "it stays for the next poll";
        if (options.moveFailedDirectory() != null) {
            try {
                String moved = getEndpoint().transfers().moveTo(file.path(), options.moveFailedDirectory());
                outcome = "it was moved to " + moved;
            } catch (HusshTransferException | RuntimeException e) {
                failure.addSuppressed(e);
                outcome = "moving it to moveFailed failed too, so it stays for the next poll";
            }
        }
        release(file);
        getExceptionHandler().handleException("The route failed on " + file.path() + "; " + outcome, exchange, failure);
    }

    /** Claims the file for this consumer; false when it was delivered before or another consumer has it. */
    private boolean claim(RemoteFile file) {
        return repository == null || repository.add(key(file));
    }

    private void release(RemoteFile file) {
        if (repository != null) {
            repository.remove(key(file));
        }
    }

    /** A file replaced with new content has a new key, so it is delivered again. */
    private static String key(RemoteFile file) {
        return file.path() + "|" + file.size() + "|" + file.lastModified();
    }
}
