package io.hussh.examples.springboot;

import io.hussh.camel.HusshEndpoint;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
class HusshSpringBootApplicationTest extends WithEmbeddedSftpServer {

    @Autowired
    CamelContext camelContext;

    @Autowired
    ProducerTemplate template;

    @Test
    void componentPropertiesConfigureTheRoutesEndpoint() {
        template.sendBodyAndHeader("direct:upload", "from spring", Exchange.FILE_NAME, "spring.txt");

        assertThat(server.file("/outbox/spring.txt")).hasContent("from spring");
        HusshEndpoint endpoint = camelContext.getEndpoints().stream().filter(HusshEndpoint.class::isInstance)
                .map(HusshEndpoint.class::cast).findFirst().orElseThrow();
        assertThat(endpoint.getConfiguration().isAtomic()).isTrue();
        assertThat(endpoint.getConfiguration().isResume()).isTrue();
    }
}
