package io.hussh.sftp;

/**
 * A regular file found by a listing.
 *
 * @param path         absolute remote path
 * @param relativePath path below the listed directory
 * @param size         size in bytes
 * @param lastModified modification time in milliseconds since the epoch (SFTP v3 keeps whole seconds); for a symbolic
 *                     link, those of the file it points to
 */
public record RemoteFile(String path, String relativePath, long size, long lastModified) {

    public String name() {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
