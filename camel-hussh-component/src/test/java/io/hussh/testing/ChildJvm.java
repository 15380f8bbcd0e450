package io.hussh.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A separate JVM process running a main class of the test classpath: another node, as a second host would run it. Its
 * output goes to a file; {@link #kill()} ends it with SIGKILL, as a crash would.
 */
public final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final Path output;

    private ChildJvm(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    public static ChildJvm start(Path output, Class<?> main, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-Xmx256m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        return new ChildJvm(process, output);
    }

    public long pid() {
        return process.pid();
    }

    /** Waits for the process to end and returns the line it printed that starts with {@code prefix}. */
    public String awaitLine(String prefix, long timeoutSeconds) throws IOException, InterruptedException {
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("node " + pid() + " did not end within " + timeoutSeconds + " s:\n" + log());
        }
        String log = log();
        return log.lines().filter(line -> line.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("node " + pid() + " printed no " + prefix + " line:\n" + log));
    }

    /** Waits, while the process runs, until it has printed a line starting with {@code prefix}. */
    public void awaitOutput(String prefix, long timeoutSeconds) throws IOException, InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (log().lines().noneMatch(line -> line.startsWith(prefix))) {
            if (!process.isAlive() || System.nanoTime() > until) {
                throw new AssertionError("node " + pid() + " printed no " + prefix + " line:\n" + log());
            }
            Thread.sleep(50);
        }
    }

    public String log() throws IOException {
        return Files.readString(output);
    }

    /** SIGKILL: no shutdown hook runs, no socket is closed politely, no lease is released. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
