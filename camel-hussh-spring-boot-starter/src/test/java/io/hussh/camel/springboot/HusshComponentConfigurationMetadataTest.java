package io.hussh.camel.springboot;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.camel.util.json.DeserializationException;
import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hand-written {@link HusshComponentConfiguration} against the component's generated metadata: the Spring
 * metadata its javadoc produces must offer every component option, described, typed and defaulted as hussh.json says,
 * the way Camel's generator would have written it.
 */
class HusshComponentConfigurationMetadataTest {

    private static final String PREFIX = "camel.component.hussh.";

    static Map<String, JsonObject> componentOptions;
    static Map<String, JsonObject> springProperties;

    @BeforeAll
    static void readMetadata() throws Exception {
        componentOptions = new TreeMap<>();
        JsonObject hussh = read(resource("META-INF/io/hussh/camel/hussh.json"));
        JsonObject options = hussh.getMap("componentProperties");
        options.forEach((name, option) -> componentOptions.put(name, (JsonObject) option));

        // spring-boot-autoconfigure and camel-spring-boot ship a file of this name too
        springProperties = new TreeMap<>();
        for (URL url : Collections.list(HusshComponentConfigurationMetadataTest.class.getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"))) {
            JsonArray properties = read(url).getCollection("properties");
            for (Object element : properties) {
                JsonObject property = (JsonObject) element;
                if (property.getString("name").startsWith(PREFIX)) {
                    springProperties.put(property.getString("name"), property);
                }
            }
        }
    }

    @Test
    void everyComponentOptionIsAPropertyAndNothingElseIs() {
        // what ComponentConfigurationPropertiesCommon adds to every component
        Set<String> expected = new TreeSet<>(List.of(PREFIX + "enabled", PREFIX + "customizer.enabled"));
        componentOptions.keySet().forEach(name -> expected.add(propertyName(name)));

        assertThat(componentOptions).containsKeys("configuration", "atomic", "resume", "knownHostsFile");
        assertThat(springProperties.keySet()).containsExactlyElementsOf(expected);
    }

    @Test
    void everyPropertyIsDescribedAsItsComponentOption() {
        componentOptions.forEach((name, option) -> assertThat(normalised(property(name).getString("description")))
                .as(name).isEqualTo(normalised(expectedDescription(option))));
    }

    @Test
    void everyPropertyHasTheOptionsTypeAndDefault() {
        componentOptions.forEach((name, option) -> {
            JsonObject property = property(name);
            assertThat(property.getString("type")).as(name).isEqualTo(boxed(option.getString("javaType")));
            assertThat(String.valueOf(property.get("defaultValue"))).as(name)
                    .isEqualTo(String.valueOf(option.get("defaultValue")));
        });
    }

    private static JsonObject property(String option) {
        JsonObject property = springProperties.get(propertyName(option));
        assertThat(property).as("the property of option " + option).isNotNull();
        return property;
    }

    /** The kebab-case name Spring's relaxed binding and the IDEs use. */
    private static String propertyName(String option) {
        return PREFIX + option.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
    }

    /** Camel's generator names the Java type of options a property file can only give as text or a bean reference. */
    private static String expectedDescription(JsonObject option) {
        String description = option.getString("description");
        boolean complex = ("object".equals(option.getString("type")) || "duration".equals(option.getString("type")))
                          && !option.containsKey("enum");
        if (!complex) {
            return description;
        }
        return (description.endsWith(".") ? description : description + ".") + " The option is a "
               + option.getString("javaType") + " type.";
    }

    private static String boxed(String javaType) {
        return switch (javaType) {
            case "boolean" -> Boolean.class.getName();
            case "int" -> Integer.class.getName();
            case "long" -> Long.class.getName();
            default -> javaType;
        };
    }

    private static String normalised(String description) {
        return description.replaceAll("\\s+", " ").trim();
    }

    private static URL resource(String name) {
        URL url = HusshComponentConfigurationMetadataTest.class.getClassLoader().getResource(name);
        assertThat(url).as(name).isNotNull();
        return url;
    }

    private static JsonObject read(URL url) throws IOException {
        try (InputStream in = url.openStream()) {
            return (JsonObject) Jsoner.deserialize(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (DeserializationException e) {
            throw new IOException("Cannot parse " + url, e);
        }
    }
}
