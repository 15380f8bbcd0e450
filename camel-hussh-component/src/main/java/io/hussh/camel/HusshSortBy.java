package io.hussh.camel;

import java.util.Comparator;

import io.hussh.sftp.RemoteFile;

/** The order in which one poll hands files to the route. */
public enum HusshSortBy {
    name(Comparator.comparing(RemoteFile::relativePath)),
    size(Comparator.comparingLong(RemoteFile::size).thenComparing(RemoteFile::relativePath)),
    mtime(Comparator.comparingLong(RemoteFile::lastModified).thenComparing(RemoteFile::relativePath));

    private final Comparator<RemoteFile> order;

    HusshSortBy(Comparator<RemoteFile> order) {
        this.order = order;
    }

    Comparator<RemoteFile> order() {
        return order;
    }
}
