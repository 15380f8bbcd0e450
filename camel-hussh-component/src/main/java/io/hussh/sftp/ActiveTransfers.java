package io.hussh.sftp;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The transfers running now, for consoles and gauges that ask where each stands between its progress reports. */
final class ActiveTransfers {

    private final Set<TransferProgress> running = ConcurrentHashMap.newKeySet();

    /** Lists {@code progress} until the returned handle is closed. */
    Registration add(TransferProgress progress) {
        running.add(progress);
        return () -> running.remove(progress);
    }

    List<TransferStatus> statuses() {
        return running.stream().map(TransferProgress::status).toList();
    }

    @FunctionalInterface
    interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}
