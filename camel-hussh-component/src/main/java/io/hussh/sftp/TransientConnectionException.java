package io.hussh.sftp;

import java.io.IOException;

/** A connection that could not be opened for a reason that may pass: refused, reset, timed out. */
final class TransientConnectionException extends IOException {

    private static final long serialVersionUID = 1L;

    TransientConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
