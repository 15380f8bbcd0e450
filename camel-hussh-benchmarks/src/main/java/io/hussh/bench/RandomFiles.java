package io.hussh.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Incompressible test data, so that no layer can shrink it on the way. */
final class RandomFiles {

    private static final int CHUNK = 1024 * 1024;

    private RandomFiles() {
    }

    static Path write(Path file, long size, long seed) throws IOException {
        Files.createDirectories(file.getParent());
        SplittableRandom random = new SplittableRandom(seed);
        byte[] chunk = new byte[CHUNK];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long left = size; left > 0; left -= CHUNK) {
                for (int i = 0; i < CHUNK; i += 8) {
                    long bits = random.nextLong();
                    for (int b = 0; b < 8; b++) {
                        chunk[i + b] = (byte) (bits >>> (8 * b));
                    }
                }
                out.write(chunk, 0, (int) Math.min(CHUNK, left));
            }
        }
        return file;
    }

    /** {@code count} files of {@code size} bytes named {@code prefix-00000.bin} and on. */
    static List<Path> write(Path directory, String prefix, int count, long size) throws IOException {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            files.add(write(directory.resolve(String.format("%s-%05d.bin", prefix, i)), size, i));
        }
        return files;
    }
}
