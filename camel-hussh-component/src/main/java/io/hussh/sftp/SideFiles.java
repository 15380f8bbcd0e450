package io.hussh.sftp;

import java.nio.file.Path;
import java.util.UUID;

/**
 * The one home of the names of the files hussh keeps beside a destination, and of the rule that every consumer skips
 * them. Each side file either ends in the temp suffix or has a fixed suffix of its own:
 * <ul>
 * <li><b>temp</b> {@code name + tempSuffix}: the file an atomic transfer writes before its commit;</li>
 * <li><b>backup</b> {@code name.XXXXXXXX.old + tempSuffix}: the old destination during a replace through two renames
 * ({@code allowNonAtomicReplace}); it ends in the temp suffix so that any consumer that skips temp files, other
 * tools' included, skips it too;</li>
 * <li><b>checksum</b> {@code name.sha256}: the SHA-256 a publisher gives for a file, compared by downloads with
 * {@code checksumFile}; a side file only for consumers that compare it, for others an ordinary file;</li>
 * <li><b>record</b> {@code .name.hussh-source}, beside a downloaded partial file: which version of the remote file the
 * partial copies, so that a resume never splices two versions; hidden, so file consumers pass over it by default;</li>
 * <li><b>lease</b> {@code name.hussh-lease/}, a directory beside an upload's destination: the one writer of that name,
 * on any host ({@link RemoteLease}); it holds one directory {@code g-N} for each writer that held it in turn, with
 * that writer's {@code owner} file;</li>
 * <li><b>lock</b> {@code .name.hussh-lock}, beside a download's local destination: the one process writing it;</li>
 * <li><b>journal</b> {@code .name.hussh-segments}, beside the file a segmented transfer writes (the temp file when
 * atomic; remote for uploads, so that another node can continue them, local for downloads): how far each segment has
 * reached ({@link Segments}).</li>
 * </ul>
 * A consumer skips a file when any segment of its path is a side file, so it never descends into a lease either.
 */
public final class SideFiles {

    public static final String DEFAULT_TEMP_SUFFIX = ".hussh.tmp";

    private static final String CHECKSUM_SUFFIX = ".sha256";
    private static final String RECORD_PREFIX = ".";
    private static final String RECORD_SUFFIX = ".hussh-source";
    private static final String BACKUP_MARK = ".old";
    private static final String LEASE_SUFFIX = ".hussh-lease";
    private static final String LOCK_SUFFIX = ".hussh-lock";
    private static final String JOURNAL_SUFFIX = ".hussh-segments";

    private final String tempSuffix;
    private final boolean checksumFilesCompared;

    /**
     * @param tempSuffix            suffix of temp and backup names
     * @param checksumFilesCompared downloads compare {@code name.sha256} files, which are then side files rather than
     *                              files of their own
     * @throws IllegalArgumentException when the suffix cannot name a file beside the destination
     */
    public SideFiles(String tempSuffix, boolean checksumFilesCompared) {
        if (tempSuffix == null || tempSuffix.isEmpty() || tempSuffix.contains("/")) {
            throw new IllegalArgumentException("tempSuffix must be a non-empty file name suffix without '/', was '"
                                               + tempSuffix + "'");
        }
        this.tempSuffix = tempSuffix;
        this.checksumFilesCompared = checksumFilesCompared;
    }

    public String tempSuffix() {
        return tempSuffix;
    }

    /** Whether a consumer must pass over the file {@code name}: a base name, or a relative path. */
    public boolean isSideFile(String name) {
        for (String segment : name.split("/")) {
            if (isSideFileName(segment)) {
                return true;
            }
        }
        return false;
    }

    private boolean isSideFileName(String base) {
        boolean hidden = base.startsWith(RECORD_PREFIX);
        return base.endsWith(tempSuffix)
               || base.endsWith(LEASE_SUFFIX)
               || (checksumFilesCompared && base.endsWith(CHECKSUM_SUFFIX))
               || (hidden && (base.endsWith(RECORD_SUFFIX) || base.endsWith(LOCK_SUFFIX)
                              || base.endsWith(JOURNAL_SUFFIX)));
    }

    String temp(String path) {
        return path + tempSuffix;
    }

    /** A fresh backup name for {@code path}, unlike any earlier one, so that two replaces never share it. */
    String backup(String path) {
        return path + "." + UUID.randomUUID().toString().substring(0, 8) + BACKUP_MARK + tempSuffix;
    }

    static String checksum(String path) {
        return path + CHECKSUM_SUFFIX;
    }

    static String lease(String path) {
        return path + LEASE_SUFFIX;
    }

    static Path localLock(Path file) {
        return file.resolveSibling(RECORD_PREFIX + file.getFileName() + LOCK_SUFFIX);
    }

    /** The journal of a segmented transfer, beside the file it writes (remote or local, by the same rule). */
    static String journal(String path) {
        int slash = path.lastIndexOf('/');
        return path.substring(0, slash + 1) + RECORD_PREFIX + path.substring(slash + 1) + JOURNAL_SUFFIX;
    }

    static Path record(String path) {
        Path file = Path.of(path);
        return file.resolveSibling(RECORD_PREFIX + file.getFileName() + RECORD_SUFFIX);
    }
}
