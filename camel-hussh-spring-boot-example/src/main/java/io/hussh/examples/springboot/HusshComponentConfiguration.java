package io.hussh.examples.springboot;

import io.hussh.camel.HusshComponent;
import io.hussh.camel.HusshConfiguration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Binds {@code camel.component.hussh.*} onto the component's defaults, with Spring's relaxed names
 * ({@code known-hosts-file} or {@code knownHostsFile}). Camel's generated starters do this for Camel's own
 * components; for hussh: these two beans are all it takes.
 */
@Configuration(proxyBeanMethods = false)
public class HusshComponentConfiguration {

    @Bean
    @ConfigurationProperties("camel.component.hussh")
    HusshConfiguration husshDefaults() {
        return new HusshConfiguration();
    }

    /** Named hussh, so Camel uses it for every hussh: endpoint. */
    @Bean("hussh")
    HusshComponent hussh(HusshConfiguration husshDefaults) {
        HusshComponent component = new HusshComponent();
        component.setConfiguration(husshDefaults);
        return component;
    }
}
