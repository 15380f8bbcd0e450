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

    // InputStream.skip may skip fewer bytes than asked without being at the end
    private boolean skipFully(long count) throws IOException {
        long remaining = count;
        while (remaining > 0) {
            long skipped = in.skip(remaining);
            if (skipped > 0) {
                remaining -= skipped;
            } else if (in.read() >= 0) {
                remaining--;
            } else {
                return false;
            }
        }
        return true;
    }
}
