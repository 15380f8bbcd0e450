package io.hussh.camel;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's option table must say what the generated component metadata says. */
class ReadmeOptionsTest {

    @Test
    void everyOptionOfTheComponentJsonIsInTheReadmeWithItsDefault() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        JsonObject json;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/io/hussh/camel/hussh.json")) {
            json = (JsonObject) Jsoner.deserialize(new String(in.readAllBytes()));
        }
        JsonObject properties = (JsonObject) json.get("properties");

        assertThat(properties).isNotEmpty();
        for (Map.Entry<String, Object> option : properties.entrySet()) {
            JsonObject metadata = (JsonObject) option.getValue();
            Object defaultValue = metadata.get("defaultValue");
            String expected = "| `" + option.getKey() + "` | "
                              + (defaultValue == null ? "" : "`" + defaultValue + "`") + " | "
                              + metadata.get("group") + " | " + metadata.get("description") + " |";
            assertThat(readme).as("README row of option %s", option.getKey()).contains(expected);
        }
    }
}
