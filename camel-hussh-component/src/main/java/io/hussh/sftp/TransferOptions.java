package io.hussh.sftp;

import java.util.Objects;

/**
 * How one transfer treats the destination.
 *
 * @param atomic                write to {@code name + tempSuffix} and rename onto the final name only when complete
 * @param resume                continue from the bytes already at the destination (or in the temp file)
 * @param tempSuffix            suffix of the temporary name used when {@code atomic}
 * @param allowNonAtomicReplace when the server cannot rename over an existing file atomically, replace it in two
 *                              renames through a backup instead of failing; the destination is briefly absent but
 *                              never lost
 * @param resumeVerifiedOnly    resume only a partial file recorded as a copy of this very version of the source;
 *                              any other file at the destination (an earlier version, a complete copy) is replaced
 *                              by a full transfer instead of being continued or taken as complete
 * @param verifyResume          before continuing a partial file, compare its last bytes (up to 64 KiB) with the same
 *                              range of the source, and start over when they differ
 * @param checksum              compute the SHA-256 of the whole file while it moves
 * @param checksumFile          downloads: compare that SHA-256 with the remote {@code name.sha256} file
 * @param keepLastModified      give the destination the source's modification time
 * @param permissions           POSIX permissions for the destination (e.g. {@code 0640}), or {@code null} to leave
 *                              the server's or the file system's default
 * @param autoCreate            create missing directories of the destination
 */
public record TransferOptions(boolean atomic, boolean resume, String tempSuffix, boolean allowNonAtomicReplace,
        boolean resumeVerifiedOnly, boolean verifyResume, boolean checksum, boolean checksumFile,
        boolean keepLastModified, Integer permissions, boolean autoCreate) {

    public static final String DEFAULT_TEMP_SUFFIX = ".hussh.tmp";

    public TransferOptions {
        Objects.requireNonNull(tempSuffix, "tempSuffix");
        if (atomic && (tempSuffix.isEmpty() || tempSuffix.contains("/"))) {
            throw new IllegalArgumentException(
                    "tempSuffix must be a non-empty file name suffix without '/', was '" + tempSuffix + "'");
        }
        if (permissions != null && (permissions < 0 || permissions > 07777)) {
            throw new IllegalArgumentException("permissions must be an octal mode such as 0640, was "
                                               + Integer.toOctalString(permissions));
        }
    }

    /** Neither atomic nor resumed; resumes are verified when switched on. */
    public static TransferOptions plain() {
        return new TransferOptions(false, false, DEFAULT_TEMP_SUFFIX, false, false, true, false, false, false, null,
                true);
    }

    public TransferOptions withAtomic(boolean value) {
        return new TransferOptions(value, resume, tempSuffix, allowNonAtomicReplace, resumeVerifiedOnly, verifyResume,
                checksum, checksumFile, keepLastModified, permissions, autoCreate);
    }

    public TransferOptions withResume(boolean value) {
        return new TransferOptions(atomic, value, tempSuffix, allowNonAtomicReplace, resumeVerifiedOnly, verifyResume,
                checksum, checksumFile, keepLastModified, permissions, autoCreate);
    }

    public TransferOptions withAllowNonAtomicReplace(boolean value) {
        return new TransferOptions(atomic, resume, tempSuffix, value, resumeVerifiedOnly, verifyResume, checksum,
                checksumFile, keepLastModified, permissions, autoCreate);
    }

    public TransferOptions withResumeVerifiedOnly(boolean value) {
        return new TransferOptions(atomic, resume, tempSuffix, allowNonAtomicReplace, value, verifyResume, checksum,
                checksumFile, keepLastModified, permissions, autoCreate);
    }

    public TransferOptions withVerifyResume(boolean value) {
        return new TransferOptions(atomic, resume, tempSuffix, allowNonAtomicReplace, resumeVerifiedOnly, value,
                checksum, checksumFile, keepLastModified, permissions, autoCreate);
    }

    public TransferOptions withChecksum(boolean value, boolean compareWithFile) {
        return new TransferOptions(atomic, resume, tempSuffix, allowNonAtomicReplace, resumeVerifiedOnly, verifyResume,
                value, compareWithFile, keepLastModified, permissions, autoCreate);
    }

    public TransferOptions withKeepLastModified(boolean value) {
        return new TransferOptions(atomic, resume, tempSuffix, allowNonAtomicReplace, resumeVerifiedOnly, verifyResume,
                checksum, checksumFile, value, permissions, autoCreate);
    }

    public TransferOptions withPermissions(Integer value) {
        return new TransferOptions(atomic, resume, tempSuffix, allowNonAtomicReplace, resumeVerifiedOnly, verifyResume,
                checksum, checksumFile, keepLastModified, value, autoCreate);
    }

    public TransferOptions withAutoCreate(boolean value) {
        return new TransferOptions(atomic, resume, tempSuffix, allowNonAtomicReplace, resumeVerifiedOnly, verifyResume,
                checksum, checksumFile, keepLastModified, permissions, value);
    }
}
