package io.hussh.sftp;

import java.io.IOException;
import java.io.OutputStream;

final class BytesSource implements TransferSource {

    private final byte[] bytes;

    BytesSource(byte[] bytes) {
        this.bytes = bytes;
    }

    @Override
    public long size() {
        return bytes.length;
    }

    @Override
    public boolean copyTo(OutputStream out, long offset) throws IOException {
        if (offset > bytes.length) {
            return false;
        }
        out.write(bytes, (int) offset, bytes.length - (int) offset);
        return true;
    }
}
