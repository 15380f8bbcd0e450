package io.hussh.testing;

import java.io.IOException;
import java.nio.file.CopyOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.sshd.certificate.OpenSshCertificateBuilder;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.OpenSshCertificate;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.session.helpers.AbstractConnectionService;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.config.keys.AuthorizedKeysAuthenticator;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.SftpModuleProperties;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.SftpEventListener;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * A real SFTP server in-process (Apache MINA SSHD) on 127.0.0.1, serving a local directory as its root, with one user
 * who may log in by password or by the keys in an authorized_keys file.
 */
public final class EmbeddedSftpServer implements AutoCloseable {

    public static final String USER = "hussh";
    public static final String PASSWORD = "s3cret-Pa55";

    private final Path root;
    private final boolean opensshExtensions;
    private final Path authorizedKeys;
    private final KeyPairProvider hostKeys = new SimpleGeneratorHostKeyProvider();
    private SshServer sshd;
    private volatile boolean loseRenameReplies;
    private volatile CountDownLatch writesHeld;
    private final AtomicInteger logins = new AtomicInteger();

    private EmbeddedSftpServer(Path root, boolean opensshExtensions, Path authorizedKeys) {
        this.root = root;
        this.opensshExtensions = opensshExtensions;
        this.authorizedKeys = authorizedKeys;
    }

    /** A server with the OpenSSH SFTP extensions (posix-rename among them), as MINA ships it. */
    public static EmbeddedSftpServer start(Path root) throws IOException {
        return start(root, true, null);
    }

    /**
     * @param opensshExtensions {@code false} gives a server that advertises no OpenSSH extension, so it cannot rename
     *                          over an existing file
     * @param authorizedKeys    an authorized_keys file for public-key logins, or {@code null}
     */
    public static EmbeddedSftpServer start(Path root, boolean opensshExtensions, Path authorizedKeys)
            throws IOException {
        Files.createDirectories(root);
        EmbeddedSftpServer server = new EmbeddedSftpServer(root, opensshExtensions, authorizedKeys);
        server.listen(0);
        return server;
    }

    private void listen(int port) throws IOException {
        sshd = SshServer.setUpDefaultServer();
        sshd.setHost("127.0.0.1");
        sshd.setPort(port);
        sshd.setKeyPairProvider(hostKeys);
        sshd.setPasswordAuthenticator((user, password, session) -> {
            boolean valid = USER.equals(user) && PASSWORD.equals(password);
            if (valid) {
                logins.incrementAndGet();
            }
            return valid;
        });
        if (authorizedKeys != null) {
            sshd.setPublickeyAuthenticator(new AuthorizedKeysAuthenticator(authorizedKeys));
        }
        sshd.setFileSystemFactory(new VirtualFileSystemFactory(root));
        SftpSubsystemFactory sftp = new SftpSubsystemFactory.Builder().build();
        sftp.addSftpEventListener(new SftpEventListener() {
            @Override
            public void moved(ServerSession session, Path source, Path target, Collection<CopyOption> options,
                              Throwable thrown) throws IOException {
                if (thrown == null && loseRenameReplies) {
                    // the rename is done; closing now means its reply never leaves the server
                    session.close(true);
                }
            }

            @Override
            public void writing(ServerSession session, String remoteHandle, FileHandle local,
                                long offset, byte[] data, int dataOffset, int dataLen) throws IOException {
                CountDownLatch held = writesHeld;
                if (held != null) {
                    try {
                        held.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new java.io.InterruptedIOException();
                    }
                }
            }
        });
        sshd.setSubsystemFactories(List.of(sftp));
        if (!opensshExtensions) {
            // an empty list would fall back to the defaults, so advertise only an extension unrelated to renames
            SftpModuleProperties.OPENSSH_EXTENSIONS.set(sshd, "fsync@openssh.com=1");
        }
        sshd.start();
    }

    /** How many sessions logged in with the password since the server started. */
    public int logins() {
        return logins.get();
    }

    /** From now on, a user may hold at most {@code sessions} sessions at once; the server refuses more at login. */
    public void limitSessionsPerUser(int sessions) {
        org.apache.sshd.core.CoreModuleProperties.MAX_CONCURRENT_SESSIONS.set(sshd, sessions);
    }

    /**
     * From now on, the server answers no write request until {@link #releaseWrites()}: what a client sends meanwhile is
     * what it keeps in flight.
     */
    public void holdWrites() {
        writesHeld = new CountDownLatch(1);
    }

    public void releaseWrites() {
        CountDownLatch held = writesHeld;
        writesHeld = null;
        if (held != null) {
            held.countDown();
        }
    }

    /** From now on, each rename is carried out and then its session is closed before the reply goes out. */
    public void loseRenameReplies() {
        loseRenameReplies = true;
    }

    /** The receive window each client announced for the channels it has open now, as this server sees it. */
    public List<Long> clientReceiveWindows() {
        return sshd.getActiveSessions().stream()
                .flatMap(session -> session.getService(AbstractConnectionService.class).getChannels().stream())
                .map(channel -> channel.getRemoteWindow().getMaxSize())
                .toList();
    }

    public int port() {
        return sshd.getPort();
    }

    /** Presents, besides its plain host key, a certificate for it signed by {@code ca}, valid for 127.0.0.1. */
    public void useHostCertificate(KeyPair ca) throws Exception {
        OpenSshCertificate certificate = OpenSshCertificateBuilder.hostCertificate()
                .publicKey(hostKey())
                .id("hussh-test-host")
                .principals(List.of("127.0.0.1"))
                .serial(1)
                .sign(ca);
        sshd.setHostKeyCertificateProvider(session -> List.of(certificate));
    }

    /** Stops the server at once, cutting every session, as when its process dies. */
    public void kill() throws IOException {
        sshd.stop(true);
    }

    /** Starts the killed server again on the same port, with the same host key and files. */
    public void restart() throws IOException {
        listen(sshd.getPort());
    }

    public Path root() {
        return root;
    }

    /** The local file behind an absolute remote path. */
    public Path file(String remotePath) {
        return root.resolve(remotePath.substring(1));
    }

    public PublicKey hostKey() throws IOException {
        try {
            for (KeyPair pair : hostKeys.loadKeys(null)) {
                return pair.getPublic();
            }
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException(e);
        }
        throw new IOException("The server has no host key");
    }

    /** Writes a known_hosts file that trusts this server's host key on its port and on proxies' ports. */
    public Path writeKnownHosts(Path file, int... proxyPorts) throws IOException {
        String key = PublicKeyEntry.toString(hostKey());
        StringBuilder lines = new StringBuilder("[127.0.0.1]:" + port() + " " + key + "\n");
        for (int proxyPort : proxyPorts) {
            lines.append("[127.0.0.1]:").append(proxyPort).append(' ').append(key).append('\n');
        }
        Files.writeString(file, lines);
        return file;
    }

    public String hostKeyFingerprint() throws IOException {
        return KeyUtils.getFingerPrint(hostKey());
    }

    @Override
    public void close() throws IOException {
        sshd.stop(true);
    }
}
