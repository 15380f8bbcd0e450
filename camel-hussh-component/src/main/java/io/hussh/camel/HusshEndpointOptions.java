package io.hussh.camel;

import java.nio.file.Path;

import io.hussh.sftp.ConnectionSettings;
import io.hussh.sftp.ReconnectPolicy;
import io.hussh.sftp.TransferOptions;

/**
 * A hussh endpoint's options as {@link HusshOptionResolver} resolved them when the endpoint initialised: checked,
 * converted and immutable, kept by the endpoint, its producers and its consumer.
 *
 * @param connection      where and how to open SSH sessions
 * @param reconnect       how a transfer reconnects within its exchange
 * @param remoteDirectory the endpoint's absolute remote directory, normalised
 * @param transfer        how the producer's transfers treat their destination
 * @param workerPoolSize  threads running the producer's transfers
 * @param localDirectory  where downloads go, or {@code null} when not set: see
 *                        {@link HusshOptionResolver#localDirectory(HusshEndpointOptions,
 *                        HusshOptionResolver.LocalDirectoryUse)}
 * @param consumer        what the consumer needs beyond that
 */
record HusshEndpointOptions(ConnectionSettings connection, ReconnectPolicy reconnect, String remoteDirectory,
        TransferOptions transfer, int workerPoolSize, Path localDirectory, HusshConsumerOptions consumer) {
}
