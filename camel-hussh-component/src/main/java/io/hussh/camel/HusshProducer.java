package io.hussh.camel;

import java.io.File;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;

import io.hussh.sftp.RemotePaths;
import io.hussh.sftp.TransferResult;
import io.hussh.sftp.TransferSource;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.WrappedFile;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.support.DefaultAsyncProducer;
import org.apache.camel.support.ExchangeHelper;

/**
 * Uploads the message body or downloads a remote file. Transfers run on the endpoint's worker pool, so a route thread
 * is not held for the length of a transfer.
 */
public class HusshProducer extends DefaultAsyncProducer {

    private WritableHealthCheckRepository healthChecks;
    private HusshHealthCheck healthCheck;

    public HusshProducer(HusshEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public HusshEndpoint getEndpoint() {
        return (HusshEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        // the repository exists only when camel-health is on the classpath
        healthChecks = HealthCheckHelper.getHealthCheckRepository(getEndpoint().getCamelContext(), "producers",
                WritableHealthCheckRepository.class);
        if (healthChecks != null && getEndpoint().getComponent().isHealthCheckProducerEnabled()) {
            healthCheck = new HusshHealthCheck(getEndpoint());
            healthChecks.addHealthCheck(healthCheck);
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (healthCheck != null) {
            healthChecks.removeHealthCheck(healthCheck);
            healthCheck = null;
        }
        super.doStop();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        try {
            getEndpoint().submit(new TransferTask(exchange, callback));
            return false;
        } catch (RejectedExecutionException e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
    }

    /** One exchange's transfer on the worker pool; its callback is called exactly once, whatever happens. */
    final class TransferTask implements Runnable {

        private final Exchange exchange;
        private final AsyncCallback callback;

        TransferTask(Exchange exchange, AsyncCallback callback) {
            this.exchange = exchange;
            this.callback = callback;
        }

        @Override
        public void run() {
            long start = System.nanoTime();
            HusshOperation operation = getEndpoint().getConfiguration().getOperation();
            try {
                Object header = exchange.getMessage().getHeader(HusshConstants.OPERATION);
                operation = header == null ? operation : HusshOperation.parse(header);
                TransferResult result = transfer(exchange, operation);
                getEndpoint().recorder().completed(RecordedOperation.of(operation), result,
                        Duration.ofNanos(System.nanoTime() - start));
            } catch (Throwable e) {
                getEndpoint().recorder().failed(RecordedOperation.of(operation),
                        Duration.ofNanos(System.nanoTime() - start));
                exchange.setException(e);
            } finally {
                callback.done(false);
            }
        }

        /** Ends an exchange whose transfer never started because the endpoint stopped. */
        void reject(RejectedExecutionException reason) {
            exchange.setException(reason);
            callback.done(false);
        }
    }

    private TransferResult transfer(Exchange exchange, HusshOperation operation) throws Exception {
        TransferResult result = operation == HusshOperation.upload ? upload(exchange) : download(exchange);
        HusshHeaders.apply(exchange.getMessage(), result);
        return result;
    }

    private TransferResult upload(Exchange exchange) throws Exception {
        Message message = exchange.getMessage();
        Object body = message.getBody();
        if (body instanceof WrappedFile<?> wrapped) {
            body = wrapped.getFile();
        }
        String name = getEndpoint().fileName(exchange);
        TransferSource source;
        if (body instanceof File file) {
            source = TransferSource.file(file.toPath());
            name = name != null ? name : file.getName();
        } else if (body instanceof Path path) {
            source = TransferSource.file(path);
            name = name != null ? name : String.valueOf(path.getFileName());
        } else if (body instanceof byte[] bytes) {
            source = TransferSource.bytes(bytes);
        } else if (body instanceof String text) {
            source = TransferSource.bytes(text.getBytes(ExchangeHelper.getCharsetName(exchange)));
        } else if (body == null) {
            throw new IllegalArgumentException("The message body is empty: nothing to upload. Send a File, Path, byte[],"
                                               + " String or InputStream.");
        } else {
            source = TransferSource.stream(message.getMandatoryBody(InputStream.class));
        }
        HusshEndpointOptions options = getEndpoint().options();
        String remotePath = RemotePaths.resolve(options.remoteDirectory(), requireName(name));
        return getEndpoint().transfers().upload(source, remotePath, options.transfer());
    }

    private TransferResult download(Exchange exchange) throws Exception {
        HusshEndpointOptions options = getEndpoint().options();
        Path localDirectory = HusshOptionResolver.localDirectory(options, HusshOptionResolver.LocalDirectoryUse.DOWNLOAD);
        String relative = RemotePaths.relativeName(requireName(getEndpoint().fileName(exchange)));
        String remotePath = RemotePaths.resolve(options.remoteDirectory(), relative);
        TransferResult result = getEndpoint().transfers().download(remotePath, localDirectory.resolve(relative),
                options.transfer());
        exchange.getMessage().setBody(new File(result.writtenPath()));
        return result;
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("No file name: set header " + HusshConstants.FILE_NAME
                                               + " or the fileName option");
        }
        return name;
    }
}
