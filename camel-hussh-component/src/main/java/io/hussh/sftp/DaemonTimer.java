package io.hussh.sftp;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** The core's background timers: one daemon thread each, so that none of them keeps a JVM alive. */
final class DaemonTimer {

    private DaemonTimer() {
    }

    static ScheduledExecutorService named(String name) {
        return Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }
}
