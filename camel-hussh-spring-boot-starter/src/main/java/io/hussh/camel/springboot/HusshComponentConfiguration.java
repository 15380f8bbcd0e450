package io.hussh.camel.springboot;

import io.hussh.camel.HusshConfiguration;
import io.hussh.camel.HusshOperation;
import io.hussh.camel.HusshReadLock;
import io.hussh.camel.HusshSortBy;
import io.hussh.sftp.TransferListener;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Upload, download and poll files over SFTP atomically (temporary name, then
 * atomic rename) and resumably (only the missing bytes are sent after an
 * interruption).
 *
 * Written by hand in the form of Camel's generated starters, as their generator
 * is not available to this build; HusshComponentConfigurationMetadataTest keeps
 * it in step with the component's hussh.json.
 */
@ConfigurationProperties(prefix = "camel.component.hussh")
public class HusshComponentConfiguration extends ComponentConfigurationPropertiesCommon {

    // never read: the superclass binds enabled, and this field only lends its javadoc to the property's metadata
    /**
     * Whether to enable auto configuration of the hussh component. This is
     * enabled by default.
     */
    private Boolean enabled;
    /**
     * Upload to a temporary name in the same directory (the file name plus
     * tempSuffix) and rename it onto the final name only when complete, so the
     * final name never shows a partial file; downloads likewise write a local
     * temporary file and move it.
     */
    private Boolean atomic = false;
    /**
     * Create missing remote directories of an upload's destination; false fails
     * the upload instead. Local directories are always created.
     */
    private Boolean autoCreate = true;
    /**
     * sha256 computes the SHA-256 of the whole file while it moves (the part
     * already at the destination included) and puts it in header
     * CamelHusshChecksum.
     */
    private String checksum = "none";
    /**
     * Downloads with checksum=sha256: compare the digest with the name.sha256
     * file beside the remote file (as sha256sum writes it) and fail, discarding
     * the download, when they differ or the file is missing. The consumer then
     * skips the .sha256 files themselves.
     */
    private Boolean checksumFile = false;
    /**
     * POSIX permissions for the destination as an octal mode, e.g. 0640, set on
     * the temp file before the rename.
     */
    private String chmod;
    /**
     * Defaults for every endpoint of this component, e.g.
     * camel.component.hussh.atomic=true in Camel Main or Spring Boot; endpoint
     * URIs override them. The option is a io.hussh.camel.HusshConfiguration
     * type.
     */
    private HusshConfiguration configuration;
    /**
     * Give the destination the source's modification time (set on the temp file
     * before the rename). Uploads of bytes or streams have no time to keep.
     */
    private Boolean keepLastModified = false;
    /**
     * Writers of one remote name on any number of JVMs and hosts take turns
     * through a lease beside the destination (name.hussh-lease, which consumers
     * skip). The lease lasts this long without renewal, in milliseconds; a live
     * writer renews it every quarter of it, and stops writing when it could not
     * for three quarters. A writer that died is taken over after this long. The
     * option is a long type.
     */
    private Long leaseDuration = 30000L;
    /**
     * How long a transfer waits, in milliseconds, for another writer of the
     * same destination (an upload's remote name, a download's local file)
     * before it fails naming that writer; 0 fails at once. The option is a long
     * type.
     */
    private Long leaseWaitTimeout = 60000L;
    /**
     * Local directory that downloads are written to, below it under the file's
     * relative name; required for the consumer and for the download operation.
     */
    private String localDirectory;
    /**
     * How many times in a row one transfer reconnects after its connection
     * broke (dropped, reset, or silent for four serverAliveInterval periods)
     * before it fails. With resume=true each reconnect continues from the bytes
     * already at the destination, and an attempt that moved data starts the
     * count again; without, it starts over. Errors the server reports, refused
     * logins and host keys are never retried.
     */
    private Integer maximumReconnectAttempts = 3;
    /**
     * Connections one large file is split over, each carrying its segments at
     * their offsets into the one destination (the temp file when atomic). One
     * SSH connection moves at most one window per round trip, so on a long link
     * several move several times more. The endpoint's split transfers share
     * this many extra connections, each beside its own; a transfer that finds
     * none free, or a server that refuses more, goes over fewer. 1 never
     * splits.
     */
    private Integer parallelStreams = 8;
    /**
     * Smallest file, in bytes, that is split over several connections
     * (parallelStreams).
     */
    private Long parallelThreshold = 67108864L;
    /**
     * Pause before the first reconnect, in milliseconds; it doubles with each
     * further attempt, up to maximumReconnectDelay, with random jitter. The
     * option is a long type.
     */
    private Long reconnectDelay = 1000L;
    /**
     * Transfer only the bytes missing at the destination (or in its temporary
     * file when atomic): a retried transfer continues where the last one
     * stopped; a destination at least as large as the source is left alone.
     */
    private Boolean resume = false;
    /**
     * Suffix of the temporary file name used when atomic is true.
     */
    private String tempSuffix = ".hussh.tmp";
    /**
     * Before continuing a partial file, compare its last bytes (up to 64 KiB)
     * with the same range of the source; when they differ the partial is a copy
     * of something else and the transfer starts over (header
     * CamelHusshResumeRestarted). Stream bodies cannot be read twice and are
     * not compared.
     */
    private Boolean verifyResume = true;
    /**
     * Allows for bridging the consumer to the Camel routing Error Handler,
     * which mean any exceptions (if possible) occurred while the Camel consumer
     * is trying to pickup incoming messages, or the likes, will now be
     * processed as a message and handled by the routing Error Handler.
     * Important: This is only possible if the 3rd party component allows Camel
     * to be alerted if an exception was thrown. Some components handle this
     * internally only, and therefore bridgeErrorHandler is not possible. In
     * other situations we may improve the Camel component to hook into the 3rd
     * party component and make this possible for future releases. By default
     * the consumer will use the org.apache.camel.spi.ExceptionHandler to deal
     * with exceptions, that will be logged at WARN or ERROR level and ignored.
     */
    private Boolean bridgeErrorHandler = false;
    /**
     * Delete the remote file once the route has processed it successfully.
     */
    private Boolean delete = false;
    /**
     * Java regular expression: files whose name matches are not consumed.
     */
    private String exclude;
    /**
     * Deliver each file once: a file is remembered by remote path, size and
     * modification time, so a file replaced with new content is delivered
     * again.
     */
    private Boolean idempotent = true;
    /**
     * The IdempotentRepository remembering delivered files; share one (JDBC,
     * Redis, Infinispan) so that several nodes consuming one directory deliver
     * each file once in all. Default: in memory. The option is a
     * org.apache.camel.spi.IdempotentRepository type.
     */
    private IdempotentRepository idempotentRepository;
    /**
     * Java regular expression: only files whose name matches are consumed.
     */
    private String include;
    /**
     * How many directory levels a recursive consumer descends; 1 is the
     * endpoint directory alone.
     */
    private Integer maxDepth = 2147483647;
    /**
     * Largest number of files one poll delivers; 0 for no limit.
     */
    private Integer maxMessagesPerPoll = 0;
    /**
     * Take only files last modified at least this long ago, in milliseconds.
     * The option is a long type.
     */
    private Long minAge = 0L;
    /**
     * Remote directory to move a file into once the route has processed it
     * successfully (created if missing); relative to the endpoint directory
     * unless absolute.
     */
    private String move;
    /**
     * Remote directory to move a file into when the route failed on it (created
     * if missing); relative to the endpoint directory unless absolute. Without
     * it the file stays and is retried on the next poll.
     */
    private String moveFailed;
    /**
     * For writers that do not use temporary names: changed takes a file only if
     * its size and modification time stayed the same over
     * readLockCheckInterval. Files ending in tempSuffix are never taken.
     */
    private HusshReadLock readLock = HusshReadLock.none;
    /**
     * With readLock=changed, how long a file must stay unchanged, in
     * milliseconds. The option is a long type.
     */
    private Long readLockCheckInterval = 1000L;
    /**
     * Also consume files in sub-directories, down to maxDepth. Symbolic links
     * to files are consumed like files; links to directories are never
     * followed.
     */
    private Boolean recursive = false;
    /**
     * Order in which one poll delivers its files: by relative name, size or
     * modification time.
     */
    private HusshSortBy sortBy = HusshSortBy.name;
    /**
     * Remote file name as a Camel simple expression, relative to the endpoint
     * directory; sub-directories are created as needed. Default: header
     * CamelFileName, then the name of the body file.
     */
    private String fileName;
    /**
     * Whether the producer should be started lazy (on the first message). By
     * starting lazy you can use this to allow CamelContext and routes to
     * startup in situations where a producer may otherwise fail during starting
     * and cause the route to fail being started. By deferring this startup to
     * be lazy then the startup failure can be handled during routing messages
     * via Camel's routing error handlers. Beware that when the first message is
     * processed then creating and starting the producer may take a little time
     * and prolong the total processing time of the processing.
     */
    private Boolean lazyStartProducer = false;
    /**
     * What the producer does: upload the message body, or download a remote
     * file to localDirectory. Header CamelHusshOperation overrides it per
     * message.
     */
    private HusshOperation operation = HusshOperation.upload;
    /**
     * Number of threads running transfers for this endpoint, and so the largest
     * number of transfers, each with an SSH session of its own, at once; split
     * transfers add up to parallelStreams shared connections.
     */
    private Integer workerPoolSize = 10;
    /**
     * When the server cannot rename over an existing file atomically (no
     * posix-rename extension of OpenSSH), replace it through a backup rename
     * instead of failing: the destination is briefly absent but never lost.
     */
    private Boolean allowNonAtomicReplace = false;
    /**
     * Whether autowiring is enabled. This is used for automatic autowiring
     * options (the option must be marked as autowired) by looking up in the
     * registry to find if there is a single instance of matching type, which
     * then gets configured on the component. This can be used for automatic
     * configuring JDBC data sources, JMS connection factories, AWS Clients,
     * etc.
     */
    private Boolean autowiredEnabled = true;
    /**
     * SFTP read requests of 32 KiB that one download keeps in flight; the SSH
     * receive window is sized to twice that. A download moves at most
     * bulkRequests x 32 KiB per network round trip: raise it for links with a
     * long round trip. Each transfer's own connection holds a buffer of
     * bulkRequests x 32 KiB (4 MiB at the default); the extra connections of a
     * split transfer hold 512 KiB each.
     */
    private Integer bulkRequests = 128;
    /**
     * Time allowed to open the TCP connection, exchange keys and authenticate,
     * in milliseconds. The option is a long type.
     */
    private Long connectTimeout = 10000L;
    /**
     * Longest pause between two reconnects, in milliseconds. The option is a
     * long type.
     */
    private Long maximumReconnectDelay = 30000L;
    /**
     * Shortest round trip, in milliseconds, on which a file is split
     * (parallelStreams), measured on the transfer's connection before it
     * starts: on a shorter one a single connection already moves what the
     * processors can encrypt. 0 splits on any link, for servers that limit each
     * connection's rate.
     */
    private Long parallelMinimumRoundTrip = 5L;
    /**
     * A TransferListener bean (#name) told how each transfer advances: bytes at
     * the destination, total, rate; about once a second and when it completes.
     * Independently, transfers of 64 MiB and more are logged at INFO every 5
     * seconds. The option is a io.hussh.sftp.TransferListener type.
     */
    private TransferListener progressListener;
    /**
     * Size in bytes of the segments a split file is sent in: the unit streams
     * take in turn, and the unit the journal (.name.hussh-segments beside the
     * partial) records for a resume.
     */
    private Long segmentSize = 33554432L;
    /**
     * Interval of SSH keepalive messages, in milliseconds; after three
     * unanswered ones the connection counts as dead, so a silently dropped link
     * fails instead of hanging. The option is a long type.
     */
    private Long serverAliveInterval = 15000L;
    /**
     * Used for enabling or disabling all consumer based health checks from this
     * component
     */
    private Boolean healthCheckConsumerEnabled = true;
    /**
     * Used for enabling or disabling all producer based health checks from this
     * component. Notice: Camel has by default disabled all producer based
     * health-checks. You can turn on producer checks globally by setting
     * camel.health.producersEnabled=true.
     */
    private Boolean healthCheckProducerEnabled = true;
    /**
     * OpenSSH known_hosts file with the host keys to trust (hashed entries and
     * cert-authority lines included).
     */
    private String knownHostsFile = "~/.ssh/known_hosts";
    /**
     * Password for password authentication.
     */
    private String password;
    /**
     * Private key file for public-key authentication, OpenSSH or PEM format
     * (RSA, ECDSA and ed25519 keys).
     */
    private String privateKeyFile;
    /**
     * Passphrase of an encrypted private key file.
     */
    private String privateKeyPassphrase;
    /**
     * yes refuses unknown or changed host keys with an error naming the host
     * and the key fingerprint; no accepts any host key, for tests and demos
     * only.
     */
    private String strictHostKeyChecking = "yes";
    /**
     * User name to log in with; may also be given in the URI as hussh:userhost.
     */
    private String username;

