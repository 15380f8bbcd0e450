package io.hussh.karaf;

import org.apache.camel.CamelContext;
import org.apache.camel.karaf.core.OsgiDefaultCamelContext;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * Starts a Camel context in Karaf the way camel-karaf's own Java DSL deployments do: an {@link OsgiDefaultCamelContext}
 * finds the {@code hussh} component through camel-karaf's bundle extender, as it would any component bundle.
 */
public final class RoutesActivator implements BundleActivator {

    private CamelContext camel;

    @Override
    public void start(BundleContext bundle) throws Exception {
        camel = new OsgiDefaultCamelContext(bundle);
        camel.addRoutes(new HusshRoutes(RoutesSettings.from(bundle)));
        camel.start();
    }

    @Override
    public void stop(BundleContext bundle) throws Exception {
        camel.close();
    }
}
