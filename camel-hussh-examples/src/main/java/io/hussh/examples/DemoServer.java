package io.hussh.examples;

import java.io.IOException;
import java.nio.file.Path;

import io.hussh.testing.EmbeddedSftpServer;
import io.hussh.testing.FaultProxy;

/**
 * The SFTP server the demo runs against: by default one it starts itself (MINA SSHD on 127.0.0.1, a fresh host key, a
 * throwaway user) with a fault proxy in front of it; or a real one named on the command line.
 */
public final class DemoServer implements AutoCloseable {

    private final EmbeddedSftpServer embedded;
    private final FaultProxy proxy;
    private final String host;
    private final int port;
    private final String credentials;
    private final String baseDirectory;

    private DemoServer(EmbeddedSftpServer embedded, FaultProxy proxy, String host, int port, String credentials,
                       String baseDirectory) {
        this.embedded = embedded;
        this.proxy = proxy;
        this.host = host;
        this.port = port;
        this.credentials = credentials;
        this.baseDirectory = baseDirectory;
    }

    static DemoServer embedded(Path work) throws IOException {
        EmbeddedSftpServer server = EmbeddedSftpServer.start(work.resolve("sftp-root"));
        FaultProxy proxy = new FaultProxy(server.port());
        Path knownHosts = server.writeKnownHosts(work.resolve("known_hosts"), proxy.port());
        return new DemoServer(server, proxy, "127.0.0.1", server.port(), EmbeddedSftpServer.USER + "?password=RAW("
                                                                         + EmbeddedSftpServer.PASSWORD
                                                                         + ")&knownHostsFile=" + knownHosts, "");
    }

    /** A real server; {@code credentials} are the user and the authentication options of the endpoint URI. */
    static DemoServer remote(String host, int port, String user, String authentication, String directory) {
        return new DemoServer(null, null, host, port, user + "?" + authentication, directory);
    }

    boolean embedded() {
        return embedded != null;
    }

    int port() {
        return port;
    }

    String directory(String name) {
        return baseDirectory + "/" + name;
    }

    /** The endpoint URI for {@code directory}, reached through {@code viaPort}. */
    String endpoint(int viaPort, String directory, String options) {
        String user = credentials.substring(0, credentials.indexOf('?'));
        String authentication = credentials.substring(credentials.indexOf('?') + 1);
        return "hussh:" + user + "@" + host + ":" + viaPort + directory + "?" + authentication + "&" + options;
    }

    FaultProxy proxy() {
        return proxy;
    }

    /** The file behind a remote path of the embedded server. */
    Path local(String remotePath) {
        return embedded.file(remotePath);
    }

    String describe() {
        return embedded() ? "an embedded SFTP server on 127.0.0.1:" + port + " serving " + embedded.root()
                : "the SFTP server " + host + ":" + port + ", directory " + baseDirectory;
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            proxy.close();
            embedded.close();
        }
    }
}
