package io.hussh.camel;

import java.nio.file.Path;
import java.time.Duration;

import io.hussh.sftp.ConnectionSettings;
import io.hussh.sftp.RemotePaths;
import io.hussh.sftp.TransferOptions;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.spi.UriPath;

/** The options of a hussh endpoint. */
@UriParams
public class HusshConfiguration implements Cloneable {

    @UriPath(description = "Host name or IP address of the SFTP server.")
    @Metadata(required = true)
    private String host;

    @UriPath(defaultValue = "22", description = "Port of the SFTP server.")
    private int port = 22;

    @UriPath(description = "Absolute remote directory the endpoint works in, e.g. /srv/in for hussh:host:22/srv/in.")
    private String directoryName;

    @UriParam(label = "security", description = "User name to log in with; may also be given in the URI as"
                                                + " hussh:user@host.")
    private String username;

    @UriParam(label = "security", secret = true, description = "Password for password authentication.")
    private String password;

    @UriParam(label = "security", description = "Private key file for public-key authentication, OpenSSH or PEM"
                                                + " format (RSA, ECDSA and ed25519 keys).")
    private String privateKeyFile;

    @UriParam(label = "security", secret = true, description = "Passphrase of an encrypted private key file.")
    private String privateKeyPassphrase;

    @UriParam(label = "security", defaultValue = "~/.ssh/known_hosts",
              description = "OpenSSH known_hosts file with the host keys to trust (hashed entries and @cert-authority"
                            + " lines included).")
    private String knownHostsFile = "~/.ssh/known_hosts";

    @UriParam(label = "security", defaultValue = "yes", enums = "yes,no",
              description = "yes refuses unknown or changed host keys with an error naming the host and the key"
                            + " fingerprint; no accepts any host key, for tests and demos only.")
    private String strictHostKeyChecking = "yes";

    @UriParam(defaultValue = "false", description = "Upload to a temporary name in the same directory (the file name"
                                                    + " plus tempSuffix) and rename it onto the final name only when"
                                                    + " complete, so the final name never shows a partial file;"
                                                    + " downloads likewise write a local temporary file and move it.")
    private boolean atomic;

    @UriParam(defaultValue = "false", description = "Transfer only the bytes missing at the destination (or in its"
                                                    + " temporary file when atomic): a retried transfer continues where"
                                                    + " the last one stopped; a destination at least as large as the"
                                                    + " source is left alone.")
    private boolean resume;

    @UriParam(defaultValue = TransferOptions.DEFAULT_TEMP_SUFFIX,
              description = "Suffix of the temporary file name used when atomic is true.")
    private String tempSuffix = TransferOptions.DEFAULT_TEMP_SUFFIX;

    @UriParam(label = "advanced", defaultValue = "false",
              description = "When the server cannot rename over an existing file atomically (no"
                            + " posix-rename@openssh.com extension), replace it through a backup rename instead of"
                            + " failing: the destination is briefly absent but never lost.")
    private boolean allowNonAtomicReplace;

    @UriParam(label = "producer", defaultValue = "upload", enums = "upload,download",
              description = "What the producer does: upload the message body, or download a remote file to"
                            + " localDirectory. Header CamelHusshOperation overrides it per message.")
    private HusshOperation operation = HusshOperation.upload;

    @UriParam(label = "producer", description = "Local directory that downloads are written to; required for the"
                                                + " download operation.")
    private String localDirectory;

    @UriParam(label = "producer", description = "Remote file name as a Camel simple expression, relative to the"
                                                + " endpoint directory; sub-directories are created as needed. Default:"
                                                + " header CamelFileName, then the name of the body file.")
    private String fileName;

    @UriParam(label = "advanced", defaultValue = "10000", javaType = "java.time.Duration",
              description = "Time allowed to open the TCP connection, exchange keys and authenticate, in"
                            + " milliseconds.")
    private long connectTimeout = 10_000;

    @UriParam(label = "advanced", defaultValue = "15000", javaType = "java.time.Duration",
              description = "Interval of SSH keepalive messages, in milliseconds; after three unanswered ones the"
                            + " connection counts as dead, so a silently dropped link fails instead of hanging.")
    private long serverAliveInterval = 15_000;

