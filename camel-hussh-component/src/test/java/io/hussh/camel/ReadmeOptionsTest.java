package io.hussh.camel;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's option table is the generated component metadata, rendered. Run with {@code -Dhussh.readme.update=true}
 * to rewrite it after changing an option; otherwise the test fails when the two disagree.
 */
class ReadmeOptionsTest {

    private static final String BEGIN = "<!-- options:begin (generated from hussh.json by ReadmeOptionsTest) -->\n";
    private static final String END = "<!-- options:end -->";

    @Test
    void theReadmeOptionTableIsTheComponentJson() throws Exception {
        Path readmeFile = Path.of("..", "README.md");
        String readme = Files.readString(readmeFile);
        int begin = readme.indexOf(BEGIN);
        int end = readme.indexOf(END);
        assertThat(begin).as("README markers").isNotNegative();
        assertThat(end).as("README markers").isGreaterThan(begin);
        String table = optionTable();

        if (Boolean.getBoolean("hussh.readme.update")) {
            Files.writeString(readmeFile, readme.substring(0, begin + BEGIN.length()) + table + readme.substring(end));
            return;
        }
        assertThat(readme.substring(begin + BEGIN.length(), end))
                .as("README option table; rerun with -Dhussh.readme.update=true to regenerate it")
                .isEqualTo(table);
    }

    private String optionTable() throws Exception {
        JsonObject json;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/io/hussh/camel/hussh.json")) {
            json = (JsonObject) Jsoner.deserialize(new String(in.readAllBytes()));
        }
        StringBuilder table = new StringBuilder("| option | default | group | description |\n|---|---|---|---|\n");
        for (Map.Entry<String, Object> option : ((JsonObject) json.get("properties")).entrySet()) {
            JsonObject metadata = (JsonObject) option.getValue();
            Object defaultValue = metadata.get("defaultValue");
            table.append("| `").append(option.getKey()).append("` | ")
                 .append(defaultValue == null ? "" : "`" + defaultValue + "`").append(" | ")
                 .append(metadata.get("group")).append(" | ")
                 .append(metadata.get("description")).append(" |\n");
        }
        return table.toString();
    }
}
