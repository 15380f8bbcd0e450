package io.hussh.camel;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import io.hussh.sftp.SftpTransfers;
import io.hussh.sftp.TransferStatus;
import org.apache.camel.AsyncEndpoint;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.Expression;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.spi.ExecutorServiceManager;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.ScheduledPollEndpoint;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;

/**
 * Upload, download and poll files over SFTP atomically (temporary name, then atomic rename) and resumably (only the
 * missing bytes are sent after an interruption).
 */
@ManagedResource(description = "Managed hussh endpoint: transfer counters")
@UriEndpoint(firstVersion = "0.1.0", scheme = "hussh", title = "Hussh SFTP", syntax = "hussh:host:port/directoryName",
             category = { Category.FILE }, headersClass = HusshConstants.class)
public class HusshEndpoint extends ScheduledPollEndpoint implements AsyncEndpoint {

    @UriParam
    private HusshConfiguration configuration;

    private HusshEndpointOptions options;
    private Expression fileNameExpression;
    private volatile SftpTransfers transfers;
    private volatile ExecutorService workerPool;
    private final TransferCounters counters = new TransferCounters();
    private TransferRecorder recorder = counters;

    public HusshEndpoint(String uri, HusshComponent component, HusshConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
    }

    @Override
    public HusshComponent getComponent() {
        return (HusshComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        return new HusshProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        HusshConsumer consumer = new HusshConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    public HusshConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(HusshConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        options = HusshOptionResolver.resolve(configuration);
        if (configuration.getFileName() != null) {
            fileNameExpression = getCamelContext().resolveLanguage("simple")
                    .createExpression(configuration.getFileName());
            fileNameExpression.init(getCamelContext());
        }
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        transfers = new SftpTransfers(options.connection(), options.reconnect(), configuration.getProgressListener());
        recorder = recorderWithMeters();
        ThreadPoolProfile profile = new ThreadPoolProfile("HusshTransfer");
        profile.setPoolSize(options.workerPoolSize());
        profile.setMaxPoolSize(options.workerPoolSize());
        profile.setKeepAliveTime(60L);
        profile.setTimeUnit(TimeUnit.SECONDS);
        profile.setMaxQueueSize(1000);
        // the default, CallerRuns, would run a transfer on the route's thread, and a stopped pool would drop tasks
        // silently, leaving their exchanges waiting forever
        profile.setRejectedPolicy(ThreadPoolRejectedPolicy.Abort);
        workerPool = getCamelContext().getExecutorServiceManager().newThreadPool(this, "HusshTransfer", profile);
    }

    @Override
    protected void doStop() throws Exception {
        if (workerPool != null) {
            stopWorkers();
        }
        if (transfers != null) {
            transfers.close();
            transfers = null;
        }
        super.doStop();
    }

    /** Lets running and queued transfers finish; after the graceful timeout, fails the exchanges still queued. */
    private void stopWorkers() throws InterruptedException {
        ExecutorServiceManager manager = getCamelContext().getExecutorServiceManager();
        ExecutorService pool = workerPool;
        workerPool = null;
        pool.shutdown();
        if (!pool.awaitTermination(manager.getShutdownAwaitTermination(), TimeUnit.MILLISECONDS)) {
            // the pool's own list: Camel's shutdownNow returns none for a pool that is already shutting down
            for (Runnable never : pool.shutdownNow()) {
                if (never instanceof HusshProducer.TransferTask task) {
                    task.reject(new RejectedExecutionException("The endpoint " + this + " stopped before the transfer began"));
                }
            }
        }
        // Camel's manager still lists the pool until told it is gone
        manager.shutdown(pool);
    }

    /** Runs a transfer on the worker pool; refuses it when the endpoint is not started or the queue is full. */
    void submit(Runnable transfer) {
        ExecutorService pool = workerPool;
        if (pool == null) {
            throw new RejectedExecutionException("The endpoint " + this + " is not started");
        }
        pool.execute(transfer);
    }

    /** The options as resolved when the endpoint initialised. */
    HusshEndpointOptions options() {
        if (options == null) {
            throw new IllegalStateException("The endpoint " + this + " is not initialised");
        }
        return options;
    }

    /** The file name from the fileName option, else header CamelFileName; null when neither gives one. */
    String fileName(Exchange exchange) {
        if (fileNameExpression != null) {
            return fileNameExpression.evaluate(exchange, String.class);
        }
        return exchange.getMessage().getHeader(HusshConstants.FILE_NAME, String.class);
    }

    /** Micrometer is optional: its classes are loaded only when it is on the classpath. */
    private TransferRecorder recorderWithMeters() {
        if (getCamelContext().getClassResolver().resolveClass("io.micrometer.core.instrument.MeterRegistry") == null) {
            return counters;
        }
        TransferRecorder meters = MicrometerTransferMeters.forEndpoint(getCamelContext(), this);
        return meters == null ? counters : TransferRecorder.both(counters, meters);
    }

    TransferCounters counters() {
        return counters;
    }

    TransferRecorder recorder() {
        return recorder;
    }

    /** Where each transfer of this endpoint running now stands; none while it is stopped. */
    List<TransferStatus> activeTransfers() {
        SftpTransfers running = transfers;
        return running == null ? List.of() : running.active();
    }

    @ManagedAttribute(description = "Files transferred completely, or found complete, since the endpoint started")
    public long getFilesTransferred() {
        return counters.files();
    }

    @ManagedAttribute(description = "Payload bytes sent or received")
    public long getBytesTransferred() {
        return counters.bytes();
    }

    @ManagedAttribute(description = "Bytes not sent again because a transfer resumed from a partial file")
    public long getBytesSavedByResume() {
        return counters.savedByResume();
    }

    @ManagedAttribute(description = "Reconnects after broken connections")
    public long getReconnects() {
        return counters.reconnects();
    }

    @ManagedAttribute(description = "Transfers that failed")
    public long getFailedTransfers() {
        return counters.failures();
    }

    SftpTransfers transfers() {
        return transfers;
    }
}