    public Boolean getAtomic() {
        return atomic;
    }

    public void setAtomic(Boolean atomic) {
        this.atomic = atomic;
    }

    public Boolean getAutoCreate() {
        return autoCreate;
    }

    public void setAutoCreate(Boolean autoCreate) {
        this.autoCreate = autoCreate;
    }

    public String getChecksum() {
        return checksum;
    }

    public void setChecksum(String checksum) {
        this.checksum = checksum;
    }

    public Boolean getChecksumFile() {
        return checksumFile;
    }

    public void setChecksumFile(Boolean checksumFile) {
        this.checksumFile = checksumFile;
    }

    public String getChmod() {
        return chmod;
    }

    public void setChmod(String chmod) {
        this.chmod = chmod;
    }

    public HusshConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(HusshConfiguration configuration) {
        this.configuration = configuration;
    }

    public Boolean getKeepLastModified() {
        return keepLastModified;
    }

    public void setKeepLastModified(Boolean keepLastModified) {
        this.keepLastModified = keepLastModified;
    }

    public Long getLeaseDuration() {
        return leaseDuration;
    }

    public void setLeaseDuration(Long leaseDuration) {
        this.leaseDuration = leaseDuration;
    }

    public Long getLeaseWaitTimeout() {
        return leaseWaitTimeout;
    }

