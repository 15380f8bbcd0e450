package io.hussh.sftp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.HostKey;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.KeyPair;
import com.jcraft.jsch.Session;
import com.jcraft.jsch.SocketFactory;

/**
 * Opens authenticated SFTP connections for one {@link ConnectionSettings}. Turns JSch's terse failures into messages
 * that say what went wrong and how to fix it, without ever including a secret.
 */
final class SftpConnector {

    /**
     * How many requests' replies the reply buffer of a stream connection (an extra connection of a split transfer)
     * holds. JSch allocates that buffer at the requests in flight times 32 KiB when a channel opens, and every stream
     * of a split transfer would otherwise add a whole connection's worth of it to the heap; a reply that finds the
     * buffer full waits in the socket until the stream has read what is before it. The heap and the speed at this size
     * are in docs/benchmarks.md.
     */
    static final int STREAM_REPLY_BUFFER_REQUESTS = 16;

    private final ConnectionSettings settings;
    private final int replyBufferRequests;
    private final JSch jsch;

    SftpConnector(ConnectionSettings settings) throws IOException {
        this(settings, settings.bulkRequests());
    }

    /** Connections for the streams of split transfers: {@code bulkRequests} in flight, a small reply buffer. */
    static SftpConnector forStreams(ConnectionSettings settings) throws IOException {
        return new SftpConnector(settings, Math.min(settings.bulkRequests(), STREAM_REPLY_BUFFER_REQUESTS));
    }

    private SftpConnector(ConnectionSettings settings, int replyBufferRequests) throws IOException {
        this.settings = settings;
        this.replyBufferRequests = replyBufferRequests;
        this.jsch = new JSch();
        jsch.setInstanceLogger(new JschLogging());
        try {
            // with checking off JSch would write every key it meets into the file: leave the user's file alone
            if (settings.strictHostKeyChecking() && settings.knownHostsFile() != null
                && Files.isRegularFile(settings.knownHostsFile())) {
                jsch.setKnownHosts(settings.knownHostsFile().toString());
            }
            if (settings.privateKeyFile() != null) {
                if (!Files.isReadable(settings.privateKeyFile())) {
                    throw new IOException("The private key file " + settings.privateKeyFile()
                                          + " does not exist or is not readable; check privateKeyFile");
                }
                byte[] passphrase = settings.privateKeyPassphrase() == null
                        ? null : settings.privateKeyPassphrase().getBytes(StandardCharsets.UTF_8);
                checkPassphrase(passphrase);
                jsch.addIdentity(settings.privateKeyFile().toString(), passphrase);
            }
        } catch (JSchException e) {
            throw new IOException("Cannot load the SSH keys for " + settings.address() + " (privateKeyFile "
                                  + settings.privateKeyFile() + ", knownHostsFile " + settings.knownHostsFile()
                                  + "): " + e.getMessage(), e);
        }
    }

    /** JSch would accept an encrypted key it cannot open and only fail the login later, with no word on why. */
    private void checkPassphrase(byte[] passphrase) throws JSchException, IOException {
        KeyPair key = KeyPair.load(jsch, settings.privateKeyFile().toString());
        try {
            if (!key.isEncrypted()) {
                return;
            }
            if (passphrase == null) {
                throw new IOException("The private key file " + settings.privateKeyFile()
                                      + " is encrypted: set privateKeyPassphrase");
            }
            if (!key.decrypt(passphrase.clone())) {
                throw new IOException("The privateKeyPassphrase does not open the private key file "
                                      + settings.privateKeyFile());
            }
        } finally {
            key.dispose();
        }
    }

