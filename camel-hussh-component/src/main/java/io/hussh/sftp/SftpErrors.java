package io.hussh.sftp;

import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.SftpException;

/** Readable names for SFTP status codes, so an error says "permission denied" instead of "3". */
final class SftpErrors {

    private SftpErrors() {
    }

    static String describe(SftpException e) {
        String status = switch (e.id) {
            case ChannelSftp.SSH_FX_EOF -> "end of file";
            case ChannelSftp.SSH_FX_NO_SUCH_FILE -> "no such file";
            case ChannelSftp.SSH_FX_PERMISSION_DENIED -> "permission denied";
            case ChannelSftp.SSH_FX_FAILURE -> "failure";
            case ChannelSftp.SSH_FX_BAD_MESSAGE -> "bad message";
            case ChannelSftp.SSH_FX_NO_CONNECTION -> "no connection";
            case ChannelSftp.SSH_FX_CONNECTION_LOST -> "connection lost";
            case ChannelSftp.SSH_FX_OP_UNSUPPORTED -> "operation unsupported";
            case 11 -> "file already exists";
            case 14 -> "no space on the file system";
            default -> "status " + e.id;
        };
        String detail = e.getMessage();
        if (e.getCause() != null && (detail == null || detail.isBlank() || detail.equals(e.getCause().toString()))) {
            detail = e.getCause().toString();
        }
        return detail == null || detail.isBlank() ? "SFTP " + status : "SFTP " + status + " (" + detail + ")";
    }
}
