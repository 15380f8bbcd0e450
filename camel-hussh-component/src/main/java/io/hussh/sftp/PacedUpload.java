package io.hussh.sftp;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.SftpException;

/**
 * An upload of one whole file, created or truncated, with a set number of write requests in flight.
 * <p>
 * JSch's {@code put} that returns an {@link OutputStream} sends writes for as long as the server's channel window
 * lets it, and a writer that keeps the whole window in flight runs at a fraction of the speed of one that keeps a few
 * requests in flight on a short link (docs/benchmarks.md, "Writes in flight"). Only JSch's {@code put} from an
 * {@link InputStream} waits for replies before it sends more, so this stream hands what it is given to that
 * {@code put}, running on a thread of its own, through a few reused buffers. That {@code put} writes from the
 * start or from whatever size it finds, never from a given offset, so a resumed upload keeps JSch's own stream.
 */
final class PacedUpload extends OutputStream {

    private static final int BUFFER_SIZE = 64 * 1024;
    private static final int BUFFERS = 8;
    private static final Chunk END = new Chunk(new byte[0]);
    private static final long POLL_MILLIS = 100;

    private final String path;
    private final BlockingQueue<Chunk> free = new ArrayBlockingQueue<>(BUFFERS);
    private final BlockingQueue<Chunk> filled = new ArrayBlockingQueue<>(BUFFERS + 1);
    private final CountDownLatch opened = new CountDownLatch(1);
    private final Thread sender;
    private volatile SftpException failure;
    private volatile boolean completed;
    private volatile boolean abandoned;
    private Chunk current;
    private boolean closed;

    private PacedUpload(ChannelSftp channel, String jschPath, String path, int requestsInFlight) {
        this.path = path;
        for (int i = 0; i < BUFFERS; i++) {
            free.add(new Chunk(new byte[BUFFER_SIZE]));
        }
        sender = new Thread(() -> send(channel, jschPath, requestsInFlight), "hussh-upload " + path);
        sender.setDaemon(true);
    }

    /**
     * Creates or truncates {@code path} (JSch's escaping in {@code jschPath}) and returns the stream that writes it;
     * a failure to open is thrown here, as by JSch's own {@code put}.
     */
    static PacedUpload open(ChannelSftp channel, String jschPath, String path, int requestsInFlight)
            throws SftpException, InterruptedIOException {
        PacedUpload upload = new PacedUpload(channel, jschPath, path, requestsInFlight);
        upload.sender.start();
        try {
            upload.opened.await();
        } catch (InterruptedException e) {
            upload.abandon();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while opening " + path);
        }
        if (upload.failure != null) {
            throw upload.failure;
        }
        return upload;
    }

    private void send(ChannelSftp channel, String jschPath, int requestsInFlight) {
        int restore = channel.getBulkRequests();
        try {
            channel.setBulkRequests(requestsInFlight);
            channel.put(new Feed(), jschPath, null, ChannelSftp.OVERWRITE);
            completed = true;
        } catch (SftpException e) {
            failure = e;
        } catch (JSchException | RuntimeException e) {
            failure = new SftpException(ChannelSftp.SSH_FX_FAILURE, e.toString(), e);
        } finally {
            try {
                channel.setBulkRequests(restore);
            } catch (JSchException e) {
                throw new IllegalStateException(e);
            }
            opened.countDown();
        }
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (closed) {
            throw new IOException("The upload of " + path + " is closed");
        }
        while (len > 0) {
            if (current == null) {
                current = take(free);
            }
            int n = Math.min(len, current.bytes.length - current.length);
            System.arraycopy(b, off, current.bytes, current.length, n);
            current.length += n;
            off += n;
            len -= n;
            if (current.length == current.bytes.length) {
                hand(current);
                current = null;
            }
        }
    }

    /** Hands over what is buffered; the bytes are confirmed only by {@link #close()}. */
    @Override
    public void flush() throws IOException {
        if (current != null && current.length > 0) {
            hand(current);
            current = null;
        }
    }

    /** Waits until the server has confirmed every write and the file is closed. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        flush();
        hand(END);
        try {
            sender.join();
        } catch (InterruptedException e) {
            abandon();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while the upload of " + path + " finished");
        }
        throwFailure();
        if (!completed) {
            throw new IOException("The upload of " + path + " ended without the server confirming it");
        }
    }

    /**
     * Ends the upload without sending what is still buffered, for a writer that must not add a byte (its lease is
     * gone) or was interrupted; returns once the put has stopped, so that nothing else shares the channel with it.
     * The file is left as the writes already sent made it, and the connection must not be used for another transfer.
     */
    void abandon() {
        closed = true;
        abandoned = true;
        filled.clear();
        current = null;
        boolean interrupted = false;
        while (sender.isAlive()) {
            try {
                sender.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void hand(Chunk chunk) throws IOException {
        try {
            while (!filled.offer(chunk, POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                throwFailure();
            }
        } catch (InterruptedException e) {
            abandon();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while uploading " + path);
        }
        throwFailure();
    }

    private Chunk take(BlockingQueue<Chunk> queue) throws IOException {
        try {
            Chunk chunk;
            while ((chunk = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS)) == null) {
                throwFailure();
            }
            return chunk;
        } catch (InterruptedException e) {
            abandon();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while uploading " + path);
        }
    }

    private void throwFailure() throws IOException {
        // whether the sender has ended first: a failure it records on its way out is then seen below
        boolean ended = !sender.isAlive();
        SftpException cause = failure;
        if (cause != null) {
            // the words of what broke, not JSch's status around them
            String message = cause.getCause() != null ? cause.getCause().getMessage() : cause.toString();
            throw new IOException(message, cause);
        }
        if (ended && !closed) {
            throw new IOException("The upload of " + path + " ended before its last byte");
        }
    }

    private static final class Chunk {

        private final byte[] bytes;
        private int length;

        Chunk(byte[] bytes) {
            this.bytes = bytes;
        }
    }

    /** What JSch's put reads: the chunks the writer hands over, each given back once read. */
    private final class Feed extends InputStream {

        private Chunk chunk;
        private int position;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            // JSch reads only once the server has given it a handle
            opened.countDown();
            if (chunk == null) {
                chunk = next();
                position = 0;
            }
            if (chunk == END) {
                return -1;
            }
            int n = Math.min(len, chunk.length - position);
            System.arraycopy(chunk.bytes, position, b, off, n);
            position += n;
            if (position == chunk.length) {
                chunk.length = 0;
                free.add(chunk);
                chunk = null;
            }
            return n;
        }

        private Chunk next() throws IOException {
            try {
                Chunk next = null;
                while (!abandoned && next == null) {
                    next = filled.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                }
                if (abandoned) {
                    throw new IOException("The upload of " + path + " was abandoned");
                }
                return next;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("Interrupted while uploading " + path);
            }
        }
    }
}
