package io.hussh.sftp;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

import com.jcraft.jsch.JSchChangedHostKeyException;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.JSchUnknownHostKeyException;

/**
 * The one place that decides which failures a transfer retries on a new connection: a connection that broke, stalled
 * or could not be opened for a reason that may pass. Errors the server reports (permission denied, no such file, a
 * full disk), refused logins and host keys are final.
 */
final class FailureClassifier {

    /** What went wrong with one attempt, as far as retrying is concerned. */
    enum Failure {
        /** Nothing moved for four keepalive periods, so the watchdog cut the connection. */
        STALLED,
        /** The connection died under the transfer. */
        CONNECTION_LOST,
        /** A new connection could not be opened, for a reason that may pass. */
        CONNECT_FAILED,
        /** Another writer owns the destination now; the next attempt waits for its turn. */
        LEASE_LOST,
        /** Anything else: retrying would meet the same answer. */
        FINAL;

        boolean retryable() {
            return this != FINAL;
        }
    }

    /** Why JSch could not open a session. */
    enum ConnectFailure {
        UNKNOWN_HOST_KEY,
        CHANGED_HOST_KEY,
        UNKNOWN_HOST,
        REFUSED,
        TIMED_OUT,
        BROKEN_DURING_SETUP,
        AUTHENTICATION,
        OTHER;

        /** A server that is restarting, or a link that is coming back, refuses, times out or drops the handshake. */
        boolean mayPass() {
            return this == REFUSED || this == TIMED_OUT || this == BROKEN_DURING_SETUP;
        }
    }

    private FailureClassifier() {
    }

    /**
     * @param connectionDied the attempt had a connection, and it is no longer alive
     * @param stalled        the stall watchdog cut the attempt's connection
     */
    static Failure classify(Exception failure, boolean connectionDied, boolean stalled) {
        if (stalled) {
            return Failure.STALLED;
        }
        if (failure instanceof LeaseLostException) {
            return Failure.LEASE_LOST;
        }
        if (connectionDied) {
            return Failure.CONNECTION_LOST;
        }
        if (failure instanceof ConnectFailedException connect && connect.failure().mayPass()) {
            return Failure.CONNECT_FAILED;
        }
        return Failure.FINAL;
    }

    /** JSch signals most connect failures by message text or by the cause it wraps, not by type. */
    static ConnectFailure ofConnect(JSchException e) {
        if (e instanceof JSchUnknownHostKeyException) {
            return ConnectFailure.UNKNOWN_HOST_KEY;
        }
        if (e instanceof JSchChangedHostKeyException) {
            return ConnectFailure.CHANGED_HOST_KEY;
        }
        Throwable cause = e.getCause();
        String message = String.valueOf(e.getMessage());
        if (cause instanceof UnknownHostException) {
            return ConnectFailure.UNKNOWN_HOST;
        }
        if (cause instanceof ConnectException || cause instanceof NoRouteToHostException) {
            return ConnectFailure.REFUSED;
        }
        if (cause instanceof SocketTimeoutException || message.contains("timeout")) {
            return ConnectFailure.TIMED_OUT;
        }
        if (cause instanceof SocketException || cause instanceof EOFException
            || message.contains("connection is closed by foreign host")) {
            return ConnectFailure.BROKEN_DURING_SETUP;
        }
        if (message.startsWith("Auth fail") || message.startsWith("Auth cancel")) {
            return ConnectFailure.AUTHENTICATION;
        }
        return ConnectFailure.OTHER;
    }
}
