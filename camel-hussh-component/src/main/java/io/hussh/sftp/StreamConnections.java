package io.hussh.sftp;

import java.io.IOException;
import java.time.Duration;

/**
 * The extra connections one segmented transfer moves its data over, each with the source and the target bound to it.
 * The connections of all the transfers of one endpoint come from one allowance, so that they never open more than it
 * grants, however many transfers split at once.
 */
interface StreamConnections {

    /**
     * Starts opening up to {@code wanted} connections in the background, under reservations from the allowance, so
     * that their key exchanges overlap the round trips that prepare the destination. {@link #reserve} and
     * {@link #open} take them first; {@link #dropPrepared} gives back those no stream took.
     */
    void prepare(int wanted);

    /**
     * Takes up to {@code wanted} connections from the allowance, prepared ones first, without waiting; returns how
     * many it got.
     */
    int reserve(int wanted);

    /** Gives back what {@link #reserve} granted. */
    void unreserve(int count);

    /** Opens one connection of a reserved stream. */
    StreamConnection open(TransferProgress progress) throws IOException;

    /**
     * Returns the prepared connections that no stream took to the pool once they are open, and their reservations to
     * the allowance.
     */
    void dropPrepared();

    /** The server let only {@code got} of the {@code asked} connections open; said once per endpoint. */
    void refused(int got, int asked);

    /** The round trip to the server, measured on the transfer's own connection. */
    Duration roundTrip() throws IOException;

    /** One connection of one stream. */
    interface StreamConnection {

        TransferSource source();

        TransferTarget target();

        /** The stream is done with it: back to the pool. */
        void finish();

        /** It failed with {@code failure}: it is closed, and the answer says whether the failure may pass. */
        FailureClassifier.Failure fail(Exception failure);
    }
}
