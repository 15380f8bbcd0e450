package io.hussh.sftp;

import java.time.Duration;

/**
 * How one transfer treats the destination. Immutable; made with {@link #builder()}, changed with {@link #toBuilder()}.
 * The values are taken as given: the front end (the Camel endpoint's option resolver) checks what users type.
 */
public final class TransferOptions {

    public static final String DEFAULT_TEMP_SUFFIX = SideFiles.DEFAULT_TEMP_SUFFIX;
    public static final Duration DEFAULT_LEASE_DURATION = Duration.ofSeconds(30);
    public static final Duration DEFAULT_LEASE_WAIT_TIMEOUT = Duration.ofSeconds(60);
    public static final long DEFAULT_SEGMENT_SIZE = 32L * 1024 * 1024;
    public static final long DEFAULT_PARALLEL_THRESHOLD = 64L * 1024 * 1024;
    /**
     * On a shorter round trip one connection already moves what the processors can encrypt, and more of them only
     * compete (docs/benchmarks.md).
     */
    public static final Duration DEFAULT_PARALLEL_MINIMUM_ROUND_TRIP = Duration.ofMillis(5);

    private final boolean atomic;
    private final boolean resume;
    private final SideFiles sideFiles;
    private final boolean allowNonAtomicReplace;
    private final boolean protectEarlierDeliveries;
    private final boolean verifyResume;
    private final boolean checksum;
    private final boolean checksumFile;
    private final boolean keepLastModified;
    private final Integer permissions;
    private final boolean autoCreate;
    private final Duration leaseDuration;
    private final Duration leaseWaitTimeout;
    private final long segmentSize;
    private final long parallelThreshold;
    private final Duration parallelMinimumRoundTrip;

    private TransferOptions(Builder builder) {
        this.atomic = builder.atomic;
        this.resume = builder.resume;
        this.sideFiles = new SideFiles(builder.tempSuffix, builder.checksumFile);
        this.allowNonAtomicReplace = builder.allowNonAtomicReplace;
        this.protectEarlierDeliveries = builder.protectEarlierDeliveries;
        this.verifyResume = builder.verifyResume;
        this.checksum = builder.checksum;
        this.checksumFile = builder.checksumFile;
        this.keepLastModified = builder.keepLastModified;
        this.permissions = builder.permissions;
        this.autoCreate = builder.autoCreate;
        this.leaseDuration = builder.leaseDuration;
        this.leaseWaitTimeout = builder.leaseWaitTimeout;
        this.segmentSize = builder.segmentSize;
        this.parallelThreshold = builder.parallelThreshold;
        this.parallelMinimumRoundTrip = builder.parallelMinimumRoundTrip;
    }

    /** Neither atomic nor resumed, resumes verified when switched on, missing remote directories created. */
    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Write to the temp name and rename it onto the final name only when complete. */
    public boolean atomic() {
        return atomic;
    }

    /** Continue from the bytes already at the destination (or in the temp file). */
    public boolean resume() {
        return resume;
    }

    /** The names of the files a transfer keeps beside its destination, the temp file among them. */
    public SideFiles sideFiles() {
        return sideFiles;
    }

    /** Suffix of the temporary name used when {@link #atomic()}. */
    public String tempSuffix() {
        return sideFiles.tempSuffix();
    }

    /**
     * When the server cannot rename over an existing file atomically, replace it in two renames through a backup
     * instead of failing; the destination is briefly absent but never lost.
     */
    public boolean allowNonAtomicReplace() {
        return allowNonAtomicReplace;
    }

    /**
     * Protects files an earlier transfer delivered to the destination: only a partial file recorded as a copy of this
     * very version of the source is continued; any other file there (an earlier version, a complete copy of the same
     * size) is replaced by a full transfer instead of being continued or taken as complete.
     */
    public boolean protectEarlierDeliveries() {
        return protectEarlierDeliveries;
    }

    /** Before continuing a partial file, compare its last bytes with the source and start over when they differ. */
    public boolean verifyResume() {
        return verifyResume;
    }

    /** Compute the SHA-256 of the whole file while it moves. */
    public boolean checksum() {
        return checksum;
    }

    /** Downloads: compare that SHA-256 with the remote {@code name.sha256} file. */
    public boolean checksumFile() {
        return checksumFile;
    }

    /** Give the destination the source's modification time. */
    public boolean keepLastModified() {
        return keepLastModified;
    }

    /** POSIX permissions for the destination (e.g. {@code 0640}), or {@code null} for the default. */
    public Integer permissions() {
        return permissions;
    }

    /** Create missing directories of the destination. */
    public boolean autoCreate() {
        return autoCreate;
    }

    /**
     * How long an upload's lease on its destination lasts without renewal: a writer that died is taken over after
     * that long; a live one renews it every quarter of it.
     */
    public Duration leaseDuration() {
        return leaseDuration;
    }

