package io.hussh.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.UUID;

import io.hussh.sftp.ConnectionSettings;
import io.hussh.testing.EmbeddedSftpServer;

/**
 * An SFTP server the integration tests run against. Its data directory is shared with the test machine (a bind
 * mount for containers), so tests prepare files and check results, as a watcher would, on the local file system.
 */
public abstract class ServerUnderTest implements AutoCloseable {

    public static final String USER = EmbeddedSftpServer.USER;
    public static final String PASSWORD = EmbeddedSftpServer.PASSWORD;

    /** What the server reports about itself: product and version. */
    public abstract String description();

    public abstract int port();

    /** The server's host key as a known_hosts key field: {@code type base64}. */
    public abstract String hostKeyEntry() throws IOException;

    /** Remote path of the data directory. */
    public abstract String dataRoot();

    /** The data directory on the test machine. */
    public abstract Path localDataRoot();

    /** Ends the server process abruptly, cutting every session. */
    public abstract void kill() throws Exception;

    /** Starts the killed server again on the same port with the same host key and data. */
    public abstract void restart() throws Exception;

    /** A fresh remote directory for one test, writable by the server's user. */
    public String newDirectory(String purpose) throws IOException {
        String name = purpose + "-" + UUID.randomUUID().toString().substring(0, 8);
        Path local = Files.createDirectories(localDataRoot().resolve(name));
        Files.setPosixFilePermissions(local, PosixFilePermissions.fromString("rwxrwxrwx"));
        return dataRoot() + "/" + name;
    }

    /** The file behind a remote path, on the test machine. */
    public Path local(String remotePath) {
        return localDataRoot().resolve(remotePath.substring(dataRoot().length() + 1));
    }

    /** Puts a file on the server the way another writer would, writable by the server's user. */
    public void seed(String remotePath, byte[] content) throws IOException {
        Path file = local(remotePath);
        Files.write(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));
    }

    /** A known_hosts file trusting this server on its own port and on the given proxy ports. */
    public Path knownHosts(Path file, int... proxyPorts) throws IOException {
        StringBuilder lines = new StringBuilder("[127.0.0.1]:" + port() + " " + hostKeyEntry() + "\n");
        for (int proxyPort : proxyPorts) {
            lines.append("[127.0.0.1]:").append(proxyPort).append(' ').append(hostKeyEntry()).append('\n');
        }
        return Files.writeString(file, lines);
    }

    public ConnectionSettings settings(Path knownHosts, int port, Duration serverAliveInterval) {
        return ConnectionSettings.builder("127.0.0.1", USER)
                .port(port)
                .password(PASSWORD)
                .knownHostsFile(knownHosts)
                .serverAliveInterval(serverAliveInterval)
                .build();
    }

    public ConnectionSettings settings(Path knownHosts, int port) {
        return settings(knownHosts, port, Duration.ofSeconds(15));
    }
}
