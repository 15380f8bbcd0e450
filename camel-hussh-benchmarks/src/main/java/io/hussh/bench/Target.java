package io.hussh.bench;

import java.nio.file.Path;

/** How clients reach the server: directly or through a proxy port, with the credentials and host keys to use. */
record Target(int port, String user, String password, Path knownHosts, Path privateKey) {

    Target via(int proxyPort) {
        return new Target(proxyPort, user, password, knownHosts, privateKey);
    }
}
