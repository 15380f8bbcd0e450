package io.hussh.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** OpenSSH's sftp client in batch mode, at its defaults (64 requests of 32 KiB in flight), one session per call. */
final class OpenSshClient implements SftpClient {

    private final Target target;

    OpenSshClient(Target target) {
        this.target = target;
    }

    @Override
    public void upload(List<Path> files, String remoteDirectory) throws Exception {
        run(files.stream().map(file -> "put " + quote(file.toString()) + " " + quote(remoteDirectory + "/")));
    }

    @Override
    public long download(String remoteDirectory, List<String> names, Path localDirectory) throws Exception {
        Files.createDirectories(localDirectory);
        run(names.stream().map(name -> "get " + quote(remoteDirectory + "/" + name) + " " + quote(localDirectory + "/")));
        long bytes = 0;
        for (String name : names) {
            bytes += Files.size(localDirectory.resolve(name));
        }
        return bytes;
    }

    private void run(Stream<String> commands) throws IOException, InterruptedException {
        Path batch = Files.createTempFile("hussh-bench-sftp-", ".batch");
        try {
            Files.write(batch, commands.toList());
            // -F /dev/null: no user configuration; BatchMode: fail instead of asking for anything
            Process sftp = new ProcessBuilder("sftp", "-q", "-b", batch.toString(), "-F", "/dev/null",
                    "-i", target.privateKey().toString(), "-o", "UserKnownHostsFile=" + target.knownHosts(),
                    "-o", "StrictHostKeyChecking=yes", "-o", "BatchMode=yes", "-P", String.valueOf(target.port()),
                    target.user() + "@127.0.0.1").redirectErrorStream(true).start();
            String output = new String(sftp.getInputStream().readAllBytes());
            if (sftp.waitFor() != 0) {
                throw new IOException("sftp failed: " + output.trim());
            }
        } finally {
            Files.delete(batch);
        }
    }

    private static String quote(String path) {
        return '"' + path.replace("\"", "\\\"") + '"';
    }

    @Override
    public void disconnect() {
        // each call ran its own sftp process
    }
}
