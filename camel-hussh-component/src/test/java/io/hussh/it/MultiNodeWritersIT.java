package io.hussh.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import io.hussh.testing.ChildJvm;
import io.hussh.testing.ErrorCatalog;
import io.hussh.testing.FaultProxy;
import io.hussh.testing.FinalPathWatcher;
import io.hussh.testing.TestFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writers of one name in separate JVM processes, as on several nodes: each its own {@code java} process, connected
 * through its own throttled proxy so that the transfers overlap. The in-JVM lock cannot help them; only the lease on
 * the server (uploads) and the lock beside the local file (downloads) can.
 */
class MultiNodeWritersIT extends MatrixTestSupport {

    private static final ErrorCatalog CATALOG = new ErrorCatalog("Several writers",
            "separate JVM processes against the server matrix, MultiNodeWritersIT");
    private static final int SIZE = 8 * 1024 * 1024;
    private static final long THROTTLE = 8L * 1024 * 1024;
    private static final long SHORT_LEASE_MS = 2000;

    @AfterAll
    static void writeCatalog() throws Exception {
        CATALOG.write();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ServerKind.class)
    void threeNodesUploadingOneNameTakeTurnsAndEachCommitsItsOwnBytes(ServerKind kind) throws Exception {
        connect(kind);
        String remote = server.newDirectory("three-nodes") + "/shared.bin";
        List<Path> sources = sources(3);
        Set<String> versions = digests(sources);

        List<String> results;
        List<String> seen;
        try (FinalPathWatcher watcher = new FinalPathWatcher(server.local(remote), versions, true)) {
            List<ChildJvm> nodes = new ArrayList<>();
            for (Path source : sources) {
                nodes.add(node("upload", throttledPort(), remote, source, true, true, 30_000, 120_000));
            }
            results = results(nodes);
            watcher.awaitVersion(TestFiles.sha256(server.local(remote)));
            assertThat(watcher.violations()).as("what a reader of the final name saw").isEmpty();
            seen = List.copyOf(watcher.versionsSeen());
        }

        assertThat(results).allMatch(line -> line.equals("RESULT ok " + SIZE + " 0"), "every node uploaded all");
        // each node committed its own bytes, one after another: the reader saw each version whole, each once
        assertThat(seen).containsExactlyInAnyOrderElementsOf(versions);
        assertThat(TestFiles.sha256(server.local(remote))).isEqualTo(seen.get(seen.size() - 1));
        assertNothingBeside(remote);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ServerKind.class)
    void plainUploadsOfOneNameTakeTurnsToo(ServerKind kind) throws Exception {
        connect(kind);
        String remote = server.newDirectory("plain-nodes") + "/shared.bin";
        List<Path> sources = sources(2);

        List<ChildJvm> nodes = new ArrayList<>();
        for (Path source : sources) {
            nodes.add(node("upload", throttledPort(), remote, source, false, false, 30_000, 120_000));
        }
        List<String> results = results(nodes);

        assertThat(results).allMatch(line -> line.equals("RESULT ok " + SIZE + " 0"));
        // without a temp name the destination fills in view, but never with two writers' bytes at once
        assertThat(digests(sources)).contains(TestFiles.sha256(server.local(remote)));
        assertNothingBeside(remote);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ServerKind.class)
    void aNodeThatWillNotWaitFailsNamingTheWriterAndTheOption(ServerKind kind) throws Exception {
        connect(kind);
        String remote = server.newDirectory("busy") + "/shared.bin";
        List<Path> sources = sources(2);

        String second;
        // slow enough that the second node's JVM is up long before the first upload ends
        try (ChildJvm first = node("upload", nodeProxy(THROTTLE / 8), remote, sources.get(0), true, true, 30_000,
                60_000)) {
            waitForLease(remote);
            try (ChildJvm impatient = node("upload", server.port(), remote, sources.get(1), true, true, 30_000, 0)) {
                second = impatient.awaitLine("RESULT", 120);
            }
            assertThat(second).startsWith("RESULT failed HusshTransferException: Upload to " + remote)
                    .contains(remote + " is being written by another writer (process " + first.pid() + " on ")
                    .contains("leaseWaitTimeout (0 ms)");
            assertThat(first.awaitLine("RESULT", 120)).isEqualTo("RESULT ok " + SIZE + " 0");
        }
        CATALOG.recordSeen("a second writer of the same remote name, leaseWaitTimeout=0 (" + kind + ")",
                second.substring("RESULT failed ".length()), "the first writer's file, complete");
        assertThat(TestFiles.sha256(server.local(remote))).isEqualTo(TestFiles.sha256(sources.get(0)));
        assertNothingBeside(remote);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ServerKind.class)
    void aNodeKilledMidUploadIsTakenOverAfterItsLeaseAndResumedFromAnotherJvm(ServerKind kind) throws Exception {
        connect(kind);
        String remote = server.newDirectory("killed-node") + "/big.bin";
        Path source = sources(1).get(0);

        try (ChildJvm doomed = node("upload", throttledPort(), remote, source, true, true, SHORT_LEASE_MS, 60_000)) {
            TestFiles.awaitSize(server.local(remote + ".hussh.tmp"), SIZE / 4);
            doomed.kill();
        }
        assertThat(server.local(remote)).doesNotExist();
        assertThat(server.local(remote + ".hussh-lease")).isDirectory();

        long started = System.nanoTime();
        String result;
        try (ChildJvm heir = node("upload", server.port(), remote, source, true, true, SHORT_LEASE_MS, 60_000)) {
            result = heir.awaitLine("RESULT", 120);
        }
        long tookMillis = (System.nanoTime() - started) / 1_000_000;

        String[] words = result.split(" ");
        assertThat(words[1]).as(result).isEqualTo("ok");
        long offset = Long.parseLong(words[3]);
        assertThat(offset).as("resumed from the killed node's partial").isGreaterThan(0);
        assertThat(Long.parseLong(words[2])).isEqualTo(SIZE - offset);
        assertThat(tookMillis).as("waited for the stale lease").isGreaterThanOrEqualTo(SHORT_LEASE_MS);
        assertThat(TestFiles.sha256(server.local(remote))).isEqualTo(TestFiles.sha256(source));
        assertNothingBeside(remote);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = ServerKind.class, names = "MINA")
    void twoNodesDownloadingIntoOneLocalDirectoryTakeTurns(ServerKind kind) throws Exception {
        connect(kind);
        String remote = server.newDirectory("download-nodes") + "/report.bin";
        byte[] content = TestFiles.randomBytes(SIZE, 77);
        server.seed(remote, content);
        Path local = tmp.resolve("shared-in/report.bin");

        List<ChildJvm> nodes = new ArrayList<>();
        List<String> results;
        try (FinalPathWatcher watcher = new FinalPathWatcher(local, Set.of(TestFiles.sha256(content)), true)) {
            for (int i = 0; i < 2; i++) {
                nodes.add(node("download", throttledPort(), remote, local, true, false, 30_000, 120_000));
            }
            results = results(nodes);
            assertThat(watcher.violations()).isEmpty();
        }

        assertThat(results).containsExactly("RESULT ok " + SIZE + " 0", "RESULT ok " + SIZE + " 0");
        assertThat(TestFiles.sha256(local)).isEqualTo(TestFiles.sha256(content));
        try (Stream<Path> files = Files.list(local.getParent())) {
            assertThat(files.map(file -> file.getFileName().toString())).containsExactly("report.bin");
        }
    }

