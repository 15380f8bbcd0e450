package io.hussh.camel;

import java.util.HashMap;
import java.util.Map;

import io.hussh.sftp.HusshTransferException;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckResultBuilder;

/**
 * Readiness of one endpoint: can it connect, log in and see its remote directory. Registered in Camel's producer
 * health checks, which Camel 4 runs only when {@code camel.health.producersEnabled=true}.
 */
final class HusshHealthCheck implements HealthCheck {

    private final HusshEndpoint endpoint;
    private volatile boolean enabled = true;

    HusshHealthCheck(HusshEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public String getGroup() {
        return "hussh";
    }

    @Override
    public String getId() {
        HusshConfiguration configuration = endpoint.getConfiguration();
        return "hussh:" + configuration.getHost() + ":" + configuration.getPort() + endpoint.options().remoteDirectory();
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public Result call(Map<String, Object> options) {
        HealthCheckResultBuilder result = HealthCheckResultBuilder.on(this);
        Map<String, Object> details = new HashMap<>();
        details.put(ENDPOINT_URI, endpoint.toString());
        result.details(details);
        try {
            endpoint.transfers().probe(endpoint.options().remoteDirectory());
            return result.up().build();
        } catch (HusshTransferException | RuntimeException e) {
            // a stopped endpoint has no transfers to ask
            return result.down().message(String.valueOf(e.getMessage())).error(e).build();
        }
    }
}
