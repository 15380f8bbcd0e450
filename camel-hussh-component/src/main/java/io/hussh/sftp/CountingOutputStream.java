package io.hussh.sftp;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Counts the payload written, both for the result and for the stall watchdog. */
final class CountingOutputStream extends FilterOutputStream {

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

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        count += len;
        progress.advance(len);
    }

    long count() {
        return count;
    }
}
