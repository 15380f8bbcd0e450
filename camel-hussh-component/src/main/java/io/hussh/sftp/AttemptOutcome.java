package io.hussh.sftp;

/** What one connection's try at a transfer came to: a result, or a failure with what the next try must know. */
sealed interface AttemptOutcome {

    /** The transfer is done. */
    record Completed(TransferResult result) implements AttemptOutcome {
    }

    /**
     * The attempt failed.
     *
     * @param cause         what went wrong
     * @param plannedOffset the offset the attempt's plan chose, or -1 when it failed before planning
     * @param commitSent    the attempt sent its commit: if the connection broke after that, the rename may have
     *                      happened, which the next attempt checks before anything else
     */
    record Failed(Exception cause, long plannedOffset, boolean commitSent) implements AttemptOutcome {

        /** A failure before the transfer could look at the destination, e.g. while connecting. */
        static Failed beforePlanning(Exception cause) {
            return new Failed(cause, -1, false);
        }

        boolean planned() {
            return plannedOffset >= 0;
        }
    }
}
