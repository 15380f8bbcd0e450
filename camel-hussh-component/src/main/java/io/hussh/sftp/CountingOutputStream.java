package io.hussh.sftp;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Counts the payload written, both for the result and for the stall watchdog. */
final class CountingOutputStream extends FilterOutputStream {

    private static final int CHUNK = 256 * 1024;

    private final TransferProgress progress;
    private long count;

    CountingOutputStream(OutputStream out, TransferProgress progress) {
        super(out);
        this.progress = progress;
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        count++;
        progress.advance(1);
    }

    /** Passes large writes on in chunks, so that progress (and the stall watchdog) sees every chunk arrive. */
    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        for (int done = 0; done < len; ) {
            int chunk = Math.min(CHUNK, len - done);
            out.write(b, off + done, chunk);
            done += chunk;
            count += chunk;
            progress.advance(chunk);
        }
    }

    long count() {
        return count;
    }
}
