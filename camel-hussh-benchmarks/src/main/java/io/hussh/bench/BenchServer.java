package io.hussh.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import io.hussh.it.ContainerServerUnderTest;
import io.hussh.it.ServerUnderTest;

/**
 * OpenSSH's sshd and sftp-server in the integration tests' container, with a client key for OpenSSH's sftp client
 * (which has no way to take a password in batch mode) and a known_hosts file for every client.
 */
final class BenchServer implements AutoCloseable {

    private final ContainerServerUnderTest server;
    private final Path keys;
    private final Path privateKey;

    BenchServer() throws IOException, InterruptedException {
        server = ContainerServerUnderTest.openSsh();
        keys = Files.createTempDirectory("hussh-bench-keys-");
        privateKey = keys.resolve("id_ed25519");
        Process keygen = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", privateKey.toString())
                .redirectErrorStream(true).start();
        if (keygen.waitFor() != 0) {
            throw new IOException("ssh-keygen failed: " + new String(keygen.getInputStream().readAllBytes()));
        }
        String publicKey = Files.readString(keys.resolve("id_ed25519.pub")).trim();
        // sshd's StrictModes refuses keys in files or directories others could write
        server.shell("install -d -m 700 -o hussh -g hussh ~hussh/.ssh"
                     + " && echo '" + publicKey + "' > ~hussh/.ssh/authorized_keys"
                     + " && chown hussh:hussh ~hussh/.ssh/authorized_keys && chmod 600 ~hussh/.ssh/authorized_keys"
                     // camel-ftp turns absolute paths into paths relative to the login directory
                     + " && ln -sfn /data ~hussh/data");
    }

    int port() {
        return server.port();
    }

    String user() {
        return ServerUnderTest.USER;
    }

    String password() {
        return ServerUnderTest.PASSWORD;
    }

    Path privateKey() {
        return privateKey;
    }

    /** A known_hosts file trusting the server on its own port and on the given proxy ports. */
    Path knownHosts(int... proxyPorts) throws IOException {
        return server.knownHosts(keys.resolve("known_hosts"), proxyPorts);
    }

    /** The server's version line, e.g. {@code OpenSSH_9.2p1 Debian-2+deb12u7, OpenSSL 3.0.17 1 Jul 2025}. */
    String description() {
        return server.description();
    }

    /** A fresh, empty remote directory. */
    String newDirectory(String purpose) throws IOException {
        return server.newDirectory(purpose);
    }

    /** The local side of the bind-mounted data directory behind a remote path. */
    Path local(String remotePath) {
        return server.local(remotePath);
    }

    void deleteDirectory(String remotePath) throws IOException {
        deleteTree(local(remotePath));
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    void closeQuietly() {
        try {
            close();
        } catch (IOException | RuntimeException e) {
            System.err.println("could not remove the server: " + e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        Path data = server.localDataRoot();
        server.close();
        deleteTree(data);
        deleteTree(keys);
    }
}
