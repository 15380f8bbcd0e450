package io.hussh.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A command-line SFTP client run once per file: lftp or rclone, logging in with the benchmark's key and checking the
 * host key against its known_hosts file, at its defaults unless {@code streams} asks for a number of connections.
 */
final class ExternalClient implements SftpClient {

    enum Program { LFTP, RCLONE }

    private final Program program;
    private final Target target;
    private final int streams;

    /** @param streams connections a download is split over; 0 for the program's default */
    ExternalClient(Program program, Target target, int streams) {
        this.program = program;
        this.target = target;
        this.streams = streams;
    }

    /** The version line the program prints, for the report. */
    static String version(Program program) throws IOException, InterruptedException {
        List<String> command = program == Program.LFTP ? List.of("lftp", "--version") : List.of("rclone", "version");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String first = new String(process.getInputStream().readAllBytes()).lines().findFirst().orElse("unknown");
        process.waitFor();
        return first.trim();
    }

    @Override
    public void upload(List<Path> files, String remoteDirectory) throws Exception {
        for (Path file : files) {
            String remote = remoteDirectory + "/" + file.getFileName();
            if (program == Program.LFTP) {
                lftp("put " + quote(file.toString()) + " -o " + quote(remote));
            } else {
                rclone("copyto", file.toString(), "bench:" + remote);
            }
        }
    }

    @Override
    public long download(String remoteDirectory, List<String> names, Path localDirectory) throws Exception {
        Files.createDirectories(localDirectory);
        long bytes = 0;
        for (String name : names) {
            Path local = localDirectory.resolve(name);
            String remote = remoteDirectory + "/" + name;
            if (program == Program.LFTP) {
                lftp("pget" + (streams > 0 ? " -n " + streams : "") + " " + quote(remote) + " -o " + quote(local.toString()));
            } else if (streams > 0) {
                rclone("copyto", "--multi-thread-streams", String.valueOf(streams), "bench:" + remote, local.toString());
            } else {
                rclone("copyto", "bench:" + remote, local.toString());
            }
            bytes += Files.size(local);
        }
        return bytes;
    }

    /** lftp speaks SFTP through OpenSSH's ssh, which takes the key and the known_hosts file from its options. */
    private void lftp(String command) throws IOException, InterruptedException {
        String ssh = "ssh -a -x -F /dev/null -i " + target.privateKey() + " -o UserKnownHostsFile=" + target.knownHosts()
                     + " -o StrictHostKeyChecking=yes -o BatchMode=yes";
        run(List.of("lftp", "-c", "set sftp:connect-program \"" + ssh + "\"; set net:max-retries 1;"
                                  + " open -u " + target.user() + ", sftp://127.0.0.1:" + target.port() + "; "
                                  + command), Map.of());
    }

    /** rclone's SFTP remote, defined by environment variables alone: no configuration file is read. */
    private void rclone(String... arguments) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("rclone", "--config", "/dev/null"));
        command.addAll(List.of(arguments));
        run(command, Map.of("RCLONE_CONFIG_BENCH_TYPE", "sftp", "RCLONE_CONFIG_BENCH_HOST", "127.0.0.1",
                "RCLONE_CONFIG_BENCH_PORT", String.valueOf(target.port()), "RCLONE_CONFIG_BENCH_USER", target.user(),
                "RCLONE_CONFIG_BENCH_KEY_FILE", target.privateKey().toString(),
                "RCLONE_CONFIG_BENCH_KNOWN_HOSTS_FILE", target.knownHosts().toString()));
    }

    private static void run(List<String> command, Map<String, String> environment)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IOException(command.get(0) + " failed: " + output.trim());
        }
    }

    private static String quote(String path) {
        return '"' + path.replace("\"", "\\\"") + '"';
    }

    @Override
    public void disconnect() {
        // each call ran its own process
    }
}
