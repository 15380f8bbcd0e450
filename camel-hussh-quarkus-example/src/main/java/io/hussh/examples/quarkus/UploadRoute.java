package io.hussh.examples.quarkus;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.camel.builder.RouteBuilder;

/**
 * Uploads what is sent to direct:upload. The server's address is a property placeholder; the login and host key
 * files are component defaults (camel.component.hussh.*), so no secret or path sits in the URI.
 */
@ApplicationScoped
public class UploadRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("direct:upload").routeId("quarkus-upload")
                .to("hussh:{{sftp.host}}:{{sftp.port}}/outbox?atomic=true&resume=true")
                .log("Uploaded ${header.CamelFileName}: ${header.CamelHusshBytesTransferred} bytes");
    }
}