    private ChildJvm node(String operation, int port, String remote, Path local, boolean atomic, boolean resume,
                          long leaseMillis, long waitMillis) throws Exception {
        return ChildJvm.start(Files.createTempFile(tmp, "node-", ".log"), TransferNode.class, operation,
                String.valueOf(port), knownHosts.toString(), remote, local.toString(), String.valueOf(atomic),
                String.valueOf(resume), String.valueOf(leaseMillis), String.valueOf(waitMillis),
                // a server without posix-rename replaces only through a backup rename
                String.valueOf(kind == ServerKind.MINA_NO_OPENSSH_EXTENSIONS));
    }

    private int throttledPort() throws Exception {
        return nodeProxy(THROTTLE);
    }

    /** Waits for every node to end and returns the result line of each, in order. */
    private static List<String> results(List<ChildJvm> nodes) throws Exception {
        List<String> results = new ArrayList<>();
        for (ChildJvm node : nodes) {
            try (node) {
                results.add(node.awaitLine("RESULT", 180));
            }
        }
        return results;
    }

    private List<Path> sources(int count) throws Exception {
        List<Path> sources = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            sources.add(TestFiles.randomFile(tmp.resolve("source-" + i + ".bin"), SIZE, 100 + i));
        }
        return sources;
    }

    private static Set<String> digests(List<Path> files) throws Exception {
        Set<String> digests = new HashSet<>();
        for (Path file : files) {
            digests.add(TestFiles.sha256(file));
        }
        return digests;
    }

    private void waitForLease(String remote) throws InterruptedException {
        Path generation = server.local(remote + ".hussh-lease/g-1/owner");
        for (int i = 0; i < 3000 && !Files.exists(generation); i++) {
            Thread.sleep(10);
        }
        assertThat(generation).exists();
    }

    private void assertNothingBeside(String remote) throws Exception {
        try (Stream<Path> files = Files.list(server.local(remote).getParent())) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .as("no temp file, no lease left").containsExactly(server.local(remote).getFileName().toString());
        }
    }
}
