package io.hussh.camel;

import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import io.hussh.sftp.ConnectionSettings;
import io.hussh.sftp.ReconnectPolicy;
import io.hussh.sftp.RemotePaths;
import io.hussh.sftp.TransferOptions;

/**
 * Every rule on a hussh endpoint's options, and its error message: turns the {@link HusshConfiguration} bean into the
 * immutable values the producer and the consumer keep, once, when the endpoint initialises. A new option needs its
 * field and description in the configuration and one line here. The one rule that is not here is the temp suffix's,
 * which the core's {@code SideFiles} owns because the atomic commit depends on it.
 */
final class HusshOptionResolver {

    /** Below it the open and close of each segment's writes would cost more than splitting gains. */
    private static final long MINIMUM_SEGMENT_SIZE = 1024 * 1024;

    /** Who needs localDirectory, for the message that says it is missing. */
    enum LocalDirectoryUse {
        CONSUMER("The hussh consumer needs the localDirectory option: where to write the files it downloads"),
        DOWNLOAD("The download operation needs the localDirectory option: where to write the downloaded file");

        private final String missing;

        LocalDirectoryUse(String missing) {
            this.missing = missing;
        }
    }

    private HusshOptionResolver() {
    }

    static HusshEndpointOptions resolve(HusshConfiguration configuration) {
        String directoryName = configuration.getDirectoryName();
        String remoteDirectory = RemotePaths.directory(directoryName == null || directoryName.isEmpty()
                ? "/" : directoryName);
        TransferOptions transfer = transferOptions(configuration);
        HusshEndpointOptions options = new HusshEndpointOptions(
                connectionSettings(configuration),
                reconnectPolicy(configuration),
                remoteDirectory,
                transfer,
                atLeast("workerPoolSize", configuration.getWorkerPoolSize(), 1),
                localDirectory(configuration),
                consumerOptions(configuration, remoteDirectory, transfer));
        if (configuration.getOperation() == HusshOperation.download) {
            localDirectory(options, LocalDirectoryUse.DOWNLOAD);
        }
        return options;
    }

    /** The local directory, or the error that says who needs it. */
    static Path localDirectory(HusshEndpointOptions options, LocalDirectoryUse use) {
        if (options.localDirectory() == null) {
            throw new IllegalArgumentException(use.missing);
        }
        return options.localDirectory();
    }

