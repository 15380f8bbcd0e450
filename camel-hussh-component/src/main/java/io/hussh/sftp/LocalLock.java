package io.hussh.sftp;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;

/**
 * The right of one download to write one local destination, held against other processes by an operating-system lock
 * on a side file ({@link SideFiles#localLock}). The system releases it when the process dies, so no lease is needed;
 * on a network file system it is as good as that system's locks.
 */
final class LocalLock implements AutoCloseable {

    private static final long POLL_MILLIS = 100;

    private final Path file;
    private final String remotePath;
    private final Path lockFile;
    private final Duration waitTimeout;
    private FileChannel channel;
    private FileLock lock;

    /** @param remotePath the remote file downloaded into {@code file}, which errors name */
    LocalLock(Path file, String remotePath, Duration waitTimeout) {
        this.remotePath = remotePath;
        this.file = file;
        this.lockFile = SideFiles.localLock(file);
        this.waitTimeout = waitTimeout;
    }

    /** Holds the lock, waiting for another process's download up to the wait timeout. */
    void acquire(TransferProgress progress) throws IOException {
        if (lock != null) {
            return;
        }
        Path parent = lockFile.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        long waitUntil = System.nanoTime() + waitTimeout.toNanos();
        while (true) {
            if (tryLock()) {
                return;
            }
            if (System.nanoTime() - waitUntil >= 0) {
                throw new HusshTransferException(remotePath, file + " is being written by another process (it holds "
                        + lockFile + "); it did not finish within leaseWaitTimeout (" + waitTimeout.toMillis()
                        + " ms). Raise leaseWaitTimeout to wait longer, or give the downloads different local names.");
            }
            progress.touch();
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new HusshTransferException(remotePath, "Interrupted while waiting for the lock " + lockFile, e);
            }
        }
    }

    /** One try: true when this lock now holds the file under the lock's name. */
    private boolean tryLock() throws IOException {
        Object before = fileKey();
        FileChannel opened = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            Object openedKey = fileKey();
            FileLock taken = null;
            // a holder removes the file when it is done, so a lock counts only on the file that is still there: the
            // one this channel opened (unchanged across the open), still under the name once locked. The file is
            // never opened a second time: closing any descriptor of it would drop this process's POSIX lock
            if (openedKey != null && (before == null || before.equals(openedKey))) {
                try {
                    taken = opened.tryLock();
                } catch (OverlappingFileLockException e) {
                    taken = null;
                }
            }
            if (taken != null && openedKey.equals(fileKey())) {
                channel = opened;
                lock = taken;
                return true;
            }
        } finally {
            if (channel != opened) {
                opened.close();
            }
        }
        return false;
    }

    private Object fileKey() throws IOException {
        try {
            return Files.readAttributes(lockFile, BasicFileAttributes.class).fileKey();
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    @Override
    public void close() throws HusshTransferException {
        if (lock == null) {
            return;
        }
        // removed while still locked, so that no waiter locks a file that is about to go
        try (FileChannel held = channel) {
            Files.deleteIfExists(lockFile);
        } catch (IOException e) {
            throw new HusshTransferException(remotePath, "Cannot remove the lock file " + lockFile + ": " + e.getMessage(),
                    e);
        } finally {
            lock = null;
            channel = null;
        }
    }
}
