package io.hussh.camel;

import io.hussh.sftp.TransferResult;
import org.apache.camel.Message;

/** The headers every completed transfer sets, from producer and consumer alike. */
final class HusshHeaders {

    private HusshHeaders() {
    }

    static void apply(Message message, TransferResult result) {
        message.setHeader(HusshConstants.BYTES_TRANSFERRED, result.bytesTransferred());
        message.setHeader(HusshConstants.RESUME_OFFSET, result.resumeOffset());
        message.setHeader(HusshConstants.SKIPPED, result.skipped());
        message.setHeader(HusshConstants.RESUME_RESTARTED, result.resumeRestarted());
        message.setHeader(HusshConstants.RECONNECTS, result.reconnects());
        message.setHeader(HusshConstants.STREAMS, result.streams());
        if (result.checksum() != null) {
            message.setHeader(HusshConstants.CHECKSUM, result.checksum());
        }
        message.setHeader(HusshConstants.REMOTE_PATH, result.remotePath());
        message.setHeader(HusshConstants.FILE_NAME_PRODUCED, result.writtenPath());
    }
}
