package io.hussh.examples.quarkus;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.camel.builder.RouteBuilder;

/**
 * Polls the partner's remote outbox and downloads each new file into the local inbox, then archives it remotely in
 * .done. With atomic=true the inbox never shows a partial file; with resume=true a download cut by the network
 * continues from the local partial file on the next poll instead of starting over. Login and host key files are the
 * same component defaults as the upload's.
 */
@ApplicationScoped
public class OutboxRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("hussh:{{sftp.host}}:{{sftp.port}}/partner-outbox?localDirectory={{inbox.directory}}"
             + "&atomic=true&resume=true&move=.done&delay={{outbox.poll-delay}}").routeId("quarkus-outbox")
                .log("Received ${header.CamelFileName} (${header.CamelFileLength} bytes) into"
                     + " ${header.CamelFileNameProduced}");
    }
}
