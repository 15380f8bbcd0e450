package io.hussh.camel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.hussh.testing.EmbeddedSftpServer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Two nodes consume one outbox; sharing an idempotent repository, they deliver each file once in all. */
class SharedRepositoryConsumerTest {

    @TempDir
    Path tmp;

    @Test
    void twoContextsSharingARepositoryDeliverEachFileOnceInTotal() throws Exception {
        int files = 30;
        try (EmbeddedSftpServer server = EmbeddedSftpServer.start(tmp.resolve("server"))) {
            Path knownHosts = server.writeKnownHosts(tmp.resolve("known_hosts"));
            Files.createDirectories(server.file("/outbox"));
            for (int i = 0; i < files; i++) {
                Files.writeString(server.file("/outbox/order-" + i + ".xml"), "<order id='" + i + "'/>");
            }
            IdempotentRepository shared = MemoryIdempotentRepository.memoryIdempotentRepository(1000);
            List<String> delivered = new CopyOnWriteArrayList<>();
            try (CamelContext nodeA = node("a", server, knownHosts, shared, delivered);
                 CamelContext nodeB = node("b", server, knownHosts, shared, delivered)) {
                nodeA.start();
                nodeB.start();
                for (int i = 0; i < 200 && delivered.size() < files; i++) {
                    Thread.sleep(50);
                }
                // a few more polls of both nodes, in which nothing may be delivered again
                Thread.sleep(1000);
            }

            assertThat(delivered).hasSize(files);
            assertThat(delivered.stream().map(d -> d.substring(2))).doesNotHaveDuplicates().hasSize(files);
            assertThat(delivered.stream().map(d -> d.substring(0, 2)).distinct()).as("both nodes took part")
                    .containsExactlyInAnyOrder("a:", "b:");
        }
    }

    private CamelContext node(String name, EmbeddedSftpServer server, Path knownHosts, IdempotentRepository shared,
                              List<String> delivered) throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.getRegistry().bind("shared", shared);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("hussh:" + EmbeddedSftpServer.USER + "@127.0.0.1:" + server.port() + "/outbox?password=RAW("
                     + EmbeddedSftpServer.PASSWORD + ")&knownHostsFile=" + knownHosts + "&localDirectory="
                     + tmp.resolve("node-" + name) + "&idempotentRepository=#shared&initialDelay=0&delay=50"
                     + "&maxMessagesPerPoll=3")
                        .process(e -> delivered.add(name + ":" + e.getMessage().getHeader(Exchange.FILE_NAME)));
            }
        });
        return context;
    }
}
