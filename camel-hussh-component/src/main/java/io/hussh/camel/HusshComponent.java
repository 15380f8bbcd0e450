package io.hussh.camel;

import java.util.Map;

import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;

/** The {@code hussh:} component: atomic and resumable SFTP transfers. */
@Component("hussh")
public class HusshComponent extends HealthCheckComponent {

    @Metadata(description = "Defaults for every endpoint of this component, e.g. camel.component.hussh.atomic=true in"
                            + " Camel Main or Spring Boot; endpoint URIs override them.")
    private HusshConfiguration configuration = new HusshConfiguration();

    public HusshConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(HusshConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        HusshConfiguration configuration = this.configuration.copy();
        parseAddress(remaining, configuration);
        HusshEndpoint endpoint = new HusshEndpoint(uri, this, configuration);
        setProperties(endpoint, parameters);
        return endpoint;
    }

    /** Reads {@code [username@]host[:port]/remote/directory}; IPv6 hosts go in brackets. */
    static void parseAddress(String remaining, HusshConfiguration configuration) {
        String address = remaining.startsWith("//") ? remaining.substring(2) : remaining;
        int slash = address.indexOf('/');
        String authority = slash < 0 ? address : address.substring(0, slash);
        configuration.setDirectoryName(slash < 0 ? "/" : address.substring(slash));

        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            configuration.setUsername(authority.substring(0, at));
            authority = authority.substring(at + 1);
        }
        String host = authority;
        String port = null;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("Unclosed '[' in the host of hussh:" + remaining);
            }
            host = authority.substring(1, close);
            String rest = authority.substring(close + 1);
            port = rest.startsWith(":") ? rest.substring(1) : null;
        } else if (authority.indexOf(':') >= 0) {
            host = authority.substring(0, authority.indexOf(':'));
            port = authority.substring(authority.indexOf(':') + 1);
        }
        if (host.isEmpty()) {
            throw new IllegalArgumentException("No host in hussh:" + remaining
                                               + "; use hussh:[user@]host[:port]/remote/directory");
        }
        configuration.setHost(host);
        if (port != null && !port.isEmpty()) {
            try {
                configuration.setPort(Integer.parseInt(port));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("The port '" + port + "' in hussh:" + remaining
                                                   + " is not a number", e);
            }
        }
    }
}
