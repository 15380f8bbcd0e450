package io.hussh.camel;

import org.apache.camel.Exchange;
import org.apache.camel.spi.Metadata;

/** Message headers of the hussh component. */
public final class HusshConstants {

    @Metadata(label = "producer", description = "Overrides the endpoint's operation for this message: upload or download.",
              javaType = "String")
    public static final String OPERATION = "CamelHusshOperation";

    @Metadata(description = "Payload bytes actually sent or received by this exchange; on a resumed transfer only the"
                            + " missing part.",
              javaType = "long")
    public static final String BYTES_TRANSFERRED = "CamelHusshBytesTransferred";

    @Metadata(description = "The offset the transfer started from: 0 for a fresh transfer, the size of the partial file"
                            + " when resumed.",
              javaType = "long")
    public static final String RESUME_OFFSET = "CamelHusshResumeOffset";

    @Metadata(description = "True when the destination was already complete and nothing was sent.", javaType = "boolean")
    public static final String SKIPPED = "CamelHusshSkipped";

    @Metadata(description = "True when a partial file was found but belonged to another version of the source (its"
                            + " size or modification time changed), so the transfer started over from 0.",
              javaType = "boolean")
    public static final String RESUME_RESTARTED = "CamelHusshResumeRestarted";

    @Metadata(description = "SHA-256 of the whole file in hex, with checksum=sha256, when the file was transferred.",
              javaType = "String")
    public static final String CHECKSUM = "CamelHusshChecksum";

    @Metadata(description = "How many times the transfer reconnected after its connection broke.", javaType = "int")
    public static final String RECONNECTS = "CamelHusshReconnects";

    @Metadata(description = "How many connections the file's data went over: more than one when it was split into"
                            + " segments (parallelStreams).", javaType = "int")
    public static final String STREAMS = "CamelHusshStreams";

    @Metadata(description = "Absolute remote path of the final file.", javaType = "String")
    public static final String REMOTE_PATH = "CamelHusshRemotePath";

    @Metadata(label = "consumer", description = "Size of the remote file in bytes.", javaType = "long")
    public static final String FILE_LENGTH = Exchange.FILE_LENGTH;

    @Metadata(label = "consumer", description = "Modification time of the remote file, in milliseconds since the epoch.",
              javaType = "long")
    public static final String FILE_LAST_MODIFIED = Exchange.FILE_LAST_MODIFIED;

    @Metadata(label = "consumer", description = "Index of this file in the poll's batch, from 0.", javaType = "int")
    public static final String BATCH_INDEX = Exchange.BATCH_INDEX;

    @Metadata(label = "consumer", description = "Number of files in the poll's batch.", javaType = "int")
    public static final String BATCH_SIZE = Exchange.BATCH_SIZE;

    @Metadata(label = "consumer", description = "True on the last file of the poll's batch.", javaType = "boolean")
    public static final String BATCH_COMPLETE = Exchange.BATCH_COMPLETE;

    @Metadata(description = "Name of the file relative to the endpoint directory. Producer: names the file to upload"
                            + " or download when the fileName option is not set. Consumer: the file delivered.",
              javaType = "String")
    public static final String FILE_NAME = Exchange.FILE_NAME;

    @Metadata(description = "Absolute path of the file written: the remote path for an upload, the local path for a"
                            + " download.",
              javaType = "String")
    public static final String FILE_NAME_PRODUCED = Exchange.FILE_NAME_PRODUCED;

    private HusshConstants() {
    }
}
