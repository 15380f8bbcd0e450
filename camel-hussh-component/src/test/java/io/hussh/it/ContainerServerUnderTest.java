package io.hussh.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.BindMode;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.ImageFromDockerfile;
import org.testcontainers.utility.MountableFile;

/**
 * An SFTP server in a container on the host network, listening on 127.0.0.1. The image comes from system property
 * {@code hussh.it.image}; where Docker does not have it, Testcontainers builds it from {@code sftp-it/Dockerfile}.
 */
public final class ContainerServerUnderTest extends ServerUnderTest {

    static final String IMAGE = System.getProperty("hussh.it.image", "hussh-sftp-it:bookworm");

    private final GenericContainer<?> container;
    private final Path data;
    private final int port;
    private final String versionCommand;
    private final String killCommand;
    private final String restartCommand;

    private ContainerServerUnderTest(String startScript, String versionCommand, String killCommand,
                                     String restartCommand) throws IOException {
        this.port = freePort();
        this.versionCommand = versionCommand;
        this.killCommand = killCommand;
        this.restartCommand = restartCommand;
        this.data = Files.createTempDirectory("hussh-it-data-");
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxrwxrwx"));
        container = image()
                .withNetworkMode("host")
                .withEnv("HUSSH_PASSWORD", PASSWORD)
                .withCopyToContainer(MountableFile.forClasspathResource("sftp-it/" + startScript, 0755),
                        "/it/" + startScript)
                .withFileSystemBind(data.toString(), "/data", BindMode.READ_WRITE)
                // a small file system to fill up
                .withTmpFs(java.util.Map.of("/small", "rw,size=1m,mode=1777"))
                .withCommand("/it/" + startScript, String.valueOf(port))
                .waitingFor(Wait.forLogMessage(".*sftp server listening.*", 1))
                .withStartupTimeout(Duration.ofMinutes(5));
        container.start();
    }

    public static ContainerServerUnderTest openSsh() throws IOException {
        return new ContainerServerUnderTest("start-openssh.sh", "sshd -V 2>&1 | head -1",
                "pkill -9 -x sshd; pkill -9 -x sftp-server; true",
                "/usr/sbin/sshd -f /it/sshd_config -E /it/sshd.log");
    }

    static ContainerServerUnderTest proFtpd() throws IOException {
        return new ContainerServerUnderTest("start-proftpd.sh", "proftpd -v 2>&1 | head -1",
                "pkill -9 -x proftpd; true",
                "/usr/sbin/proftpd -c /it/proftpd.conf");
    }

    private static GenericContainer<?> image() {
        boolean present;
        try {
            DockerClientFactory.instance().client().inspectImageCmd(IMAGE).exec();
            present = true;
        } catch (RuntimeException notFound) {
            present = false;
        }
        if (present) {
            return new GenericContainer<>(IMAGE);
        }
        return new GenericContainer<>(new ImageFromDockerfile(IMAGE, false)
                .withFileFromClasspath("Dockerfile", "sftp-it/Dockerfile"));
    }

    @Override
    public String description() {
        return shell(versionCommand).trim();
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public String hostKeyEntry() {
        String[] fields = shell("cat /it/host_key.pub").trim().split("\\s+");
        return fields[0] + " " + fields[1];
    }

    @Override
    public String dataRoot() {
        return "/data";
    }

    @Override
    public Path localDataRoot() {
        return data;
    }

    @Override
    public void kill() {
        shell(killCommand);
    }

    @Override
    public void restart() {
        shell(restartCommand);
    }

    /** Runs a shell command in the container as root and returns its output. */
    public String shell(String command) {
        try {
            ExecResult result = container.execInContainer("sh", "-c", command);
            if (result.getExitCode() != 0) {
                throw new IllegalStateException("'" + command + "' failed in the container: " + result.getStderr());
            }
            return result.getStdout();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        container.stop();
    }
}
