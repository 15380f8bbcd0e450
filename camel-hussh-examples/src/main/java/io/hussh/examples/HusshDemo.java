package io.hussh.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.camel.main.Main;

/**
 * Runs the demo routes, then stops everything and exits 0 when every check passed. Without arguments it starts its
 * own SFTP server. {@code --host H [--port P] --user U (--password X | --key FILE) [--known-hosts FILE] [--dir D]}
 * points it at a real server instead (step 1 only: upload, resume-skip, download). {@code --yaml} runs the YAML DSL
 * routes of {@code routes/hussh.camel.yaml} against the embedded server instead.
 */
public final class HusshDemo {

    private HusshDemo() {
    }

    public static void main(String[] args) throws Exception {
        if (Arrays.asList(args).contains("--yaml")) {
            YamlDemo.run();
            return;
        }
        Map<String, String> options = parse(args);
        Path work = Files.createTempDirectory("hussh-demo-");
        DemoRoutes routes;
        try (DemoServer server = options.containsKey("host") ? remote(options) : DemoServer.embedded(work)) {
            System.out.println("Running against " + server.describe());
            routes = new DemoRoutes(server, work);
            Main main = new Main();
            main.configure().addRoutesBuilder(routes);
            main.configure().setDurationMaxMessages(1);
            main.run();
        } finally {
            deleteRecursively(work);
        }
        if (!routes.succeeded()) {
            System.out.println("The demo FAILED; see the messages above.");
            System.exit(1);
        }
        System.out.println("The demo completed: every check passed.");
    }

    private static DemoServer remote(Map<String, String> options) {
        String user = require(options, "user");
        String authentication = options.containsKey("key") ? "privateKeyFile=" + options.get("key")
                : "password=RAW(" + require(options, "password") + ")";
        if (options.containsKey("known-hosts")) {
            authentication += "&knownHostsFile=" + options.get("known-hosts");
        }
        return DemoServer.remote(options.get("host"), Integer.parseInt(options.getOrDefault("port", "22")), user,
                authentication, options.getOrDefault("dir", "/tmp/hussh-demo"));
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (args[i].isBlank()) {
                i--;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("--option value expected, got '" + args[i] + "' alone");
            }
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("Expected --option value, got '" + args[i] + "'");
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    private static String require(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is needed with --host");
        }
        return value;
    }

    static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
