package io.hussh.it;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.Session;

/** What each server of the matrix is and which SFTP extensions it advertises, as seen by JSch. */
final class ServerDescriptions {

    private static final List<String> EXTENSIONS = List.of("posix-rename@openssh.com", "statvfs@openssh.com",
            "hardlink@openssh.com", "fsync@openssh.com", "limits@openssh.com", "lsetstat@openssh.com",
            "copy-data", "expand-path@openssh.com");
    private static final Map<ServerKind, Probe> PROBES = new ConcurrentSkipListMap<>();

    private record Probe(String description, int sftpVersion, List<String> extensions) {
    }

    private ServerDescriptions() {
    }

    static void probe(ServerKind kind, ServerUnderTest server, Path knownHosts) throws Exception {
        if (PROBES.containsKey(kind)) {
            return;
        }
        JSch jsch = new JSch();
        jsch.setKnownHosts(knownHosts.toString());
        Session session = jsch.getSession(ServerUnderTest.USER, "127.0.0.1", server.port());
        session.setPassword(ServerUnderTest.PASSWORD);
        session.setConfig("PreferredAuthentications", "password");
        session.connect(10_000);
        try {
            ChannelSftp channel = (ChannelSftp) session.openChannel("sftp");
            channel.connect(10_000);
            List<String> advertised = new ArrayList<>();
            for (String extension : EXTENSIONS) {
                if (channel.getExtension(extension) != null) {
                    advertised.add(extension);
                }
            }
            PROBES.put(kind, new Probe(server.description(), channel.getServerVersion(), advertised));
            channel.disconnect();
        } finally {
            session.disconnect();
        }
    }

    static boolean advertises(ServerKind kind, String extension) {
        return PROBES.get(kind).extensions().contains(extension);
    }

    static String markdown() {
        StringBuilder md = new StringBuilder("| server | version | SFTP protocol | extensions advertised |\n|---|---|---|---|\n");
        PROBES.forEach((kind, probe) -> md.append("| ").append(kind).append(" | ").append(probe.description())
                .append(" | ").append(probe.sftpVersion()).append(" | ")
                .append(probe.extensions().isEmpty() ? "none of those checked" : String.join(", ", probe.extensions()))
                .append(" |\n"));
        return md.toString();
    }
}