    /** How long a transfer waits for another writer of the same destination before it fails. */
    public Duration leaseWaitTimeout() {
        return leaseWaitTimeout;
    }

    /** The unit of work and of resume of a transfer split over several connections. */
    public long segmentSize() {
        return segmentSize;
    }

    /** The smallest file that is split over several connections. */
    public long parallelThreshold() {
        return parallelThreshold;
    }

    /** The shortest round trip on which a file is split; zero splits on any link. */
    public Duration parallelMinimumRoundTrip() {
        return parallelMinimumRoundTrip;
    }

    @Override
    public String toString() {
        return "TransferOptions[atomic=" + atomic + ", resume=" + resume + ", tempSuffix=" + tempSuffix()
               + ", allowNonAtomicReplace=" + allowNonAtomicReplace + ", protectEarlierDeliveries="
               + protectEarlierDeliveries + ", verifyResume=" + verifyResume + ", checksum=" + checksum
               + ", checksumFile=" + checksumFile + ", keepLastModified=" + keepLastModified + ", permissions="
               + (permissions == null ? "default" : Integer.toOctalString(permissions)) + ", autoCreate=" + autoCreate
               + ", leaseDuration=" + leaseDuration + ", leaseWaitTimeout=" + leaseWaitTimeout + ", segmentSize="
               + segmentSize + ", parallelThreshold=" + parallelThreshold + ", parallelMinimumRoundTrip="
               + parallelMinimumRoundTrip + "]";
    }

    /** Builds {@link TransferOptions}; every setter names its option, so two values cannot be swapped. */
    public static final class Builder {

        private boolean atomic;
        private boolean resume;
        private String tempSuffix = DEFAULT_TEMP_SUFFIX;
        private boolean allowNonAtomicReplace;
        private boolean protectEarlierDeliveries;
        private boolean verifyResume = true;
        private boolean checksum;
        private boolean checksumFile;
        private boolean keepLastModified;
        private Integer permissions;
        private boolean autoCreate = true;
        private Duration leaseDuration = DEFAULT_LEASE_DURATION;
        private Duration leaseWaitTimeout = DEFAULT_LEASE_WAIT_TIMEOUT;
        private long segmentSize = DEFAULT_SEGMENT_SIZE;
        private long parallelThreshold = DEFAULT_PARALLEL_THRESHOLD;
        private Duration parallelMinimumRoundTrip = DEFAULT_PARALLEL_MINIMUM_ROUND_TRIP;

        private Builder() {
        }

        private Builder(TransferOptions options) {
            atomic = options.atomic;
            resume = options.resume;
            tempSuffix = options.tempSuffix();
            allowNonAtomicReplace = options.allowNonAtomicReplace;
            protectEarlierDeliveries = options.protectEarlierDeliveries;
            verifyResume = options.verifyResume;
            checksum = options.checksum;
            checksumFile = options.checksumFile;
            keepLastModified = options.keepLastModified;
            permissions = options.permissions;
            autoCreate = options.autoCreate;
            leaseDuration = options.leaseDuration;
            leaseWaitTimeout = options.leaseWaitTimeout;
            segmentSize = options.segmentSize;
            parallelThreshold = options.parallelThreshold;
            parallelMinimumRoundTrip = options.parallelMinimumRoundTrip;
        }

        public Builder atomic(boolean value) {
            atomic = value;
            return this;
        }

        public Builder resume(boolean value) {
            resume = value;
            return this;
        }

        public Builder tempSuffix(String value) {
            tempSuffix = value;
            return this;
        }

        public Builder allowNonAtomicReplace(boolean value) {
            allowNonAtomicReplace = value;
            return this;
        }

        public Builder protectEarlierDeliveries(boolean value) {
            protectEarlierDeliveries = value;
            return this;
        }

        public Builder verifyResume(boolean value) {
            verifyResume = value;
            return this;
        }

        public Builder checksum(boolean value) {
            checksum = value;
            return this;
        }

        public Builder checksumFile(boolean value) {
            checksumFile = value;
            return this;
        }

        public Builder keepLastModified(boolean value) {
            keepLastModified = value;
            return this;
        }

        public Builder permissions(Integer value) {
            permissions = value;
            return this;
        }

        public Builder autoCreate(boolean value) {
            autoCreate = value;
            return this;
        }

        public Builder leaseDuration(Duration value) {
            leaseDuration = value;
            return this;
        }

        public Builder leaseWaitTimeout(Duration value) {
            leaseWaitTimeout = value;
            return this;
        }

        public Builder segmentSize(long value) {
            segmentSize = value;
            return this;
        }

        public Builder parallelThreshold(long value) {
            parallelThreshold = value;
            return this;
        }

        public Builder parallelMinimumRoundTrip(Duration value) {
            parallelMinimumRoundTrip = value;
            return this;
        }

        /** @throws IllegalArgumentException when the temp suffix cannot name a file beside the destination */
        public TransferOptions build() {
            return new TransferOptions(this);
        }
    }
}