    private static ConnectionSettings connectionSettings(HusshConfiguration configuration) {
        String host = blankToNull(configuration.getHost());
        if (host == null) {
            throw new IllegalArgumentException("No host: use hussh:[user@]host[:port]/directory");
        }
        String username = blankToNull(configuration.getUsername());
        if (username == null) {
            throw new IllegalArgumentException("No username for " + host + ": give it as hussh:user@" + host
                                               + " or with the username option");
        }
        int port = configuration.getPort();
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be between 1 and 65535, was " + port);
        }
        return ConnectionSettings.builder(host, username)
                .port(port)
                .password(configuration.getPassword())
                .privateKeyFile(expandHome(configuration.getPrivateKeyFile()))
                .privateKeyPassphrase(configuration.getPrivateKeyPassphrase())
                .knownHostsFile(expandHome(configuration.getKnownHostsFile()))
                .strictHostKeyChecking(yesOrNo("strictHostKeyChecking", configuration.getStrictHostKeyChecking()))
                .connectTimeout(Duration.ofMillis(configuration.getConnectTimeout()))
                .serverAliveInterval(Duration.ofMillis(configuration.getServerAliveInterval()))
                .bulkRequests(atLeast("bulkRequests", configuration.getBulkRequests(), 1))
                .parallelStreams(atLeast("parallelStreams", configuration.getParallelStreams(), 1))
                .build();
    }

    private static ReconnectPolicy reconnectPolicy(HusshConfiguration configuration) {
        return new ReconnectPolicy(
                atLeast("maximumReconnectAttempts", configuration.getMaximumReconnectAttempts(), 0),
                Duration.ofMillis(configuration.getReconnectDelay()),
                Duration.ofMillis(configuration.getMaximumReconnectDelay()));
    }

    private static TransferOptions transferOptions(HusshConfiguration configuration) {
        String checksum = configuration.getChecksum();
        if (!"none".equals(checksum) && !"sha256".equals(checksum)) {
            throw new IllegalArgumentException("checksum must be none or sha256, was '" + checksum + "'");
        }
        if (configuration.isChecksumFile() && !"sha256".equals(checksum)) {
            throw new IllegalArgumentException("checksumFile=true needs checksum=sha256");
        }
        return TransferOptions.builder()
                .atomic(configuration.isAtomic())
                .resume(configuration.isResume())
                .tempSuffix(configuration.getTempSuffix())
                .autoCreate(configuration.isAutoCreate())
                .verifyResume(configuration.isVerifyResume())
                .checksum("sha256".equals(checksum))
                .checksumFile(configuration.isChecksumFile())
                .keepLastModified(configuration.isKeepLastModified())
                .permissions(permissions(configuration.getChmod()))
                .allowNonAtomicReplace(configuration.isAllowNonAtomicReplace())
                .leaseDuration(Duration.ofMillis(atLeast("leaseDuration", configuration.getLeaseDuration(), 100)))
                .leaseWaitTimeout(Duration.ofMillis(atLeast("leaseWaitTimeout", configuration.getLeaseWaitTimeout(), 0)))
                .segmentSize(atLeast("segmentSize", configuration.getSegmentSize(), MINIMUM_SEGMENT_SIZE))
                .parallelThreshold(atLeast("parallelThreshold", configuration.getParallelThreshold(), 0))
                .parallelMinimumRoundTrip(Duration.ofMillis(
                        atLeast("parallelMinimumRoundTrip", configuration.getParallelMinimumRoundTrip(), 0)))
                .build();
    }

    private static HusshConsumerOptions consumerOptions(HusshConfiguration configuration, String remoteDirectory,
                                                        TransferOptions transfer) {
        if (configuration.isDelete() && configuration.getMove() != null) {
            throw new IllegalArgumentException("delete=true and move=" + configuration.getMove()
                                               + " exclude each other: choose one");
        }
        int maxDepth = atLeast("maxDepth", configuration.getMaxDepth(), 1);
        return new HusshConsumerOptions(
                pattern("include", configuration.getInclude()),
                pattern("exclude", configuration.getExclude()),
                configuration.isRecursive() ? maxDepth : 1,
                directoryOption(remoteDirectory, configuration.getMove()),
                directoryOption(remoteDirectory, configuration.getMoveFailed()),
                // the idempotent repository decides what is new: a file already in localDirectory is an earlier
                // delivery, not a partial of this one, unless recorded as such
                transfer.toBuilder().protectEarlierDeliveries(true).build());
    }

    private static Path localDirectory(HusshConfiguration configuration) {
        String directory = blankToNull(configuration.getLocalDirectory());
        return directory == null ? null : Path.of(directory);
    }

    /** A consumer directory option as an absolute remote directory: relative ones lie below the endpoint directory. */
    private static String directoryOption(String remoteDirectory, String value) {
        if (value == null) {
            return null;
        }
        return value.startsWith("/") ? RemotePaths.directory(value) : RemotePaths.resolve(remoteDirectory, value);
    }

    private static Pattern pattern(String option, String regex) {
        if (regex == null) {
            return null;
        }
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(option + " must be a Java regular expression, was '" + regex + "': "
                                               + e.getDescription(), e);
        }
    }

    private static Integer permissions(String chmod) {
        if (blankToNull(chmod) == null) {
            return null;
        }
        int mode;
        try {
            mode = Integer.parseInt(chmod.trim(), 8);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("chmod must be an octal mode such as 0640, was '" + chmod + "'", e);
        }
        if (mode < 0 || mode > 07777) {
            throw new IllegalArgumentException("chmod must be an octal mode such as 0640, was '" + chmod + "'");
        }
        return mode;
    }

    private static boolean yesOrNo(String option, String value) {
        if (!"yes".equals(value) && !"no".equals(value)) {
            throw new IllegalArgumentException(option + " must be yes or no, was '" + value + "'");
        }
        return "yes".equals(value);
    }

    private static int atLeast(String option, int value, int minimum) {
        return (int) atLeast(option, (long) value, minimum);
    }

    private static long atLeast(String option, long value, long minimum) {
        if (value < minimum) {
            String bound = minimum == 0 ? "0 or more" : "at least " + minimum;
            throw new IllegalArgumentException(option + " must be " + bound + ", was " + value);
        }
        return value;
    }

    private static Path expandHome(String path) {
        if (blankToNull(path) == null) {
            return null;
        }
        if (path.equals("~") || path.startsWith("~/")) {
            return Path.of(System.getProperty("user.home"), path.substring(1));
        }
        return Path.of(path);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
