package io.hussh.sftp;

import java.util.ArrayList;
import java.util.List;

import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.SftpATTRS;
import com.jcraft.jsch.SftpException;

/**
 * Lists the regular files below a directory. Symbolic links to regular files count as files (their target's size
 * and time); links to directories are not followed, so a link loop cannot trap the walk; other entries (devices,
 * sockets, dangling links) are passed over.
 */
final class RemoteListing {

    private RemoteListing() {
    }

    /** @param maxDepth 1 lists the directory itself only; each further level descends one more */
    static List<RemoteFile> files(SftpConnection connection, String directory, int maxDepth) throws SftpException {
        List<RemoteFile> files = new ArrayList<>();
        walk(connection, directory, "", 1, maxDepth, files);
        return files;
    }

    private static void walk(SftpConnection connection, String directory, String prefix, int depth, int maxDepth,
                             List<RemoteFile> files) throws SftpException {
        for (ChannelSftp.LsEntry entry : connection.list(directory)) {
            String name = entry.getFilename();
            String path = directory.equals("/") ? "/" + name : directory + "/" + name;
            SftpATTRS attrs = entry.getAttrs();
            if (attrs.isLink()) {
                SftpATTRS target = connection.statOrNull(path);
                if (target != null && target.isReg()) {
                    files.add(file(path, prefix + name, target));
                }
            } else if (attrs.isDir()) {
                if (depth < maxDepth) {
                    walk(connection, path, prefix + name + "/", depth + 1, maxDepth, files);
                }
            } else if (attrs.isReg()) {
                files.add(file(path, prefix + name, attrs));
            }
        }
    }

    private static RemoteFile file(String path, String relativePath, SftpATTRS attrs) {
        return new RemoteFile(path, relativePath, attrs.getSize(), attrs.getMTime() * 1000L);
    }
}