    SftpConnection open() throws IOException {
        Session session = null;
        try {
            session = jsch.getSession(settings.username(), settings.host(), settings.port());
            SocketCapture sockets = new SocketCapture(toMillis(settings.connectTimeout()));
            session.setSocketFactory(sockets);
            if (settings.password() != null) {
                session.setPassword(settings.password());
            }
            session.setConfig("StrictHostKeyChecking", settings.strictHostKeyChecking() ? "yes" : "no");
            // gssapi would try Kerberos first and stall on machines without it
            session.setConfig("PreferredAuthentications", "publickey,keyboard-interactive,password");
            session.setServerAliveInterval(toMillis(settings.serverAliveInterval()));
            session.setServerAliveCountMax(3);
            session.connect(toMillis(settings.connectTimeout()));
            ChannelSftp channel = (ChannelSftp) session.openChannel("sftp");
            // JSch sizes the channel's reply buffer from this when it connects; the requests in flight are set after
            channel.setBulkRequests(replyBufferRequests);
            ReceiveWindow.widen(channel, ReceiveWindow.forRequests(settings.bulkRequests()));
            // JSch's workaround waits for every write in flight whenever the server's window runs low, which cost a
            // third of loopback upload speed. It guards against a reply pipe filling while the writer waits for that
            // window; its stream reads the replies after each write, replies of a few bytes each, and the stall watchdog
            // cuts any connection that stops moving.
            channel.setUseWriteFlushWorkaround(false);
            channel.connect(toMillis(settings.connectTimeout()));
            // requests in flight bound throughput to bulkRequests * 32 KiB per round trip
            channel.setBulkRequests(settings.bulkRequests());
            return new SftpConnection(session, channel, sockets.socket);
        } catch (JSchException e) {
            IOException failure = describe(session, e);
            if (session != null) {
                session.disconnect();
            }
            throw failure;
        }
    }

    private IOException describe(Session session, JSchException e) {
        String server = "[" + settings.host() + "]:" + settings.port();
        String known = settings.knownHostsFile() == null ? "the known_hosts file" : settings.knownHostsFile().toString();
        FailureClassifier.ConnectFailure failure = FailureClassifier.ofConnect(e);
        String message = switch (failure) {
            case UNKNOWN_HOST_KEY -> "The host key of " + server + " is unknown: the server offered "
                                     + offeredKey(session) + ", which is not in " + known
                                     + ". Verify the fingerprint with the server's administrator, then add the key to "
                                     + known + " (ssh-keyscan -p " + settings.port() + " " + settings.host()
                                     + ") or point the knownHostsFile option at a file that has it."
                                     + " strictHostKeyChecking=no skips the check (tests and demos only).";
            case CHANGED_HOST_KEY -> "The host key of " + server + " has CHANGED: the server offered "
                                     + offeredKey(session) + ", which differs from the key in " + known
                                     + ". Someone may be intercepting the connection, or the server was reinstalled."
                                     + " Confirm the new fingerprint with the server's administrator, then replace the"
                                     + " entry in " + known + ".";
            case UNKNOWN_HOST -> "Cannot resolve host '" + settings.host() + "': check the endpoint's host";
            case REFUSED -> "Cannot connect to " + server + ": " + e.getCause().getMessage()
                            + "; check host and port, and that an SSH server listens there";
            case TIMED_OUT -> "Timed out connecting to " + server + " after " + settings.connectTimeout().toMillis()
                              + " ms; check host, port and firewalls, or raise connectTimeout";
            case BROKEN_DURING_SETUP -> "The connection to " + server + " broke while it was being set up: "
                                        + e.getMessage();
            case AUTHENTICATION -> "Authentication failed for " + settings.address() + " (tried " + authMethods()
                                   + "); check username, password and privateKeyFile";
            case OTHER -> "SSH connection to " + server + " failed: " + e.getMessage();
        };
        return new ConnectFailedException(failure, message, e);
    }

    private String offeredKey(Session session) {
        HostKey key = session == null ? null : session.getHostKey();
        return key == null ? "a key" : "a " + key.getType() + " key with fingerprint " + key.getFingerPrint(jsch);
    }

    private String authMethods() {
        if (settings.privateKeyFile() != null && settings.password() != null) {
            return "public key " + settings.privateKeyFile() + " and password";
        }
        if (settings.privateKeyFile() != null) {
            return "public key " + settings.privateKeyFile();
        }
        return settings.password() != null ? "password" : "no password and no private key";
    }

    /** Opens the session's socket as JSch would, and keeps it so that a stalled connection can be cut. */
    private static final class SocketCapture implements SocketFactory {

        private final int connectTimeout;
        private Socket socket;

        SocketCapture(int connectTimeout) {
            this.connectTimeout = connectTimeout;
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            socket = new Socket();
            socket.connect(new InetSocketAddress(host, port), connectTimeout);
            return socket;
        }

        @Override
        public InputStream getInputStream(Socket socket) throws IOException {
            return socket.getInputStream();
        }

        @Override
        public OutputStream getOutputStream(Socket socket) throws IOException {
            return socket.getOutputStream();
        }
    }

    private static int toMillis(java.time.Duration duration) {
        return (int) Math.min(Integer.MAX_VALUE, duration.toMillis());
    }
}
