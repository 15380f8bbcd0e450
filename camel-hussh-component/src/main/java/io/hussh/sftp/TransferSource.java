package io.hussh.sftp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;

/** Where a transfer reads from: a local file, bytes or a stream for uploads, the remote file for downloads. */
public interface TransferSource {

    /** Size in bytes, or {@code -1} when it is known only once read (a stream). */
    long size() throws IOException;

    /**
     * Copies the source from {@code offset} to its end into {@code out}.
     *
     * @return {@code false} when the source ends before {@code offset} (only possible when the size was unknown)
     */
    boolean copyTo(OutputStream out, long offset) throws IOException;

    /**
     * Identifies this version of the source (size and modification time), so that a partial copy of another version
     * is never continued; {@code null} when the source cannot tell. Valid after {@link #size()}.
     */
    default String version() {
        return null;
    }

    /** Whether the source can be read again from the start: a stream cannot, so a broken transfer of it is final. */
    default boolean repeatable() {
        return true;
    }

    /** Whether reading it costs no network round trip. */
    default boolean local() {
        return true;
    }

    /** {@code length} bytes from {@code offset}, or {@code null} when this source cannot go back (a stream). */
    default byte[] read(long offset, int length) throws IOException {
        return null;
    }

    /**
     * Whether several connections may read it at once, each from an offset of its own ({@link #openAt}): a file,
     * local or remote, can be split over several streams; a stream cannot.
     */
    default boolean splittable() {
        return false;
    }

    /** Reads from {@code offset} on; only for a {@link #splittable()} source. The caller closes the stream. */
    default InputStream openAt(long offset) throws IOException {
        throw new UnsupportedOperationException("this source cannot be read from an offset: " + this);
    }

    /** Modification time in milliseconds, or -1 when the source has none. Valid after {@link #size()}. */
    default long lastModified() throws IOException {
        return -1;
    }

    /** The SHA-256 the source's publisher gives for it (a {@code name.sha256} file), or {@code null}. */
    default String publishedChecksum() throws IOException {
        return null;
    }

    static TransferSource file(Path file) {
        return new LocalFileSource(file);
    }

    static TransferSource bytes(byte[] bytes) {
        return new BytesSource(bytes);
    }

    /** A stream of unknown length; it is read once and not closed. */
    static TransferSource stream(InputStream in) {
        return new StreamSource(in);
    }
}
