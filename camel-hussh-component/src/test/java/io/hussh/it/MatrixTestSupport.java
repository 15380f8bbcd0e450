package io.hussh.it;

import java.nio.file.Path;

import io.hussh.sftp.SftpTransfers;
import io.hussh.testing.FaultProxy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** One server of the matrix per test, with a fault proxy in front of it and transfers both direct and via the proxy. */
@ExtendWith(CompatibilityReport.class)
abstract class MatrixTestSupport {

    @TempDir
    Path tmp;

    ServerKind kind;
    ServerUnderTest server;
    FaultProxy proxy;
    Path knownHosts;
    SftpTransfers direct;
    SftpTransfers viaProxy;
    private final java.util.List<FaultProxy> nodeProxies = new java.util.ArrayList<>();

    void connect(ServerKind kind) throws Exception {
        this.kind = kind;
        server = kind.server();
        proxy = new FaultProxy(server.port());
        knownHosts = server.knownHosts(tmp.resolve("known_hosts"), proxy.port());
        ServerDescriptions.probe(kind, server, knownHosts);
        direct = new SftpTransfers(server.settings(knownHosts, server.port()));
        viaProxy = new SftpTransfers(server.settings(knownHosts, proxy.port()));
    }

    /**
     * Transfers through the proxy on a session of their own: a pooled session opened before a fault was armed would
     * slip past it.
     */
    SftpTransfers freshViaProxy() throws java.io.IOException {
        return new SftpTransfers(server.settings(knownHosts, proxy.port()));
    }

    /**
     * A proxy of its own for one node process, limited to {@code bytesPerSecond} so that its transfer overlaps the
     * others', trusted in the known_hosts file; closed after the test.
     */
    int nodeProxy(long bytesPerSecond) throws java.io.IOException {
        FaultProxy nodeProxy = new FaultProxy(server.port());
        nodeProxy.throttle(bytesPerSecond);
        nodeProxies.add(nodeProxy);
        java.nio.file.Files.writeString(knownHosts, "[127.0.0.1]:" + nodeProxy.port() + " " + server.hostKeyEntry()
                                                    + "\n", java.nio.file.StandardOpenOption.APPEND);
        return nodeProxy.port();
    }

    /** Cuts every node proxy's connections, so that nothing a killed node sent still trickles through them. */
    void closeNodeProxies() throws java.io.IOException {
        for (FaultProxy nodeProxy : nodeProxies) {
            nodeProxy.close();
        }
        nodeProxies.clear();
    }

    @AfterEach
    void disconnect() throws Exception {
        closeNodeProxies();
        if (direct != null) {
            direct.close();
            viaProxy.close();
            proxy.close();
        }
    }

    /** SSH framing, SFTP request headers and the handshake of a new session, on top of the payload. */
    static long wireBudget(long payload) {
        return payload + payload / 25 + 64 * 1024;
    }
}