    public void setLeaseWaitTimeout(Long leaseWaitTimeout) {
        this.leaseWaitTimeout = leaseWaitTimeout;
    }

    public String getLocalDirectory() {
        return localDirectory;
    }

    public void setLocalDirectory(String localDirectory) {
        this.localDirectory = localDirectory;
    }

    public Integer getMaximumReconnectAttempts() {
        return maximumReconnectAttempts;
    }

    public void setMaximumReconnectAttempts(Integer maximumReconnectAttempts) {
        this.maximumReconnectAttempts = maximumReconnectAttempts;
    }

    public Integer getParallelStreams() {
        return parallelStreams;
    }

    public void setParallelStreams(Integer parallelStreams) {
        this.parallelStreams = parallelStreams;
    }

    public Long getParallelThreshold() {
        return parallelThreshold;
    }

    public void setParallelThreshold(Long parallelThreshold) {
        this.parallelThreshold = parallelThreshold;
    }

    public Long getReconnectDelay() {
        return reconnectDelay;
    }

    public void setReconnectDelay(Long reconnectDelay) {
        this.reconnectDelay = reconnectDelay;
    }

    public Boolean getResume() {
        return resume;
    }

    public void setResume(Boolean resume) {
        this.resume = resume;
    }

    public String getTempSuffix() {
        return tempSuffix;
    }

