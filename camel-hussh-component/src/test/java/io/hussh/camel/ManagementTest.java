package io.hussh.camel;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Set;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import io.hussh.testing.EmbeddedSftpServer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The endpoint's transfer counters are visible over JMX. */
class ManagementTest {

    @TempDir
    Path tmp;

    @Test
    void countersAreExposedOnTheEndpointMBean() throws Exception {
        try (EmbeddedSftpServer server = EmbeddedSftpServer.start(tmp.resolve("root"));
             CamelContext context = new DefaultCamelContext()) {
            Path knownHosts = server.writeKnownHosts(tmp.resolve("known_hosts"));
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:up").to("hussh:" + EmbeddedSftpServer.USER + "@127.0.0.1:" + server.port()
                                         + "/in?password=RAW(" + EmbeddedSftpServer.PASSWORD + ")&knownHostsFile="
                                         + knownHosts + "&atomic=true");
                }
            });
            context.start();
            for (int i = 0; i < 3; i++) {
                context.createProducerTemplate().sendBodyAndHeader("direct:up", "12345", Exchange.FILE_NAME, "f" + i);
            }

            MBeanServer mbeans = ManagementFactory.getPlatformMBeanServer();
            Set<ObjectName> names = mbeans.queryNames(new ObjectName("org.apache.camel:context="
                                                                     + context.getManagementName()
                                                                     + ",type=endpoints,*"), null);
            ObjectName hussh = names.stream().filter(n -> n.toString().contains("hussh")).findFirst().orElseThrow();

            assertThat(mbeans.getAttribute(hussh, "FilesTransferred")).isEqualTo(3L);
            assertThat(mbeans.getAttribute(hussh, "BytesTransferred")).isEqualTo(15L);
            assertThat(mbeans.getAttribute(hussh, "FailedTransfers")).isEqualTo(0L);
            assertThat(mbeans.getAttribute(hussh, "Reconnects")).isEqualTo(0L);
        }
    }
}
