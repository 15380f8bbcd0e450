package io.hussh.bench;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.Session;
import io.hussh.sftp.ConnectionSettings;

/**
 * Concurrent uploads on JSch the way {@code hussh:} writes (an SFTP write stream fed 256 KiB at a time, the write-flush
 * workaround off), once with a session per transfer, which is what {@code hussh:} pools, and once with one session
 * whose channels all transfers share. Channels of one session share its socket, its cipher and the one thread that
 * reads every reply.
 */
final class SessionSharing {

    private final Target target;

    SessionSharing(Target target) {
        this.target = target;
    }

    /**
     * Uploads every file at once into {@code remote}, over their own sessions or over channels of a single one. Each
     * upload opens its own session on its own thread, as the pool of {@code hussh:} does for concurrent transfers.
     */
    void upload(List<Path> files, String remote, boolean sharedSession) throws Exception {
        List<Session> sessions = new CopyOnWriteArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(files.size());
        try {
            Session shared = sharedSession ? connect(sessions) : null;
            List<Future<?>> uploads = new ArrayList<>();
            for (Path file : files) {
                uploads.add(threads.submit(() -> {
                    put(sharedSession ? shared : connect(sessions), file, remote + "/" + file.getFileName());
                    return null;
                }));
            }
            for (Future<?> upload : uploads) {
                upload.get();
            }
        } finally {
            threads.shutdownNow();
            sessions.forEach(Session::disconnect);
        }
    }

    private Session connect(List<Session> sessions) throws Exception {
        JSch jsch = new JSch();
        jsch.setKnownHosts(target.knownHosts().toString());
        Session session = jsch.getSession(target.user(), "127.0.0.1", target.port());
        session.setPassword(target.password());
        session.setConfig("PreferredAuthentications", "password");
        session.connect(10_000);
        sessions.add(session);
        return session;
    }

    private static void put(Session session, Path file, String remotePath) throws Exception {
        ChannelSftp channel = (ChannelSftp) session.openChannel("sftp");
        try {
            channel.setBulkRequests(ConnectionSettings.DEFAULT_BULK_REQUESTS);
            channel.setUseWriteFlushWorkaround(false);
            channel.connect(10_000);
            byte[] buffer = new byte[256 * 1024];
            try (InputStream in = Files.newInputStream(file);
                 OutputStream out = channel.put(remotePath, ChannelSftp.OVERWRITE)) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    out.write(buffer, 0, n);
                }
            }
        } finally {
            channel.disconnect();
        }
    }
}
