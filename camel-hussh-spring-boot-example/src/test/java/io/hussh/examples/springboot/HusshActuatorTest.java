package io.hussh.examples.springboot;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import io.hussh.testing.TestFiles;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application as an operator sees it: one upload to the embedded server, then the actuator over HTTP reports the
 * bytes the component's meters counted and the hussh readiness check of the route's producer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HusshActuatorTest extends WithEmbeddedSftpServer {

    @LocalServerPort
    int httpPort;

    @Autowired
    ProducerTemplate template;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theActuatorShowsTheUploadsBytesAndTheHusshHealthCheck() throws Exception {
        Path report = root.resolve("report.bin");
        TestFiles.randomFile(report, 3 * 1024 * 1024 + 17, 14);

        template.sendBodyAndHeader("direct:upload", report.toFile(), Exchange.FILE_NAME, "report.bin");

        assertThat(TestFiles.sha256(server.file("/outbox/report.bin"))).isEqualTo(TestFiles.sha256(report));
        try (Stream<Path> outbox = Files.list(server.file("/outbox"))) {
            assertThat(outbox).extracting(path -> path.getFileName().toString()).containsExactly("report.bin");
        }

        DocumentContext bytes = get("/actuator/metrics/hussh.transfer.bytes?tag=direction:upload&tag=operation:upload");
        List<Double> count = bytes.read("$.measurements[?(@.statistic == 'COUNT')].value");
        assertThat(bytes.read("$.baseUnit", String.class)).isEqualTo("bytes");
        assertThat(count).containsExactly((double) Files.size(report));

        DocumentContext health = get("/actuator/health");
        String check = "hussh:127.0.0.1:" + server.port() + "/outbox";
        assertThat(health.read("$.components.camelHealth.status", String.class)).isEqualTo("UP");
        assertThat(health.read("$.components.camelHealth.details['" + check + "']", String.class)).isEqualTo("UP");
    }

    private DocumentContext get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JsonPath.parse(response.body());
    }
}
