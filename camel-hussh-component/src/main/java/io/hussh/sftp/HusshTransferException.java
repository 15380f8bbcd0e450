package io.hussh.sftp;

import java.io.IOException;

/**
 * The one failure type of the transfer core: a transfer that did not complete. It names the remote file it was about
 * and keeps the cause (the SFTP status, the broken connection, the refused host key) as its cause.
 */
public class HusshTransferException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String remotePath;

    public HusshTransferException(String remotePath, String message) {
        this(remotePath, message, null);
    }

    public HusshTransferException(String remotePath, String message, Throwable cause) {
        super(message, cause);
        this.remotePath = remotePath;
    }

    /** The absolute remote path of the file the failed transfer was about, or {@code null} if it was not known yet. */
    public String getRemotePath() {
        return remotePath;
    }
}