    @UriParam(label = "producer,advanced", defaultValue = "10",
              description = "Number of threads running transfers for this endpoint, and so the largest number of"
                            + " SSH sessions it opens at once.")
    private int workerPoolSize = 10;

    public HusshConfiguration copy() {
        try {
            return (HusshConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    /** The absolute remote directory, normalised. */
    String remoteDirectory() {
        return RemotePaths.directory(directoryName == null || directoryName.isEmpty() ? "/" : directoryName);
    }

    ConnectionSettings connectionSettings() {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("No host: use hussh:[user@]host[:port]/directory");
        }
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("No username for " + host + ": give it as hussh:user@" + host
                                               + " or with the username option");
        }
        if (!"yes".equals(strictHostKeyChecking) && !"no".equals(strictHostKeyChecking)) {
            throw new IllegalArgumentException("strictHostKeyChecking must be yes or no, was '" + strictHostKeyChecking
                                               + "'");
        }
        return new ConnectionSettings(host, port, username, password, expandHome(privateKeyFile),
                privateKeyPassphrase, expandHome(knownHostsFile), "yes".equals(strictHostKeyChecking),
                Duration.ofMillis(connectTimeout), Duration.ofMillis(serverAliveInterval));
    }

    TransferOptions transferOptions() {
        return new TransferOptions(atomic, resume, tempSuffix, allowNonAtomicReplace);
    }

    private static Path expandHome(String path) {
        if (path == null || path.isBlank()) {
            return null;
        }
        if (path.equals("~") || path.startsWith("~/")) {
            return Path.of(System.getProperty("user.home"), path.substring(1));
        }
        return Path.of(path);
    }

    public String getHost() {
        return host;
    }

    public void setHost(String host) {
        this.host = host;
    }

    public int getPort() {
        return port;
    }

    public void setPort(int port) {
        this.port = port;
    }

    public String getDirectoryName() {
        return directoryName;
    }

    public void setDirectoryName(String directoryName) {
        this.directoryName = directoryName;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getPrivateKeyFile() {
        return privateKeyFile;
    }

    public void setPrivateKeyFile(String privateKeyFile) {
        this.privateKeyFile = privateKeyFile;
    }

    public String getPrivateKeyPassphrase() {
        return privateKeyPassphrase;
    }

    public void setPrivateKeyPassphrase(String privateKeyPassphrase) {
        this.privateKeyPassphrase = privateKeyPassphrase;
    }

    public String getKnownHostsFile() {
        return knownHostsFile;
    }

    public void setKnownHostsFile(String knownHostsFile) {
        this.knownHostsFile = knownHostsFile;
    }

    public String getStrictHostKeyChecking() {
        return strictHostKeyChecking;
    }

    public void setStrictHostKeyChecking(String strictHostKeyChecking) {
        this.strictHostKeyChecking = strictHostKeyChecking;
    }

    public boolean isAtomic() {
        return atomic;
    }

    public void setAtomic(boolean atomic) {
        this.atomic = atomic;
    }

    public boolean isResume() {
        return resume;
    }

    public void setResume(boolean resume) {
        this.resume = resume;
    }

    public String getTempSuffix() {
        return tempSuffix;
    }

    public void setTempSuffix(String tempSuffix) {
        this.tempSuffix = tempSuffix;
    }

    public boolean isAllowNonAtomicReplace() {
        return allowNonAtomicReplace;
    }

    public void setAllowNonAtomicReplace(boolean allowNonAtomicReplace) {
        this.allowNonAtomicReplace = allowNonAtomicReplace;
    }

    public HusshOperation getOperation() {
        return operation;
    }

    public void setOperation(HusshOperation operation) {
        this.operation = operation;
    }

    public String getLocalDirectory() {
        return localDirectory;
    }

    public void setLocalDirectory(String localDirectory) {
        this.localDirectory = localDirectory;
    }

    public String getFileName() {
        return fileName;
    }

    public void setFileName(String fileName) {
        this.fileName = fileName;
    }

    public long getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public long getServerAliveInterval() {
        return serverAliveInterval;
    }

    public void setServerAliveInterval(long serverAliveInterval) {
        this.serverAliveInterval = serverAliveInterval;
    }

    public int getWorkerPoolSize() {
        return workerPoolSize;
    }

    public void setWorkerPoolSize(int workerPoolSize) {
        this.workerPoolSize = workerPoolSize;
    }
}
