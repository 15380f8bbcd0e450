package io.hussh.sftp;

import java.util.ArrayList;
import java.util.List;

/**
 * Remote path rules. Endpoint directories are absolute; file names below them are relative and may not climb out of
 * them, so a header from an untrusted message can never address a file elsewhere on the server.
 */
public final class RemotePaths {

    private RemotePaths() {
    }

    /** Normalises an absolute remote directory: one leading slash, no trailing slash except for the root. */
    public static String directory(String directory) {
        if (directory == null || !directory.startsWith("/")) {
            throw new IllegalArgumentException("The remote directory must be an absolute path such as /upload, was '"
                                               + directory + "'");
        }
        List<String> segments = segments(directory, "remote directory");
        return segments.isEmpty() ? "/" : "/" + String.join("/", segments);
    }

    /**
     * The name below a directory, checked: relative, not empty, and without {@code ..} segments. Returns the
     * normalised relative name (empty and {@code .} segments removed).
     */
    public static String relativeName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("The file name is empty: give a file name relative to the directory");
        }
        if (name.startsWith("/") || name.startsWith("\\")) {
            throw new IllegalArgumentException("The file name '" + name
                                               + "' is absolute; give a name relative to the endpoint directory");
        }
        List<String> segments = segments(name, "file name");
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("The file name '" + name + "' names no file");
        }
        return String.join("/", segments);
    }

    /** The absolute remote path of {@code name} below {@code directory}, refusing names that leave the directory. */
    public static String resolve(String directory, String name) {
        String dir = directory(directory);
        String relative = relativeName(name);
        return dir.equals("/") ? "/" + relative : dir + "/" + relative;
    }

    /** The parent directory of an absolute remote path. */
    public static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }

    /**
     * JSch expands {@code *} and {@code ?} in remote paths as glob patterns and strips backslashes; escaping them makes
     * it address exactly the file named.
     */
    static String escapeForJsch(String path) {
        StringBuilder escaped = new StringBuilder(path.length() + 8);
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '\\' || c == '*' || c == '?') {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

    private static List<String> segments(String path, String what) {
        if (path.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("The " + what + " contains a NUL character");
        }
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            // some servers (Windows, appliances) also split on backslash, so '..\' must not slip through either
            for (String part : segment.split("\\\\")) {
                if (part.equals("..")) {
                    throw new IllegalArgumentException("The " + what + " '" + path
                                                       + "' contains a '..' segment; names may not leave the endpoint directory");
                }
            }
            segments.add(segment);
        }
        return segments;
    }
}
