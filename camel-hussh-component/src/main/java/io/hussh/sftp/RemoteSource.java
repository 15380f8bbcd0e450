package io.hussh.sftp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import com.jcraft.jsch.SftpATTRS;
import com.jcraft.jsch.SftpException;

/** The download side of a transfer: one file on the SFTP server. */
final class RemoteSource implements TransferSource {

    private final SftpConnection connection;
    private final String path;
    private String version;
    private long lastModified = -1;

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
        lastModified = attrs.getMTime() * 1000L;
        return attrs.getSize();
    }

    @Override
    public boolean local() {
        return false;
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public long lastModified() {
        return lastModified;
    }

    @Override
    public byte[] read(long offset, int length) throws IOException {
        try {
            return connection.read(path, offset, length);
        } catch (SftpException e) {
            throw new HusshTransferException(path, "Cannot read " + path + ": " + SftpErrors.describe(e), e);
        }
    }

    @Override
    public boolean splittable() {
        return true;
    }

    @Override
    public InputStream openAt(long offset) throws IOException {
        try {
            return connection.openRead(path, offset);
        } catch (SftpException e) {
            throw new HusshTransferException(path, "Cannot read " + path + ": " + SftpErrors.describe(e), e);
        }
    }

    /** The first word of {@code name.sha256} beside the file, as sha256sum writes it. */
    @Override
    public String publishedChecksum() throws IOException {
        String checksumPath = SideFiles.checksum(path);
        try {
            if (connection.statOrNull(checksumPath) == null) {
                throw new HusshTransferException(path, "checksumFile=true, but " + checksumPath + " does not exist");
            }
            String content = new String(connection.read(checksumPath, 0, 4096), StandardCharsets.US_ASCII).trim();
            return content.isEmpty() ? "" : content.split("\\s+")[0].toLowerCase(java.util.Locale.ROOT);
        } catch (SftpException e) {
            throw new HusshTransferException(path, "Cannot read " + checksumPath + ": " + SftpErrors.describe(e), e);
        }
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