    public void setTempSuffix(String tempSuffix) {
        this.tempSuffix = tempSuffix;
    }

    public Boolean getVerifyResume() {
        return verifyResume;
    }

    public void setVerifyResume(Boolean verifyResume) {
        this.verifyResume = verifyResume;
    }

    public Boolean getBridgeErrorHandler() {
        return bridgeErrorHandler;
    }

    public void setBridgeErrorHandler(Boolean bridgeErrorHandler) {
        this.bridgeErrorHandler = bridgeErrorHandler;
    }

    public Boolean getDelete() {
        return delete;
    }

    public void setDelete(Boolean delete) {
        this.delete = delete;
    }

    public String getExclude() {
        return exclude;
    }

    public void setExclude(String exclude) {
        this.exclude = exclude;
    }

    public Boolean getIdempotent() {
        return idempotent;
    }

    public void setIdempotent(Boolean idempotent) {
        this.idempotent = idempotent;
    }

    public IdempotentRepository getIdempotentRepository() {
        return idempotentRepository;
    }

    public void setIdempotentRepository(IdempotentRepository idempotentRepository) {
        this.idempotentRepository = idempotentRepository;
    }

    public String getInclude() {
        return include;
    }

    public void setInclude(String include) {
        this.include = include;
    }

    public Integer getMaxDepth() {
        return maxDepth;
    }

    public void setMaxDepth(Integer maxDepth) {
        this.maxDepth = maxDepth;
    }

    public Integer getMaxMessagesPerPoll() {
        return maxMessagesPerPoll;
    }

