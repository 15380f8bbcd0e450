package io.hussh.karaf;

import java.io.File;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * One upload with {@code atomic=true&resume=true}, and a consumer downloading a remote outbox into its local directory
 * the same way; each writes a line to Karaf's log when its file is through.
 */
final class HusshRoutes extends RouteBuilder {

    private final RoutesSettings settings;

    HusshRoutes(RoutesSettings settings) {
        this.settings = settings;
    }

    @Override
    public void configure() {
        File upload = new File(settings.uploadFile());
        from("timer:upload?repeatCount=1").routeId("hussh-karaf-upload")
                .setBody(constant(upload))
                .setHeader(Exchange.FILE_NAME, constant(upload.getName()))
                .to(settings.uploadUri())
                .log("uploaded ${header.CamelHusshRemotePath}: ${header.CamelHusshBytesTransferred} bytes sent,"
                     + " ${header.CamelHusshReconnects} reconnect(s)");

        from(settings.consumeUri()).routeId("hussh-karaf-consume")
                .log("downloaded ${header.CamelHusshRemotePath}: ${header.CamelHusshBytesTransferred} bytes received");
    }
}
