package io.hussh.sftp;

import java.io.IOException;

/** A connection that could not be opened, with the reason {@link FailureClassifier} read from JSch's failure. */
final class ConnectFailedException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient FailureClassifier.ConnectFailure failure;

    ConnectFailedException(FailureClassifier.ConnectFailure failure, String message, Throwable cause) {
        super(message, cause);
        this.failure = failure;
    }

    FailureClassifier.ConnectFailure failure() {
        return failure;
    }
}
