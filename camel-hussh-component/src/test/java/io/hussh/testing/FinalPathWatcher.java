package io.hussh.testing;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads a final path over and over, as a consumer of the file would, and notes every time it sees anything but one of
 * the complete versions allowed.
 */
public final class FinalPathWatcher implements AutoCloseable {

    private final Path path;
    private final Set<String> completeVersions;
    private final boolean absenceAllowed;
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final List<String> versionsSeen = new CopyOnWriteArrayList<>();
    private final AtomicInteger observations = new AtomicInteger();
    private final Thread thread;
    private volatile boolean watching = true;

    /** @param completeVersions the SHA-256 digests of the complete files the path may hold */
    public FinalPathWatcher(Path path, Set<String> completeVersions, boolean absenceAllowed) {
        this.path = path;
        this.completeVersions = completeVersions;
        this.absenceAllowed = absenceAllowed;
        this.thread = new Thread(this::watch, "final-path-watcher");
        thread.start();
    }

    private void watch() {
        while (watching) {
            try {
                String seen = TestFiles.sha256(Files.readAllBytes(path));
                if (!completeVersions.contains(seen)) {
                    violations.add("partial content " + seen);
                } else if (versionsSeen.isEmpty() || !versionsSeen.get(versionsSeen.size() - 1).equals(seen)) {
                    versionsSeen.add(seen);
                }
            } catch (NoSuchFileException e) {
                if (!absenceAllowed) {
                    violations.add("destination missing");
                }
            } catch (Exception e) {
                violations.add(e.toString());
            }
            observations.incrementAndGet();
        }
    }

    public List<String> violations() {
        return violations;
    }

    /** The complete versions seen, in the order they appeared, each change once. */
    public List<String> versionsSeen() {
        return versionsSeen;
    }

    /** Waits up to five seconds for the watcher to have read {@code version}, the last one written. */
    public void awaitVersion(String version) throws InterruptedException {
        for (int i = 0; i < 500 && !versionsSeen.contains(version); i++) {
            Thread.sleep(10);
        }
    }

    public int observations() {
        return observations.get();
    }

    @Override
    public void close() throws InterruptedException {
        watching = false;
        thread.join();
    }
}
