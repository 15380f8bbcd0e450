package io.hussh.karaf;

import org.osgi.framework.BundleContext;

/**
 * What the routes move and where, read from the container's properties (the test writes them to Karaf's
 * {@code etc/system.properties}).
 */
record RoutesSettings(String uploadFile, String uploadUri, String consumeUri) {

    static RoutesSettings from(BundleContext bundle) {
        return new RoutesSettings(required(bundle, "hussh.karaf.upload.file"), required(bundle, "hussh.karaf.upload.uri"),
                required(bundle, "hussh.karaf.consume.uri"));
    }

    private static String required(BundleContext bundle, String key) {
        String value = bundle.getProperty(key);
        if (value == null) {
            throw new IllegalStateException("Set " + key + " in the container's etc/system.properties");
        }
        return value;
    }
}
