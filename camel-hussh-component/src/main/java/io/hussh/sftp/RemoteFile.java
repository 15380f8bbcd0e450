package io.hussh.sftp;

/**
 * A regular file found by a listing.
 *
 * @param path         absolute remote path
 * @param relativePath path below the listed directory
 * @param size         size in bytes
 * @param lastModified modification time in milliseconds since the epoch (SFTP v3 keeps whole seconds)
 * @param symbolicLink the entry is a symbolic link to a regular file
 */
public record RemoteFile(String path, String relativePath, long size, long lastModified, boolean symbolicLink) {

    public String name() {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
