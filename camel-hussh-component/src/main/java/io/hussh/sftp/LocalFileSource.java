package io.hussh.sftp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

final class LocalFileSource implements TransferSource {

    static final int BUFFER_SIZE = 256 * 1024;

    private final Path file;

    LocalFileSource(Path file) {
        this.file = file;
    }

    @Override
    public long size() throws IOException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString(), null, "the local file to upload does not exist");
        }
        if (!Files.isRegularFile(file)) {
            throw new IOException("The local path " + file + " is not a regular file");
        }
        return Files.size(file);
    }

    @Override
    public boolean copyTo(OutputStream out, long offset) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            if (channel.size() < offset) {
                return false;
            }
            channel.position(offset);
            ByteBuffer buffer = ByteBuffer.allocate(BUFFER_SIZE);
            while (channel.read(buffer) >= 0) {
                out.write(buffer.array(), 0, buffer.position());
                buffer.clear();
            }
            return true;
        }
    }

    @Override
    public byte[] read(long offset, int length) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate(length);
            while (buffer.hasRemaining() && channel.read(buffer, offset + buffer.position()) > 0) {
                // reads until the range is full or the file ends
            }
            return java.util.Arrays.copyOf(buffer.array(), buffer.position());
        }
    }

    @Override
    public boolean splittable() {
        return true;
    }

    @Override
    public InputStream openAt(long offset) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        channel.position(offset);
        return Channels.newInputStream(channel);
    }

    @Override
    public long lastModified() throws IOException {
        return Files.getLastModifiedTime(file).toMillis();
    }

    @Override
    public String toString() {
        return file.toString();
    }
}
