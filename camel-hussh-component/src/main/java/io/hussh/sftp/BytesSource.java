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
    public byte[] read(long offset, int length) {
        int from = (int) Math.min(offset, bytes.length);
        return java.util.Arrays.copyOfRange(bytes, from, (int) Math.min(bytes.length, from + (long) length));
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
