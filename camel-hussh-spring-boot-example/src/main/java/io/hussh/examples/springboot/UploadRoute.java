package io.hussh.examples.springboot;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** Uploads what is sent to direct:upload; atomic, resume and credentials are component defaults, not in the URI. */
@Component
public class UploadRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("direct:upload").routeId("spring-upload")
                .to("hussh:{{sftp.user}}@{{sftp.host}}:{{sftp.port}}/outbox")
                .log("Uploaded ${header.CamelFileName}: ${header.CamelHusshBytesTransferred} bytes");
    }
}
