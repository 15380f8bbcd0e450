package io.hussh.camel;

import io.hussh.sftp.ConnectionSettings;
import io.hussh.sftp.TransferListener;
import io.hussh.sftp.TransferOptions;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.IdempotentRepository;
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

    @UriParam(defaultValue = "true",
              description = "Create missing remote directories of an upload's destination; false fails the upload"
                            + " instead. Local directories are always created.")
    private boolean autoCreate = true;

    @UriParam(defaultValue = "true",
              description = "Before continuing a partial file, compare its last bytes (up to 64 KiB) with the same"
                            + " range of the source; when they differ the partial is a copy of something else and the"
                            + " transfer starts over (header CamelHusshResumeRestarted). Stream bodies cannot be read"
                            + " twice and are not compared.")
    private boolean verifyResume = true;

    @UriParam(enums = "none,sha256", defaultValue = "none",
              description = "sha256 computes the SHA-256 of the whole file while it moves (the part already at the"
                            + " destination included) and puts it in header CamelHusshChecksum.")
    private String checksum = "none";

    @UriParam(defaultValue = "false",
              description = "Downloads with checksum=sha256: compare the digest with the name.sha256 file beside the"
                            + " remote file (as sha256sum writes it) and fail, discarding the download, when they"
                            + " differ or the file is missing. The consumer then skips the .sha256 files themselves.")
    private boolean checksumFile;

    @UriParam(defaultValue = "false",
              description = "Give the destination the source's modification time (set on the temp file before the"
                            + " rename). Uploads of bytes or streams have no time to keep.")
    private boolean keepLastModified;

    @UriParam(description = "POSIX permissions for the destination as an octal mode, e.g. 0640, set on the temp file"
                            + " before the rename.")
    private String chmod;

    @UriParam(label = "advanced", defaultValue = "false",
              description = "When the server cannot rename over an existing file atomically (no"
                            + " posix-rename extension of OpenSSH), replace it through a backup rename instead of"
                            + " failing: the destination is briefly absent but never lost.")
    private boolean allowNonAtomicReplace;

    @UriParam(defaultValue = "30000", javaType = "java.time.Duration",
              description = "Writers of one remote name on any number of JVMs and hosts take turns through a lease"
                            + " beside the destination (name.hussh-lease, which consumers skip). The lease lasts this"
                            + " long without renewal, in milliseconds; a live writer renews it every quarter of it, and"
                            + " stops writing when it could not for three quarters. A writer that died is taken over"
                            + " after this long.")
    private long leaseDuration = 30_000;

    @UriParam(defaultValue = "60000", javaType = "java.time.Duration",
              description = "How long a transfer waits, in milliseconds, for another writer of the same destination"
                            + " (an upload's remote name, a download's local file) before it fails naming that"
                            + " writer; 0 fails at once.")
    private long leaseWaitTimeout = 60_000;

    @UriParam(label = "producer", defaultValue = "upload", enums = "upload,download",
              description = "What the producer does: upload the message body, or download a remote file to"
                            + " localDirectory. Header CamelHusshOperation overrides it per message.")
    private HusshOperation operation = HusshOperation.upload;

    @UriParam(description = "Local directory that downloads are written to, below it under the file's relative name;"
                            + " required for the consumer and for the download operation.")
    private String localDirectory;

    @UriParam(label = "consumer", description = "Java regular expression: only files whose name matches are consumed.")
    private String include;

    @UriParam(label = "consumer", description = "Java regular expression: files whose name matches are not consumed.")
    private String exclude;

    @UriParam(label = "consumer", defaultValue = "false",
              description = "Also consume files in sub-directories, down to maxDepth. Symbolic links to files are"
                            + " consumed like files; links to directories are never followed.")
    private boolean recursive;

    @UriParam(label = "consumer", defaultValue = "2147483647",
              description = "How many directory levels a recursive consumer descends; 1 is the endpoint directory"
                            + " alone.")
    private int maxDepth = Integer.MAX_VALUE;

    @UriParam(label = "consumer", defaultValue = "name", enums = "name,size,mtime",
              description = "Order in which one poll delivers its files: by relative name, size or modification time.")
    private HusshSortBy sortBy = HusshSortBy.name;

    @UriParam(label = "consumer", defaultValue = "0",
              description = "Largest number of files one poll delivers; 0 for no limit.")
    private int maxMessagesPerPoll;

    @UriParam(label = "consumer", defaultValue = "false",
              description = "Delete the remote file once the route has processed it successfully.")
    private boolean delete;

    @UriParam(label = "consumer", description = "Remote directory to move a file into once the route has processed it"
                                                + " successfully (created if missing); relative to the endpoint"
                                                + " directory unless absolute.")
    private String move;

    @UriParam(label = "consumer", description = "Remote directory to move a file into when the route failed on it"
                                                + " (created if missing); relative to the endpoint directory unless"
                                                + " absolute. Without it the file stays and is retried on the next"
                                                + " poll.")
    private String moveFailed;

    @UriParam(label = "consumer", defaultValue = "true",
              description = "Deliver each file once: a file is remembered by remote path, size and modification time,"
                            + " so a file replaced with new content is delivered again.")
    private boolean idempotent = true;

    @UriParam(label = "consumer", description = "The IdempotentRepository remembering delivered files; share one"
                                                + " (JDBC, Redis, Infinispan) so that several nodes consuming one"
                                                + " directory deliver each file once in all. Default: in memory.")
    private IdempotentRepository idempotentRepository;

    @UriParam(label = "consumer", defaultValue = "none", enums = "none,changed",
              description = "For writers that do not use temporary names: changed takes a file only if its size and"
                            + " modification time stayed the same over readLockCheckInterval. Files ending in"
                            + " tempSuffix are never taken.")
    private HusshReadLock readLock = HusshReadLock.none;

    @UriParam(label = "consumer", defaultValue = "1000", javaType = "java.time.Duration",
              description = "With readLock=changed, how long a file must stay unchanged, in milliseconds.")
    private long readLockCheckInterval = 1000;

    @UriParam(label = "consumer", defaultValue = "0", javaType = "java.time.Duration",
              description = "Take only files last modified at least this long ago, in milliseconds.")
    private long minAge;

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

    @UriParam(defaultValue = "3",
              description = "How many times in a row one transfer reconnects after its connection broke (dropped,"
                            + " reset, or silent for four serverAliveInterval periods) before it fails. With"
                            + " resume=true each reconnect continues from the bytes already at the destination, and an"
                            + " attempt that moved data starts the count again; without, it starts over. Errors the"
                            + " server reports, refused logins and host keys are never retried.")
    private int maximumReconnectAttempts = 3;

    @UriParam(defaultValue = "1000", javaType = "java.time.Duration",
              description = "Pause before the first reconnect, in milliseconds; it doubles with each further attempt,"
                            + " up to maximumReconnectDelay, with random jitter.")
    private long reconnectDelay = 1000;

    @UriParam(label = "advanced", defaultValue = "30000", javaType = "java.time.Duration",
              description = "Longest pause between two reconnects, in milliseconds.")
    private long maximumReconnectDelay = 30_000;

    @UriParam(label = "advanced",
              description = "A TransferListener bean (#name) told how each transfer advances: bytes at the"
                            + " destination, total, rate; about once a second and when it completes. Independently,"
                            + " transfers of 64 MiB and more are logged at INFO every 5 seconds.")
    private TransferListener progressListener;

    @UriParam(label = "advanced", defaultValue = "128",
              description = "SFTP read requests of 32 KiB that one download keeps in flight; the SSH receive window is"
                            + " sized to twice that. A download moves at most bulkRequests x 32 KiB per network round"
                            + " trip: raise it for links with a long round trip. Each transfer's own connection holds a"
                            + " buffer of bulkRequests x 32 KiB (4 MiB at the default); the extra connections of a"
                            + " split transfer hold 512 KiB each.")
    private int bulkRequests = ConnectionSettings.DEFAULT_BULK_REQUESTS;

    @UriParam(defaultValue = "8",
              description = "Connections one large file is split over, each carrying its segments at their offsets"
                            + " into the one destination (the temp file when atomic). One SSH connection moves at"
                            + " most one window per round trip, so on a long link several move several times more."
                            + " The endpoint's split transfers share this many extra connections, each beside its own;"
                            + " a transfer that finds none free, or a server that refuses more, goes over fewer. 1"
                            + " never splits.")
    private int parallelStreams = ConnectionSettings.DEFAULT_PARALLEL_STREAMS;

    @UriParam(defaultValue = "67108864",
              description = "Smallest file, in bytes, that is split over several connections (parallelStreams).")
    private long parallelThreshold = TransferOptions.DEFAULT_PARALLEL_THRESHOLD;

    @UriParam(label = "advanced", defaultValue = "5",
              description = "Shortest round trip, in milliseconds, on which a file is split (parallelStreams),"
                            + " measured on the transfer's connection before it starts: on a shorter one a single"
                            + " connection already moves what the processors can encrypt. 0 splits on any link, for"
                            + " servers that limit each connection's rate.")
    private long parallelMinimumRoundTrip = TransferOptions.DEFAULT_PARALLEL_MINIMUM_ROUND_TRIP.toMillis();

    @UriParam(label = "advanced", defaultValue = "33554432",
              description = "Size in bytes of the segments a split file is sent in: the unit streams take in turn, and"
                            + " the unit the journal (.name.hussh-segments beside the partial) records for a resume.")
    private long segmentSize = TransferOptions.DEFAULT_SEGMENT_SIZE;

    @UriParam(label = "producer,advanced", defaultValue = "10",
              description = "Number of threads running transfers for this endpoint, and so the largest number of"
                            + " transfers, each with an SSH session of its own, at once; split transfers add up to"
                            + " parallelStreams shared connections.")
    private int workerPoolSize = 10;

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

    public boolean isAutoCreate() {
        return autoCreate;
    }

    public void setAutoCreate(boolean autoCreate) {
        this.autoCreate = autoCreate;
    }

    public boolean isVerifyResume() {
        return verifyResume;
    }

    public void setVerifyResume(boolean verifyResume) {
        this.verifyResume = verifyResume;
    }

    public String getChecksum() {
        return checksum;
    }

    public void setChecksum(String checksum) {
        this.checksum = checksum;
    }

    public boolean isChecksumFile() {
        return checksumFile;
    }

    public void setChecksumFile(boolean checksumFile) {
        this.checksumFile = checksumFile;
    }

    public boolean isKeepLastModified() {
        return keepLastModified;
    }

    public void setKeepLastModified(boolean keepLastModified) {
        this.keepLastModified = keepLastModified;
    }

    public String getChmod() {
        return chmod;
    }

    public void setChmod(String chmod) {
        this.chmod = chmod;
    }

    public boolean isAllowNonAtomicReplace() {
        return allowNonAtomicReplace;
    }

    public void setAllowNonAtomicReplace(boolean allowNonAtomicReplace) {
        this.allowNonAtomicReplace = allowNonAtomicReplace;
    }

    public long getLeaseDuration() {
        return leaseDuration;
    }

    public void setLeaseDuration(long leaseDuration) {
        this.leaseDuration = leaseDuration;
    }

    public long getLeaseWaitTimeout() {
        return leaseWaitTimeout;
    }

    public void setLeaseWaitTimeout(long leaseWaitTimeout) {
        this.leaseWaitTimeout = leaseWaitTimeout;
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

    public String getInclude() {
        return include;
    }

    public void setInclude(String include) {
        this.include = include;
    }

    public String getExclude() {
        return exclude;
    }

    public void setExclude(String exclude) {
        this.exclude = exclude;
    }

    public boolean isRecursive() {
        return recursive;
    }

    public void setRecursive(boolean recursive) {
        this.recursive = recursive;
    }

    public int getMaxDepth() {
        return maxDepth;
    }

    public void setMaxDepth(int maxDepth) {
        this.maxDepth = maxDepth;
    }

    public HusshSortBy getSortBy() {
        return sortBy;
    }

    public void setSortBy(HusshSortBy sortBy) {
        this.sortBy = sortBy;
    }

    public int getMaxMessagesPerPoll() {
        return maxMessagesPerPoll;
    }

    public void setMaxMessagesPerPoll(int maxMessagesPerPoll) {
        this.maxMessagesPerPoll = maxMessagesPerPoll;
    }

    public boolean isDelete() {
        return delete;
    }

    public void setDelete(boolean delete) {
        this.delete = delete;
    }

    public String getMove() {
        return move;
    }

    public void setMove(String move) {
        this.move = move;
    }

    public String getMoveFailed() {
        return moveFailed;
    }

    public void setMoveFailed(String moveFailed) {
        this.moveFailed = moveFailed;
    }

    public boolean isIdempotent() {
        return idempotent;
    }

    public void setIdempotent(boolean idempotent) {
        this.idempotent = idempotent;
    }

    public IdempotentRepository getIdempotentRepository() {
        return idempotentRepository;
    }

    public void setIdempotentRepository(IdempotentRepository idempotentRepository) {
        this.idempotentRepository = idempotentRepository;
    }

    public HusshReadLock getReadLock() {
        return readLock;
    }

    public void setReadLock(HusshReadLock readLock) {
        this.readLock = readLock;
    }

    public long getReadLockCheckInterval() {
        return readLockCheckInterval;
    }

    public void setReadLockCheckInterval(long readLockCheckInterval) {
        this.readLockCheckInterval = readLockCheckInterval;
    }

    public long getMinAge() {
        return minAge;
    }

    public void setMinAge(long minAge) {
        this.minAge = minAge;
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

    public int getMaximumReconnectAttempts() {
        return maximumReconnectAttempts;
    }

    public void setMaximumReconnectAttempts(int maximumReconnectAttempts) {
        this.maximumReconnectAttempts = maximumReconnectAttempts;
    }

    public long getReconnectDelay() {
        return reconnectDelay;
    }

    public void setReconnectDelay(long reconnectDelay) {
        this.reconnectDelay = reconnectDelay;
    }

    public long getMaximumReconnectDelay() {
        return maximumReconnectDelay;
    }

    public void setMaximumReconnectDelay(long maximumReconnectDelay) {
        this.maximumReconnectDelay = maximumReconnectDelay;
    }

    public TransferListener getProgressListener() {
        return progressListener;
    }

    public void setProgressListener(TransferListener progressListener) {
        this.progressListener = progressListener;
    }

    public int getBulkRequests() {
        return bulkRequests;
    }

    public void setBulkRequests(int bulkRequests) {
        this.bulkRequests = bulkRequests;
    }

    public int getParallelStreams() {
        return parallelStreams;
    }

    public void setParallelStreams(int parallelStreams) {
        this.parallelStreams = parallelStreams;
    }

    public long getParallelThreshold() {
        return parallelThreshold;
    }

    public void setParallelThreshold(long parallelThreshold) {
        this.parallelThreshold = parallelThreshold;
    }

    public long getParallelMinimumRoundTrip() {
        return parallelMinimumRoundTrip;
    }

    public void setParallelMinimumRoundTrip(long parallelMinimumRoundTrip) {
        this.parallelMinimumRoundTrip = parallelMinimumRoundTrip;
    }

    public long getSegmentSize() {
        return segmentSize;
    }

    public void setSegmentSize(long segmentSize) {
        this.segmentSize = segmentSize;
    }

    public int getWorkerPoolSize() {
        return workerPoolSize;
    }

    public void setWorkerPoolSize(int workerPoolSize) {
        this.workerPoolSize = workerPoolSize;
    }

    public HusshConfiguration copy() {
        try {
            return (HusshConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }
}
