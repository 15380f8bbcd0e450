package io.hussh.sftp;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A source held in memory: either a file-like one (size, version and random reads known) or a stream-like one (size
 * unknown, read once, no going back), as the producer's bodies are.
 */
final class InMemorySource implements TransferSource {

    private final byte[] content;
    private final String version;
    private final boolean stream;
    private final String publishedChecksum;

    private InMemorySource(byte[] content, String version, boolean stream, String publishedChecksum) {
        this.content = content.clone();
        this.version = version;
        this.stream = stream;
        this.publishedChecksum = publishedChecksum;
    }

    /** A file of this content, identified by {@code version} as a remote file's size and time identify it. */
    static InMemorySource file(byte[] content, String version) {
        return new InMemorySource(content, version, false, null);
    }

    /** A stream of this content: unknown size, no version, no random reads. */
    static InMemorySource stream(byte[] content) {
        return new InMemorySource(content, null, true, null);
    }

    /** This source, published with a {@code name.sha256} that says {@code hex}. */
    InMemorySource publishedWith(String hex) {
        return new InMemorySource(content, version, stream, hex);
    }

    @Override
    public String publishedChecksum() {
        return publishedChecksum;
    }

    @Override
    public long size() {
        return stream ? -1 : content.length;
    }

    @Override
    public boolean copyTo(OutputStream out, long offset) throws IOException {
        return new BytesSource(content).copyTo(out, offset);
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public boolean repeatable() {
        return !stream;
    }

    @Override
    public boolean splittable() {
        return !stream;
    }

    @Override
    public InputStream openAt(long offset) {
        int from = (int) Math.min(offset, content.length);
        return new ByteArrayInputStream(content, from, content.length - from);
    }

    @Override
    public byte[] read(long offset, int length) {
        return stream ? null : new BytesSource(content).read(offset, length);
    }
}
