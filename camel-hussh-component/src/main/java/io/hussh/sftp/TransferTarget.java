package io.hussh.sftp;

import java.io.IOException;
import java.io.OutputStream;

/** Where a transfer writes: the remote server for uploads, the local file system for downloads. */
interface TransferTarget {

    /**
     * Makes this transfer the one writer of its destination against writers in other processes and on other hosts,
     * waiting for another writer's turn; called before the plan, so that what the plan measures stays as measured.
     */
    default void claim(TransferProgress progress) throws IOException {
    }

    /** Fails unless this transfer still is the one writer; called just before the commit. */
    default void checkClaim() throws IOException {
    }

    /** Whether this transfer may still change or remove what it wrote: a writer that lost its claim may not. */
    default boolean holdsClaim() {
        return true;
    }

    /** The attempt writing through this target ended: a later loss of the claim must not cut its connection. */
    default void endAttempt() {
    }

    /** The failure to report for {@code cause}: the loss of the claim when that is what stopped the transfer. */
    default Exception lostClaim(Exception cause) {
        return cause;
    }

    /** Size of the file at {@code path}, or {@code -1} when there is none. */
    long size(String path) throws IOException;

    /**
     * Opens {@code path} for writing at {@code offset}, creating missing parent directories. Offset 0 creates or
     * truncates the file; any other offset writes from exactly that position, whatever the file's size is by then.
     */
    OutputStream open(String path, long offset) throws IOException;

    /**
     * Opens {@code path} for writing at exactly {@code offset}, creating it when missing and never truncating it: the
     * streams of a segmented transfer write one file at once.
     */
    OutputStream openSegment(String path, long offset) throws IOException;

    /** The journal of a segmented transfer writing {@code path}, or {@code null} when there is none. */
    String readJournal(String path) throws IOException;

    /** Writes the first journal of a segmented transfer of {@code path}, replacing any other. */
    void startJournal(String path, String journal) throws IOException;

    /**
     * Rewrites the journal in place. A journal keeps its length while its transfer runs, so an update never leaves
     * the file shorter than it was, whatever moment the writer stops at.
     */
    void updateJournal(String path, String journal) throws IOException;

    /** Removes the journal of {@code path}; a missing one is not an error. */
    void deleteJournal(String path) throws IOException;

    /** Moves the complete {@code tempPath} onto {@code finalPath}, replacing an existing file atomically. */
    void commit(String tempPath, String finalPath) throws IOException;

    /** Removes {@code path}; a missing file is not an error. */
    void delete(String path) throws IOException;

    /** Whether reading it costs no network round trip. */
    default boolean local() {
        return false;
    }

    /** {@code length} bytes of the file at {@code path} from {@code offset}. */
    byte[] read(String path, long offset, int length) throws IOException;

    /** Sets modification time (milliseconds) and, when not null, POSIX permissions of the file at {@code path}. */
    void setAttributes(String path, long lastModified, Integer permissions) throws IOException;

    /** The source version that the partial file at {@code path} was begun from, or {@code null} if none is known. */
    default String recordedVersion(String path) throws IOException {
        return null;
    }

    /** Remembers, beside the partial file at {@code path}, which source version it is a copy of. */
    default void recordVersion(String path, String version) throws IOException {
    }

    /** Forgets the record of {@link #recordVersion}, once the file is complete. */
    default void forgetVersion(String path) throws IOException {
    }
}
