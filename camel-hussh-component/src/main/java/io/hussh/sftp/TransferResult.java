package io.hussh.sftp;

/**
 * What one completed transfer did.
 *
 * @param remotePath       absolute remote path of the final file
 * @param writtenPath      the final file written: the remote path for an upload, the local path for a download
 * @param bytesTransferred payload bytes sent or received by this transfer
 * @param resumeOffset     the offset the transfer started from; 0 for a fresh transfer
 * @param skipped          the destination was already complete and nothing was sent
 * @param resumeRestarted  a partial file was found but belonged to another version of the source, so the transfer
 *                         started over from 0
 * @param reconnects       how many times the transfer reconnected after its connection broke
 * @param checksum         SHA-256 of the whole file in hex, when asked for and the file was transferred
 * @param streams          connections the file's data went over: more than one when it was split into segments
 */
public record TransferResult(String remotePath, String writtenPath, long bytesTransferred, long resumeOffset,
        boolean skipped, boolean resumeRestarted, int reconnects, String checksum, int streams) {

    /** The result of the whole transfer, of which this was the last attempt; its streams' reconnects count too. */
    TransferResult afterAttempts(long totalBytes, long firstOffset, int reconnectCount) {
        return new TransferResult(remotePath, writtenPath, totalBytes, firstOffset, skipped && totalBytes == 0,
                resumeRestarted, reconnects + reconnectCount, checksum, streams);
    }
}
