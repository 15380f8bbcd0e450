package io.hussh.sftp;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Serialises transfers that write the same file within this JVM, whichever endpoint they come from, so that two
 * exchanges never write into one temp file at once. Writers in other processes are not covered.
 */
final class PathLocks {

    static final PathLocks JVM = new PathLocks();

    private final Map<String, Entry> entries = new HashMap<>();

    /** A held lock; closing it releases it. */
    interface Held extends AutoCloseable {
        @Override
        void close();
    }

    private static final class Entry {
        final ReentrantLock lock = new ReentrantLock();
        int users;
    }

    Held lock(String key) {
        Entry entry;
        synchronized (this) {
            entry = entries.computeIfAbsent(key, k -> new Entry());
            entry.users++;
        }
        entry.lock.lock();
        return () -> release(key, entry);
    }

    private void release(String key, Entry entry) {
        entry.lock.unlock();
        synchronized (this) {
            if (--entry.users == 0) {
                entries.remove(key);
            }
        }
    }

    synchronized int size() {
        return entries.size();
    }
}
