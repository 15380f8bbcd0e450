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
 */
public record TransferOptions(boolean atomic, boolean resume, String tempSuffix, boolean allowNonAtomicReplace,
        boolean resumeVerifiedOnly) {

    public static final String DEFAULT_TEMP_SUFFIX = ".hussh.tmp";

    public TransferOptions {
        Objects.requireNonNull(tempSuffix, "tempSuffix");
        if (atomic && (tempSuffix.isEmpty() || tempSuffix.contains("/"))) {
            throw new IllegalArgumentException(
                    "tempSuffix must be a non-empty file name suffix without '/', was '" + tempSuffix + "'");
        }
    }

    public static TransferOptions plain() {
        return new TransferOptions(false, false, DEFAULT_TEMP_SUFFIX, false, false);
    }

    public TransferOptions withAtomic(boolean value) {
        return new TransferOptions(value, resume, tempSuffix, allowNonAtomicReplace, resumeVerifiedOnly);
    }

    public TransferOptions withResume(boolean value) {
        return new TransferOptions(atomic, value, tempSuffix, allowNonAtomicReplace, resumeVerifiedOnly);
    }

    public TransferOptions withAllowNonAtomicReplace(boolean value) {
        return new TransferOptions(atomic, resume, tempSuffix, value, resumeVerifiedOnly);
    }

    public TransferOptions withResumeVerifiedOnly(boolean value) {
        return new TransferOptions(atomic, resume, tempSuffix, allowNonAtomicReplace, value);
    }
}
