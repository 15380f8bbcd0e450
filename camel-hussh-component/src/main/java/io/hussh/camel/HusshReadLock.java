package io.hussh.camel;

/** How the consumer avoids files that a writer without temp names is still writing. */
public enum HusshReadLock {
    /** Take every file listed (files ending in tempSuffix are always skipped). */
    none,
    /** Take a file only if its size and modification time did not change over readLockCheckInterval. */
    changed
}