    public void setMaxMessagesPerPoll(Integer maxMessagesPerPoll) {
        this.maxMessagesPerPoll = maxMessagesPerPoll;
    }

    public Long getMinAge() {
        return minAge;
    }

    public void setMinAge(Long minAge) {
        this.minAge = minAge;
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

    public HusshReadLock getReadLock() {
        return readLock;
    }

    public void setReadLock(HusshReadLock readLock) {
        this.readLock = readLock;
    }

    public Long getReadLockCheckInterval() {
        return readLockCheckInterval;
    }

    public void setReadLockCheckInterval(Long readLockCheckInterval) {
        this.readLockCheckInterval = readLockCheckInterval;
    }

    public Boolean getRecursive() {
        return recursive;
    }

    public void setRecursive(Boolean recursive) {
        this.recursive = recursive;
    }

    public HusshSortBy getSortBy() {
        return sortBy;
    }

    public void setSortBy(HusshSortBy sortBy) {
        this.sortBy = sortBy;
    }

    public String getFileName() {
        return fileName;
    }

    public void setFileName(String fileName) {
        this.fileName = fileName;
    }

    public Boolean getLazyStartProducer() {
        return lazyStartProducer;
    }

    public void setLazyStartProducer(Boolean lazyStartProducer) {
        this.lazyStartProducer = lazyStartProducer;
    }

    public HusshOperation getOperation() {
        return operation;
    }

    public void setOperation(HusshOperation operation) {
        this.operation = operation;
    }

    public Integer getWorkerPoolSize() {
        return workerPoolSize;
    }

    public void setWorkerPoolSize(Integer workerPoolSize) {
        this.workerPoolSize = workerPoolSize;
    }

    public Boolean getAllowNonAtomicReplace() {
        return allowNonAtomicReplace;
    }

    public void setAllowNonAtomicReplace(Boolean allowNonAtomicReplace) {
        this.allowNonAtomicReplace = allowNonAtomicReplace;
    }

    public Boolean getAutowiredEnabled() {
        return autowiredEnabled;
    }

    public void setAutowiredEnabled(Boolean autowiredEnabled) {
        this.autowiredEnabled = autowiredEnabled;
    }

    public Integer getBulkRequests() {
        return bulkRequests;
    }

    public void setBulkRequests(Integer bulkRequests) {
        this.bulkRequests = bulkRequests;
    }

    public Long getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Long getMaximumReconnectDelay() {
        return maximumReconnectDelay;
    }

    public void setMaximumReconnectDelay(Long maximumReconnectDelay) {
        this.maximumReconnectDelay = maximumReconnectDelay;
    }

    public Long getParallelMinimumRoundTrip() {
        return parallelMinimumRoundTrip;
    }

    public void setParallelMinimumRoundTrip(Long parallelMinimumRoundTrip) {
        this.parallelMinimumRoundTrip = parallelMinimumRoundTrip;
    }

    public TransferListener getProgressListener() {
        return progressListener;
    }

    public void setProgressListener(TransferListener progressListener) {
        this.progressListener = progressListener;
    }

    public Long getSegmentSize() {
        return segmentSize;
    }

    public void setSegmentSize(Long segmentSize) {
        this.segmentSize = segmentSize;
    }

    public Long getServerAliveInterval() {
        return serverAliveInterval;
    }

    public void setServerAliveInterval(Long serverAliveInterval) {
        this.serverAliveInterval = serverAliveInterval;
    }

    public Boolean getHealthCheckConsumerEnabled() {
        return healthCheckConsumerEnabled;
    }

    public void setHealthCheckConsumerEnabled(Boolean healthCheckConsumerEnabled) {
        this.healthCheckConsumerEnabled = healthCheckConsumerEnabled;
    }

    public Boolean getHealthCheckProducerEnabled() {
        return healthCheckProducerEnabled;
    }

    public void setHealthCheckProducerEnabled(Boolean healthCheckProducerEnabled) {
        this.healthCheckProducerEnabled = healthCheckProducerEnabled;
    }

    public String getKnownHostsFile() {
        return knownHostsFile;
    }

    public void setKnownHostsFile(String knownHostsFile) {
        this.knownHostsFile = knownHostsFile;
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

    public String getStrictHostKeyChecking() {
        return strictHostKeyChecking;
    }

    public void setStrictHostKeyChecking(String strictHostKeyChecking) {
        this.strictHostKeyChecking = strictHostKeyChecking;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }
}
