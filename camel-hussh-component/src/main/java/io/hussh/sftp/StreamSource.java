package io.hussh.sftp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

final class StreamSource implements TransferSource {

    private final InputStream in;

    StreamSource(InputStream in) {
        this.in = in;
    }

    @Override
    public long size() {
        return -1;
    }

    @Override
    public boolean repeatable() {
        return false;
    }

    @Override
    public boolean copyTo(OutputStream out, long offset) throws IOException {
        if (!skipFully(offset)) {
            return false;
        }
        byte[] buffer = new byte[LocalFileSource.BUFFER_SIZE];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            out.write(buffer, 0, n);
        }
        return true;
    }

    // reads instead of InputStream.skip, which may skip fewer bytes than asked, or (FileInputStream) report bytes
    // skipped beyond the end of the stream
    private boolean skipFully(long count) throws IOException {
        byte[] scratch = new byte[(int) Math.min(count, LocalFileSource.BUFFER_SIZE)];
        long remaining = count;
        while (remaining > 0) {
            int n = in.read(scratch, 0, (int) Math.min(remaining, scratch.length));
            if (n < 0) {
                return false;
            }
            remaining -= n;
        }
        return true;
    }
}
