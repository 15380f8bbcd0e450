/**
 * The transfer core of hussh: atomic, resumable, verified SFTP transfers, with no dependency on Camel.
 * <p>
 * <b>Public API.</b> {@link io.hussh.sftp.SftpTransfers} is the entry point: uploads, downloads, listings and the
 * remote file operations of a consumer, against one server. It is configured with
 * {@link io.hussh.sftp.ConnectionSettings} (where and how to connect) and {@link io.hussh.sftp.ReconnectPolicy} (how a
 * transfer reconnects), and each call takes {@link io.hussh.sftp.TransferOptions} (atomic, resume, checksum...), whose
 * {@link io.hussh.sftp.SideFiles} names every file kept beside a destination. Uploads read a
 * {@link io.hussh.sftp.TransferSource}; every transfer returns a {@link io.hussh.sftp.TransferResult} or throws the
 * one failure type, {@link io.hussh.sftp.HusshTransferException}. {@link io.hussh.sftp.TransferListener} hears
 * {@link io.hussh.sftp.TransferStatus} reports; listings return {@link io.hussh.sftp.RemoteFile}s;
 * {@link io.hussh.sftp.RemotePaths} holds the rules on remote names.
 * <p>
 * <b>Three layers</b>, each using only the one below:
 * <ol>
 * <li><b>Entry point and attempts</b>: {@code SftpTransfers} runs each transfer through {@code TransferAttempts},
 * which gives every attempt its own connection, reads its {@code AttemptOutcome}, and reconnects when
 * {@code FailureClassifier} says the failure may pass.</li>
 * <li><b>The algorithm</b>: {@code Transfer} (plan, transfer, verify, commit; its decisions are {@code Plan}s) over a
 * {@code TransferSource} and a {@code TransferTarget}: local files, bytes and streams, the remote file
 * ({@code RemoteSource}), the server ({@code RemoteTarget}) and the local disk ({@code LocalTarget}).</li>
 * <li><b>Sessions</b>: {@code SftpConnectionPool} lends one {@code SftpConnection} (an SSH session and its SFTP channel)
 * per transfer, opened by {@code SftpConnector}, tuned by {@code ReceiveWindow}, watched by {@code StallWatchdog}.</li>
 * </ol>
 * Performance figures live in docs/benchmarks.md, not here.
 */
package io.hussh.sftp;
