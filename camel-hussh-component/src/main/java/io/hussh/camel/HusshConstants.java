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

    @Metadata(description = "Absolute remote path of the final file.", javaType = "String")
    public static final String REMOTE_PATH = "CamelHusshRemotePath";

    @Metadata(label = "producer", description = "Name of the file, relative to the endpoint directory (upload) or the"
                                                + " local directory (download); used when the fileName option is not set.",
              javaType = "String")
    public static final String FILE_NAME = Exchange.FILE_NAME;

    @Metadata(description = "Absolute path of the file written: the remote path for an upload, the local path for a"
                            + " download.",
              javaType = "String")
    public static final String FILE_NAME_PRODUCED = Exchange.FILE_NAME_PRODUCED;

    private HusshConstants() {
    }
}
