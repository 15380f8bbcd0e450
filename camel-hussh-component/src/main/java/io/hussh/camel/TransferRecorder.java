package io.hussh.camel;

import java.time.Duration;

import io.hussh.sftp.TransferResult;

/** Told of each transfer an endpoint finished, to count it: over JMX ({@link TransferCounters}), in Micrometer. */
interface TransferRecorder {

    void completed(RecordedOperation operation, TransferResult result, Duration took);

    void failed(RecordedOperation operation, Duration took);

    /** Both, in order. */
    static TransferRecorder both(TransferRecorder first, TransferRecorder second) {
        return new TransferRecorder() {
            @Override
            public void completed(RecordedOperation operation, TransferResult result, Duration took) {
                first.completed(operation, result, took);
                second.completed(operation, result, took);
            }

            @Override
            public void failed(RecordedOperation operation, Duration took) {
                first.failed(operation, took);
                second.failed(operation, took);
            }
        };
    }
}
