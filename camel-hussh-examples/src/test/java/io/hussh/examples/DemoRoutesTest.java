package io.hussh.examples;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class DemoRoutesTest {

    @TempDir
    Path tmp;

    @Test
    void theDemoUploadsResumesAfterACutAndConsumesTheOutbox() throws Exception {
        try (DemoServer server = DemoServer.embedded(tmp)) {
            DemoRoutes routes = new DemoRoutes(server, tmp);
            try (CamelContext context = new DefaultCamelContext()) {
                context.addRoutes(routes);
                NotifyBuilder done = new NotifyBuilder(context).fromRoute("demo").whenDone(1).create();
                context.start();

                assertThat(done.matches(120, TimeUnit.SECONDS)).isTrue();
            }

            assertThat(routes.succeeded()).isTrue();
            assertThat(server.proxy().drops()).isEqualTo(1);
            assertThat(server.local("/outbox/backup.tar")).exists();
            assertThat(tmp.resolve("consumed/orders-1.csv")).hasContent("id,amount\n1,42\n");
            assertThat(tmp.resolve("consumed/orders-2.csv")).exists();
            assertThat(tmp.resolve("consumed/orders-3.csv.hussh.tmp")).doesNotExist();
            assertThat(server.local("/partner-outbox/.done/orders-1.csv")).exists();
        }
    }
}
