package io.hussh.sftp;

/** An upload that lost its lease and stopped: it may try again once the other writer is done. */
final class LeaseLostException extends HusshTransferException {

    private static final long serialVersionUID = 1L;

    LeaseLostException(String remotePath, String message, Throwable cause) {
        super(remotePath, message, cause);
    }
}
