package io.hussh.bench;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;

/**
 * A Camel component as a client: uploads through a producer, downloads through the component's polling consumer
 * (camel-ftp has no download producer, and a consumer is how users of either component fetch files).
 */
final class CamelClient implements SftpClient {

    private static final AtomicInteger ROUTES = new AtomicInteger();

    private final CamelContext context;
    private final String uriTemplate;
    private final String downloadOptions;
    private final int redeliveries;
    private final boolean downloadsThroughProducer;
    private final Set<String> uris = ConcurrentHashMap.newKeySet();

    /**
     * @param uriTemplate     endpoint URI with {@code %s} for the remote directory
     * @param downloadOptions consumer options with {@code %s} for the local directory
     */
    CamelClient(CamelContext context, String uriTemplate, String downloadOptions, int redeliveries) {
        this(context, uriTemplate, downloadOptions, redeliveries, false);
    }

    private CamelClient(CamelContext context, String uriTemplate, String downloadOptions, int redeliveries,
                        boolean downloadsThroughProducer) {
        this.context = context;
        this.uriTemplate = uriTemplate;
        this.downloadOptions = downloadOptions;
        this.redeliveries = redeliveries;
        this.downloadsThroughProducer = downloadsThroughProducer;
    }

    /** The same client downloading through its producer ({@code operation=download}), as a route that fetches does. */
    CamelClient downloadingThroughProducer() {
        return new CamelClient(context, uriTemplate, downloadOptions, redeliveries, true);
    }

    @Override
    public void upload(List<Path> files, String remoteDirectory) throws Exception {
        String uri = remember(uriTemplate.formatted(remoteDirectory));
        String routeId = null;
        if (redeliveries > 0) {
            routeId = "upload-" + ROUTES.incrementAndGet();
            addRoute(routeId, "direct:" + routeId, uri);
            uri = "direct:" + routeId;
        }
        try (ProducerTemplate template = context.createProducerTemplate()) {
            for (Path file : files) {
                Exchange sent = template.send(uri, exchange -> {
                    exchange.getMessage().setBody(file.toFile());
                    exchange.getMessage().setHeader(Exchange.FILE_NAME, file.getFileName().toString());
                });
                if (sent.getException() != null) {
                    throw sent.getException();
                }
            }
        } finally {
            if (routeId != null) {
                removeRoute(routeId);
            }
        }
    }

    /** Sends every file at once through a route that hands each exchange to one of as many threads. */
    @Override
    public void uploadAtOnce(List<Path> files, String remoteDirectory) throws Exception {
        String uri = remember(uriTemplate.formatted(remoteDirectory));
        String routeId = "concurrent-" + ROUTES.incrementAndGet();
        int threads = files.size();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:" + routeId).routeId(routeId).threads(threads, threads).to(uri);
            }
        });
        try (ProducerTemplate template = context.createProducerTemplate()) {
            List<CompletableFuture<Exchange>> sent = new ArrayList<>();
            for (Path file : files) {
                sent.add(template.asyncSend("direct:" + routeId, exchange -> {
                    exchange.getMessage().setBody(file.toFile());
                    exchange.getMessage().setHeader(Exchange.FILE_NAME, file.getFileName().toString());
                }));
            }
            for (CompletableFuture<Exchange> exchange : sent) {
                if (exchange.get().getException() != null) {
                    throw exchange.get().getException();
                }
            }
        } finally {
            removeRoute(routeId);
        }
    }

    private void addRoute(String routeId, String from, String to) throws Exception {
        int attempts = redeliveries;
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // the benchmark reports the outcome; a stack trace per attempt would bury its output
                errorHandler(defaultErrorHandler().maximumRedeliveries(attempts).redeliveryDelay(100)
                        .retryAttemptedLogLevel(LoggingLevel.DEBUG).logExhausted(false));
                from(from).routeId(routeId).to(to);
            }
        });
    }

    @Override
    public long download(String remoteDirectory, List<String> names, Path localDirectory) throws Exception {
        if (downloadsThroughProducer) {
            return downloadThroughProducer(remoteDirectory, names, localDirectory);
        }
        // one poll only: the next would come in an hour
        String uri = remember(uriTemplate.formatted(remoteDirectory)
                              + downloadOptions.formatted(localDirectory) + "&initialDelay=0&delay=3600000");
        String routeId = "download-" + ROUTES.incrementAndGet();
        CountDownLatch arrived = new CountDownLatch(names.size());
        AtomicLong bytes = new AtomicLong();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId(routeId).process(exchange -> {
                    bytes.addAndGet(exchange.getMessage().getBody(File.class).length());
                    arrived.countDown();
                });
            }
        });
        try {
            // a consumer logs its failures instead of throwing them: give up when nothing arrives for long
            for (long left = arrived.getCount(); !arrived.await(10, TimeUnit.MINUTES); left = arrived.getCount()) {
                if (arrived.getCount() == left) {
                    throw new IllegalStateException((names.size() - left) + " of " + names.size()
                                                    + " files arrived, then none for 10 minutes; see the log");
                }
            }
            return bytes.get();
        } finally {
            removeRoute(routeId);
        }
    }

    private long downloadThroughProducer(String remoteDirectory, List<String> names, Path localDirectory)
            throws Exception {
        String uri = remember(uriTemplate.formatted(remoteDirectory) + "&operation=download"
                              + downloadOptions.formatted(localDirectory));
        long bytes = 0;
        try (ProducerTemplate template = context.createProducerTemplate()) {
            for (String name : names) {
                Exchange fetched = template.send(uri,
                        exchange -> exchange.getMessage().setHeader(Exchange.FILE_NAME, name));
                if (fetched.getException() != null) {
                    throw fetched.getException();
                }
                bytes += fetched.getMessage().getBody(File.class).length();
            }
        }
        return bytes;
    }

    private void removeRoute(String routeId) throws Exception {
        context.getRouteController().stopRoute(routeId);
        context.removeRoute(routeId);
    }

    private String remember(String uri) {
        uris.add(uri);
        return uri;
    }

    /** Stopping an endpoint closes its sessions: hussh's pool, camel-ftp's consumer connection. */
    @Override
    public void disconnect() throws Exception {
        for (String uri : uris) {
            Endpoint endpoint = context.hasEndpoint(uri);
            if (endpoint != null) {
                context.removeEndpoint(endpoint);
            }
        }
        uris.clear();
    }
}
