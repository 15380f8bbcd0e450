package io.hussh.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;

/** Random content and SHA-256 digests for tests. */
public final class TestFiles {

    private TestFiles() {
    }

    public static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    public static Path randomFile(Path file, int size, long seed) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        return Files.write(file, randomBytes(size, seed));
    }

    /**
     * The size of a file that a server may still be writing: an SFTP server goes on executing the writes it had
     * queued for a while after the client's connection died.
     */
    public static long settledSize(Path file) throws IOException, InterruptedException {
        long size = Files.size(file);
        for (int i = 0; i < 100; i++) {
            Thread.sleep(100);
            long now = Files.size(file);
            if (now == size) {
                return size;
            }
            size = now;
        }
        throw new IllegalStateException(file + " is still growing after 10 s");
    }

    /** Waits up to a minute for {@code file} to hold at least {@code size} bytes, as another process writes it. */
    public static void awaitSize(Path file, long size) throws IOException, InterruptedException {
        for (int i = 0; i < 6000 && !(Files.exists(file) && Files.size(file) >= size); i++) {
            Thread.sleep(10);
        }
        if (!Files.exists(file) || Files.size(file) < size) {
            throw new AssertionError(file + " did not reach " + size + " bytes within a minute");
        }
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sha256(Path file) throws IOException {
        return sha256(Files.readAllBytes(file));
    }
}
