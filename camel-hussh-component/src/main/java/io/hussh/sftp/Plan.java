package io.hussh.sftp;

/** Where a transfer starts, as {@link Transfer} decided it from what is at the destination. */
record Plan(Kind kind, long offset, Segments segments) {

    enum Kind {
        /** Nothing usable at the destination: write from byte 0. */
        FRESH,
        /** Continue the partial file, once its tail has been compared with the source. */
        RESUME,
        /** Continue a partial file recorded as a copy of this very version of the source: no comparison needed. */
        RESUME_RECORDED,
        /** The destination already holds the whole source: nothing to send. */
        COMPLETE,
        /** A partial file was found, but it is a copy of something else: rewrite it from byte 0. */
        RESTART,
        /**
         * Continue the segments a journal describes, each from where its bytes are found to match the source; the
         * offset is what they reached in all.
         */
        SEGMENTS
    }

    static Plan fresh() {
        return new Plan(Kind.FRESH, 0, null);
    }

    static Plan resumeAt(long offset) {
        return new Plan(Kind.RESUME, offset, null);
    }

    static Plan resumeRecordedAt(long offset) {
        return new Plan(Kind.RESUME_RECORDED, offset, null);
    }

    static Plan complete(long size) {
        return new Plan(Kind.COMPLETE, size, null);
    }

    static Plan restart() {
        return new Plan(Kind.RESTART, 0, null);
    }

    static Plan continueSegments(Segments segments) {
        return new Plan(Kind.SEGMENTS, segments.bytesReached(), segments);
    }

    boolean complete() {
        return kind == Kind.COMPLETE;
    }

    boolean restarted() {
        return kind == Kind.RESTART;
    }

    /** The bytes before the offset need no comparison with the source before they are continued. */
    boolean needsNoTailCheck() {
        return kind != Kind.RESUME || offset == 0;
    }
}
