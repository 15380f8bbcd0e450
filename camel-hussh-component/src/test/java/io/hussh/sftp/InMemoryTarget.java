package io.hussh.sftp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A destination held in memory, for the rules of {@link Transfer} that need no server: files by path, the version
 * records beside them, and a count of the bytes written into them.
 */
final class InMemoryTarget implements TransferTarget {

    private final Map<String, byte[]> files = new HashMap<>();
    private final Map<String, String> records = new HashMap<>();
    private final Map<String, Integer> permissions = new HashMap<>();
    private final Map<String, String> journals = new HashMap<>();
    private int journalUpdates;
    private long bytesWritten;
    private int opens;
    private int claims;
    private int claimChecks;
    private int commits;
    private boolean commitsFail;

    InMemoryTarget with(String path, byte[] content) {
        files.put(path, content.clone());
        return this;
    }

    /** A destination whose renames fail, as a server refusing them does. */
    InMemoryTarget refusingCommits() {
        commitsFail = true;
        return this;
    }

    InMemoryTarget withRecord(String path, String version) {
        records.put(path, version);
        return this;
    }

    synchronized byte[] content(String path) {
        return files.get(path);
    }

    synchronized boolean exists(String path) {
        return files.containsKey(path);
    }

    String record(String path) {
        return records.get(path);
    }

    boolean hasRecords() {
        return !records.isEmpty();
    }

    Integer permissions(String path) {
        return permissions.get(path);
    }

    synchronized long bytesWritten() {
        return bytesWritten;
    }

    /** How often the transfer claimed the destination, checked its claim, and committed. */
    int claims() {
        return claims;
    }

    int claimChecks() {
        return claimChecks;
    }

    int commits() {
        return commits;
    }

    @Override
    public void claim(TransferProgress progress) {
        claims++;
    }

    @Override
    public void checkClaim() {
        claimChecks++;
    }

    /** How often a file was opened for writing. */
    int opens() {
        return opens;
    }

    @Override
    public synchronized long size(String path) {
        byte[] content = files.get(path);
        return content == null ? -1 : content.length;
    }

    @Override
    public synchronized OutputStream open(String path, long offset) {
        opens++;
        byte[] existing = files.getOrDefault(path, new byte[0]);
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        buffer.write(existing, 0, (int) Math.min(offset, existing.length));
        files.put(path, buffer.toByteArray());
        return new OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                buffer.write(b, off, len);
                bytesWritten += len;
                files.put(path, buffer.toByteArray());
            }
        };
    }

    @Override
    public synchronized OutputStream openSegment(String path, long offset) {
        opens++;
        files.putIfAbsent(path, new byte[0]);
        long[] position = {offset};
        return new OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                synchronized (InMemoryTarget.this) {
                    byte[] content = files.get(path);
                    long end = position[0] + len;
                    if (end > content.length) {
                        content = Arrays.copyOf(content, (int) end);
                    }
                    System.arraycopy(b, off, content, (int) position[0], len);
                    files.put(path, content);
                    position[0] = end;
                    bytesWritten += len;
                }
            }
        };
    }

    InMemoryTarget withJournal(String path, String journal) {
        journals.put(path, journal);
        return this;
    }

    synchronized String journal(String path) {
        return journals.get(path);
    }

    synchronized int journalUpdates() {
        return journalUpdates;
    }

    @Override
    public synchronized String readJournal(String path) {
        return journals.get(path);
    }

    @Override
    public synchronized void startJournal(String path, String journal) {
        journals.put(path, journal);
    }

    @Override
    public synchronized void updateJournal(String path, String journal) {
        journalUpdates++;
        journals.put(path, journal);
    }

    @Override
    public synchronized void deleteJournal(String path) {
        journals.remove(path);
    }

    @Override
    public synchronized void commit(String tempPath, String finalPath) throws IOException {
        commits++;
        if (commitsFail) {
            throw new IOException("rename refused");
        }
        byte[] content = files.remove(tempPath);
        if (content == null) {
            throw new IOException("no such file: " + tempPath);
        }
        files.put(finalPath, content);
        Integer mode = permissions.remove(tempPath);
        if (mode != null) {
            permissions.put(finalPath, mode);
        }
    }

    @Override
    public synchronized void delete(String path) {
        files.remove(path);
    }

    @Override
    public synchronized byte[] read(String path, long offset, int length) {
        byte[] content = files.getOrDefault(path, new byte[0]);
        int from = (int) Math.min(offset, content.length);
        return Arrays.copyOfRange(content, from, (int) Math.min(content.length, from + (long) length));
    }

    @Override
    public void setAttributes(String path, long lastModified, Integer mode) {
        if (mode != null) {
            permissions.put(path, mode);
        }
    }

    @Override
    public String recordedVersion(String path) {
        return records.get(path);
    }

    @Override
    public void recordVersion(String path, String version) {
        records.put(path, version);
    }

    @Override
    public void forgetVersion(String path) {
        records.remove(path);
    }
}
