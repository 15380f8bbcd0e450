package io.hussh.sftp;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;

final class LocalTarget implements TransferTarget {

    private final LocalLock lock;

    LocalTarget(LocalLock lock) {
        this.lock = lock;
    }

    @Override
    public void claim(TransferProgress progress) throws IOException {
        lock.acquire(progress);
    }

    @Override
    public long size(String path) throws IOException {
        Path file = Path.of(path);
        return Files.isRegularFile(file) ? Files.size(file) : -1;
    }

    @Override
    public OutputStream open(String path, long offset) throws IOException {
        Path file = Path.of(path);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        FileChannel channel = offset == 0
                ? FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING)
                : FileChannel.open(file, StandardOpenOption.WRITE);
        channel.position(offset);
        return new SyncingOutputStream(channel);
    }

    @Override
    public OutputStream openSegment(String path, long offset) throws IOException {
        Path file = Path.of(path);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        channel.position(offset);
        return new SyncingOutputStream(channel);
    }

    @Override
    public String readJournal(String path) throws IOException {
        Path journal = Path.of(SideFiles.journal(path));
        return Files.isRegularFile(journal) ? Files.readString(journal, StandardCharsets.US_ASCII) : null;
    }

    @Override
    public void startJournal(String path, String journal) throws IOException {
        Files.writeString(Path.of(SideFiles.journal(path)), journal, StandardCharsets.US_ASCII);
    }

    @Override
    public void updateJournal(String path, String journal) throws IOException {
        try (FileChannel channel = FileChannel.open(Path.of(SideFiles.journal(path)), StandardOpenOption.WRITE,
                StandardOpenOption.CREATE)) {
            ByteBuffer buffer = ByteBuffer.wrap(journal.getBytes(StandardCharsets.US_ASCII));
            while (buffer.hasRemaining()) {
                channel.write(buffer, buffer.position());
            }
        }
    }

    @Override
    public void deleteJournal(String path) throws IOException {
        Files.deleteIfExists(Path.of(SideFiles.journal(path)));
    }

    @Override
    public void commit(String tempPath, String finalPath) throws IOException {
        Files.move(Path.of(tempPath), Path.of(finalPath), StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public void delete(String path) throws IOException {
        Files.deleteIfExists(Path.of(path));
    }

    @Override
    public boolean local() {
        return true;
    }

    @Override
    public byte[] read(String path, long offset, int length) throws IOException {
        return new LocalFileSource(Path.of(path)).read(offset, length);
    }

    @Override
    public void setAttributes(String path, long lastModified, Integer permissions) throws IOException {
        Path file = Path.of(path);
        if (lastModified >= 0) {
            Files.setLastModifiedTime(file, FileTime.fromMillis(lastModified));
        }
        if (permissions != null) {
            Files.setPosixFilePermissions(file, PosixPermissions.of(permissions));
        }
    }

    @Override
    public String recordedVersion(String path) throws IOException {
        Path record = SideFiles.record(path);
        return Files.isRegularFile(record) ? Files.readString(record).trim() : null;
    }

    @Override
    public void recordVersion(String path, String version) throws IOException {
        Path record = SideFiles.record(path);
        Files.createDirectories(record.toAbsolutePath().getParent());
        Files.writeString(record, version);
    }

    @Override
    public void forgetVersion(String path) throws IOException {
        Files.deleteIfExists(SideFiles.record(path));
    }

    /** Forces the bytes to disk on close, so a rename after a crash never exposes a file with missing blocks. */
    private static final class SyncingOutputStream extends OutputStream {

        private final FileChannel channel;

        SyncingOutputStream(FileChannel channel) {
            this.channel = channel;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] { (byte) b }, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            ByteBuffer buffer = ByteBuffer.wrap(b, off, len);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        }

        @Override
        public void close() throws IOException {
            try (channel) {
                channel.force(false);
            }
        }
    }
}
