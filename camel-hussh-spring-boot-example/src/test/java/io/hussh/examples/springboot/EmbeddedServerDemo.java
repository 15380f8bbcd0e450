package io.hussh.examples.springboot;

import java.nio.file.Files;
import java.nio.file.Path;

import io.hussh.testing.EmbeddedSftpServer;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs the Spring Boot application against an SFTP server started here (mvn -Pdemo verify in this module): the
 * server's address and credentials go in as camel.component.hussh.* and sftp.* properties, and the actuator's web
 * server takes a free port so that the demo runs beside whatever holds the usual one.
 */
public final class EmbeddedServerDemo {

    private EmbeddedServerDemo() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("hussh-spring-demo-");
        boolean uploaded;
        try (EmbeddedSftpServer server = EmbeddedSftpServer.start(work.resolve("sftp-root"))) {
            Path knownHosts = server.writeKnownHosts(work.resolve("known_hosts"));
            System.out.println("Starting the Spring Boot application against an embedded SFTP server on 127.0.0.1:"
                               + server.port());
            try (ConfigurableApplicationContext application = SpringApplication.run(HusshSpringBootApplication.class,
                    "--server.port=0", "--sftp.user=" + EmbeddedSftpServer.USER, "--sftp.host=127.0.0.1",
                    "--sftp.port=" + server.port(),
                    "--camel.component.hussh.password=" + EmbeddedSftpServer.PASSWORD,
                    "--camel.component.hussh.known-hosts-file=" + knownHosts)) {
                application.getBean(ProducerTemplate.class).sendBodyAndHeader("direct:upload", "from spring boot",
                        Exchange.FILE_NAME, "spring.txt");
                uploaded = Files.readString(server.file("/outbox/spring.txt")).equals("from spring boot");
            }
        }
        if (!uploaded) {
            System.out.println("The Spring Boot demo FAILED.");
            System.exit(1);
        }
        System.out.println("The Spring Boot demo completed: atomic=true, resume=true and the credentials came from"
                           + " camel.component.hussh.* properties.");
    }
}
