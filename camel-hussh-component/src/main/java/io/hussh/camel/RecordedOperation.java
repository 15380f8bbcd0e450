package io.hussh.camel;

/** What a recorded transfer was done for: a producer's upload or download, or a consumer's poll. */
enum RecordedOperation {
    UPLOAD("upload", "upload"),
    DOWNLOAD("download", "download"),
    POLL("poll", "download");

    private final String tag;
    private final String direction;

    RecordedOperation(String tag, String direction) {
        this.tag = tag;
        this.direction = direction;
    }

    /** The operation as metrics tag it. */
    String tag() {
        return tag;
    }

    /** {@code upload} or {@code download}. */
    String direction() {
        return direction;
    }

    static RecordedOperation of(HusshOperation operation) {
        return operation == HusshOperation.upload ? UPLOAD : DOWNLOAD;
    }
}
