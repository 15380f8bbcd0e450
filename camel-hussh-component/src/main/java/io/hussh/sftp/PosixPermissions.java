package io.hussh.sftp;

import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/** An octal mode such as 0640 as the permission set of java.nio. */
final class PosixPermissions {

    // in the order of the mode's bits, from 0400 down to 0001
    private static final PosixFilePermission[] BY_BIT = {
        PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE,
        PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
        PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE };

    private PosixPermissions() {
    }

    static Set<PosixFilePermission> of(int mode) {
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        for (int i = 0; i < BY_BIT.length; i++) {
            if ((mode & (0400 >> i)) != 0) {
                permissions.add(BY_BIT[i]);
            }
        }
        return permissions;
    }
}
