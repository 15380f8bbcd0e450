package io.hussh.camel;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import io.hussh.sftp.TransferResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.BaseUnits;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.util.URISupport;

/**
 * One endpoint's transfers in Micrometer. The only class that names Micrometer's types, so that Micrometer stays an
 * optional dependency: {@link #forEndpoint} is called only once Micrometer is known to be on the classpath.
 */
final class MicrometerTransferMeters implements TransferRecorder {

    /** The name camel-micrometer gives the registry it looks up first. */
    static final String REGISTRY_NAME = "metricsRegistry";
    static final String BYTES = "hussh.transfer.bytes";
    static final String RESUME_SAVED = "hussh.transfer.resume.saved";
    static final String FILES = "hussh.transfer.files";
    static final String RECONNECTS = "hussh.transfer.reconnects";
    static final String DURATION = "hussh.transfer.duration";
    static final String ACTIVE = "hussh.transfer.active";

    private final Map<RecordedOperation, Meters> meters = new EnumMap<>(RecordedOperation.class);

    private MicrometerTransferMeters(MeterRegistry registry, HusshEndpoint endpoint) {
        String endpointTag = URISupport.sanitizeUri(endpoint.getEndpointBaseUri());
        for (RecordedOperation operation : RecordedOperation.values()) {
            meters.put(operation, new Meters(registry, Tags.of("endpoint", endpointTag, "direction",
                    operation.direction(), "operation", operation.tag())));
        }
        for (String direction : Set.of("upload", "download")) {
            boolean upload = direction.equals("upload");
            Gauge.builder(ACTIVE, endpoint, e -> e.activeTransfers().stream().filter(s -> s.upload() == upload).count())
                    .description("Transfers running now").tags("endpoint", endpointTag, "direction", direction)
                    .register(registry);
        }
    }

    /**
     * The meters of {@code endpoint} in the registry Camel finds, as camel-micrometer finds it: the bean named
     * {@value #REGISTRY_NAME}, else the only registry, else the composite among several; {@code null} when there is none.
     */
    static TransferRecorder forEndpoint(CamelContext context, HusshEndpoint endpoint) {
        MeterRegistry registry = context.getRegistry().lookupByNameAndType(REGISTRY_NAME, MeterRegistry.class);
        if (registry == null) {
            Set<MeterRegistry> all = context.getRegistry().findByType(MeterRegistry.class);
            registry = all.size() == 1 ? all.iterator().next()
                    : all.stream().filter(CompositeMeterRegistry.class::isInstance).findFirst().orElse(null);
        }
        return registry == null ? null : new MicrometerTransferMeters(registry, endpoint);
    }

    @Override
    public void completed(RecordedOperation operation, TransferResult result, Duration took) {
        Meters m = meters.get(operation);
        m.bytes.increment(result.bytesTransferred());
        if (!result.resumeRestarted()) {
            m.resumeSaved.increment(result.resumeOffset());
        }
        m.reconnects.increment(result.reconnects());
        m.completed.increment();
        m.completedTime.record(took);
    }

    @Override
    public void failed(RecordedOperation operation, Duration took) {
        Meters m = meters.get(operation);
        m.failed.increment();
        m.failedTime.record(took);
    }

    /** The meters of one operation. */
    private static final class Meters {

        final Counter bytes;
        final Counter resumeSaved;
        final Counter reconnects;
        final Counter completed;
        final Counter failed;
        final Timer completedTime;
        final Timer failedTime;

        Meters(MeterRegistry registry, Tags tags) {
            bytes = Counter.builder(BYTES).baseUnit(BaseUnits.BYTES).description("Payload bytes sent or received")
                    .tags(tags).register(registry);
            resumeSaved = Counter.builder(RESUME_SAVED).baseUnit(BaseUnits.BYTES)
                    .description("Bytes not sent again because a transfer resumed from a partial file")
                    .tags(tags).register(registry);
            reconnects = Counter.builder(RECONNECTS).description("Reconnects after broken connections")
                    .tags(tags).register(registry);
            completed = files(registry, tags, "completed");
            failed = files(registry, tags, "failed");
            completedTime = duration(registry, tags, "completed");
            failedTime = duration(registry, tags, "failed");
        }

        private static Counter files(MeterRegistry registry, Tags tags, String outcome) {
            return Counter.builder(FILES).baseUnit(BaseUnits.FILES).description("Files transferred, or whose transfer"
                                                                                 + " failed").tags(tags)
                    .tag("outcome", outcome).register(registry);
        }

        private static Timer duration(MeterRegistry registry, Tags tags, String outcome) {
            return Timer.builder(DURATION).description("Time a transfer took, its reconnects included").tags(tags)
                    .tag("outcome", outcome).register(registry);
        }
    }
}
