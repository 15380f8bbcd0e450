package io.hussh.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** One way of moving files to and from the server: a component with its options, or OpenSSH's client. */
interface SftpClient extends AutoCloseable {

    /** Uploads the files one after the other into the remote directory; safe to call from several threads. */
    void upload(List<Path> files, String remoteDirectory) throws Exception;

    /** Uploads all the files at once into the remote directory, each on a thread (or a process) of its own. */
    default void uploadAtOnce(List<Path> files, String remoteDirectory) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(files.size());
        try {
            List<Future<?>> uploads = new ArrayList<>();
            for (Path file : files) {
                uploads.add(threads.submit(() -> {
                    upload(List.of(file), remoteDirectory);
                    return null;
                }));
            }
            for (Future<?> upload : uploads) {
                upload.get();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /** Downloads the named files of the remote directory into the local one; returns the bytes that arrived. */
    long download(String remoteDirectory, List<String> names, Path localDirectory) throws Exception;

    /** Closes the connections the last transfers left open, so the next run connects afresh as every tool does. */
    void disconnect() throws Exception;

    @Override
    default void close() throws Exception {
        disconnect();
    }
}
