package io.hussh.camel;

import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;

import io.hussh.sftp.TransferResult;

/** What one endpoint's transfers added up to, shown over JMX and in the dev console. */
final class TransferCounters implements TransferRecorder {

    private final LongAdder files = new LongAdder();
    private final LongAdder bytes = new LongAdder();
    private final LongAdder savedByResume = new LongAdder();
    private final LongAdder reconnects = new LongAdder();
    private final LongAdder failures = new LongAdder();

    @Override
    public void completed(RecordedOperation operation, TransferResult result, Duration took) {
        files.increment();
        bytes.add(result.bytesTransferred());
        if (!result.resumeRestarted()) {
            savedByResume.add(result.resumeOffset());
        }
        reconnects.add(result.reconnects());
    }

    @Override
    public void failed(RecordedOperation operation, Duration took) {
        failures.increment();
    }

    long files() {
        return files.sum();
    }

    long bytes() {
        return bytes.sum();
    }

    long savedByResume() {
        return savedByResume.sum();
    }

    long reconnects() {
        return reconnects.sum();
    }

    long failures() {
        return failures.sum();
    }
}
