package io.hussh.sftp;

import java.io.IOException;
import java.io.OutputStream;

import com.jcraft.jsch.SftpATTRS;
import com.jcraft.jsch.SftpException;

/** The download side of a transfer: one file on the SFTP server. */
final class RemoteSource implements TransferSource {

    private final SftpConnection connection;
    private final String path;
    private String version;

    RemoteSource(SftpConnection connection, String path) {
        this.connection = connection;
        this.path = path;
    }

    @Override
    public long size() throws IOException {
        SftpATTRS attrs;
        try {
            attrs = connection.statOrNull(path);
        } catch (SftpException e) {
            throw new HusshTransferException(path, "Cannot stat " + path + ": " + SftpErrors.describe(e), e);
        }
        if (attrs == null) {
            throw new HusshTransferException(path, "The remote file " + path + " does not exist");
        }
        if (attrs.isDir()) {
            throw new HusshTransferException(path, "The remote path " + path + " is a directory, not a file");
        }
        version = attrs.getSize() + " bytes, modified " + attrs.getMTime();
        return attrs.getSize();
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public boolean copyTo(OutputStream out, long offset) throws IOException {
        try {
            connection.read(path, offset, out);
            return true;
        } catch (SftpException e) {
            throw new HusshTransferException(path, "Cannot read " + path + ": " + SftpErrors.describe(e), e);
        }
    }
}
