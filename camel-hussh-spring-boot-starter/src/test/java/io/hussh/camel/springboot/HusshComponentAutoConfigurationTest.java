package io.hussh.camel.springboot;

import java.nio.file.Files;
import java.nio.file.Path;

import io.hussh.camel.HusshComponent;
import io.hussh.camel.HusshConfiguration;
import io.hussh.camel.HusshReadLock;
import io.hussh.camel.HusshSortBy;
import io.hussh.testing.EmbeddedSftpServer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class HusshComponentAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
            AutoConfigurations.of(CamelAutoConfiguration.class, HusshComponentAutoConfiguration.class));

    @Test
    void propertiesBecomeTheComponentsEndpointDefaults() {
        runner.withPropertyValues("camel.component.hussh.atomic=true", "camel.component.hussh.resume=true",
                "camel.component.hussh.connect-timeout=2500", "camel.component.hussh.parallel-streams=2",
                "camel.component.hussh.read-lock=changed", "camel.component.hussh.sort-by=mtime",
                "camel.component.hussh.temp-suffix=.part",
                "camel.component.hussh.knownHostsFile=/etc/ssh/ssh_known_hosts").run(context -> {
                    HusshConfiguration defaults = husshDefaults(context.getBean(CamelContext.class));

                    assertThat(defaults.isAtomic()).isTrue();
                    assertThat(defaults.isResume()).isTrue();
                    assertThat(defaults.getConnectTimeout()).isEqualTo(2500L);
                    assertThat(defaults.getParallelStreams()).isEqualTo(2);
                    assertThat(defaults.getReadLock()).isEqualTo(HusshReadLock.changed);
                    assertThat(defaults.getSortBy()).isEqualTo(HusshSortBy.mtime);
                    assertThat(defaults.getTempSuffix()).isEqualTo(".part");
                    assertThat(defaults.getKnownHostsFile()).isEqualTo("/etc/ssh/ssh_known_hosts");
                });
    }

    @Test
    void credentialsFromPropertiesLogInToTheServer(@TempDir Path work) throws Exception {
        try (EmbeddedSftpServer server = EmbeddedSftpServer.start(work.resolve("server"))) {
            Path knownHosts = server.writeKnownHosts(work.resolve("known_hosts"));
            runner.withPropertyValues("camel.component.hussh.username=" + EmbeddedSftpServer.USER,
                    "camel.component.hussh.password=" + EmbeddedSftpServer.PASSWORD,
                    "camel.component.hussh.known-hosts-file=" + knownHosts, "camel.component.hussh.atomic=true")
                    .run(context -> {
                        context.getBean(ProducerTemplate.class).sendBodyAndHeader(
                                "hussh:127.0.0.1:" + server.port() + "/inbox", "configured by the starter",
                                Exchange.FILE_NAME, "starter.txt");

                        assertThat(server.file("/inbox/starter.txt")).hasContent("configured by the starter");
                        try (var left = Files.list(server.file("/inbox"))) {
                            assertThat(left).extracting(path -> path.getFileName().toString())
                                    .containsExactly("starter.txt");
                        }
                    });
        }
    }

    @Test
    void aDisabledCustomizerLeavesTheComponentAsItIs() {
        runner.withPropertyValues("camel.component.hussh.customizer.enabled=false", "camel.component.hussh.atomic=true")
                .run(context -> assertThat(husshDefaults(context.getBean(CamelContext.class)).isAtomic()).isFalse());
    }

    @Test
    void aDisabledComponentHasNoAutoConfiguration() {
        runner.withPropertyValues("camel.component.hussh.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(HusshComponentAutoConfiguration.class));
    }

    private static HusshConfiguration husshDefaults(CamelContext camelContext) {
        return camelContext.getComponent("hussh", HusshComponent.class).getConfiguration();
    }
}
