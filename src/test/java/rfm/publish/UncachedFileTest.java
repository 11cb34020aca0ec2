package rfm.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.sun.nio.file.ExtendedOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UncachedFileTest {

    private static final int BUFFER = UncachedFile.BUFFER;

    @TempDir
    Path dir;

    /** Lengths around a block and around the stream's buffer, each written in pieces of random sizes. */
    @Test
    void aFileHoldsExactlyTheBytesWrittenWhateverTheirLength() throws IOException {
        Random random = new Random(11);
        for (int length : new int[] {0, 1, 4095, 4096, 4097, BUFFER - 1, BUFFER, BUFFER + 1, 3 * BUFFER + 123}) {
            for (boolean direct : new boolean[] {true, false}) {
                byte[] bytes = randomBytes(random, length);
                Path file = dir.resolve("f" + length + direct + ".csv");
                try (OutputStream out = UncachedFile.create(file, direct)) {
                    writeInPieces(out, bytes, random);
                }
                assertThat(Files.readAllBytes(file)).as(file.toString()).isEqualTo(bytes);
                assertThat(read(file, true)).as(file + " read direct").isEqualTo(bytes);
                assertThat(read(file, false)).as(file + " read cached").isEqualTo(bytes);
            }
        }
    }

    /** A flush leaves the file as long as what was written so far (a rejects file's length is committed so). */
    @Test
    void aFlushedFileHoldsWhatWasWrittenSoFarAndWritingGoesOnAfterIt() throws IOException {
        Random random = new Random(5);
        byte[] bytes = randomBytes(random, 2 * BUFFER + 5000);
        Path file = dir.resolve("flushed.csv");
        try (OutputStream out = UncachedFile.create(file, true)) {
            int[] ends = {5000, 5001, 9000, BUFFER + 17, BUFFER + 17, 2 * BUFFER, bytes.length};
            int from = 0;
            for (int end : ends) {
                out.write(bytes, from, end - from);
                from = end;
                out.flush();
                assertThat(Files.readAllBytes(file)).as("after a flush at " + end)
                        .isEqualTo(Arrays.copyOf(bytes, end));
            }
        }
        assertThat(Files.readAllBytes(file)).isEqualTo(bytes);
    }

    @Test
    void writesAroundThePageCacheWhereTheFileSystemAllowsIt() throws IOException {
        Path file = dir.resolve("probe.csv");
        boolean allowed;
        try (FileChannel ignored = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                ExtendedOpenOption.DIRECT)) {
            allowed = true;
        } catch (IOException | UnsupportedOperationException e) {
            allowed = false;
        }
        try (OutputStream out = UncachedFile.create(dir.resolve("out.csv"), true)) {
            assertThat(UncachedFile.isDirect(out)).isEqualTo(allowed);
        }
        try (OutputStream out = UncachedFile.create(dir.resolve("cached.csv"), false)) {
            assertThat(UncachedFile.isDirect(out)).isFalse();
        }
    }

    /** Whatever address the memory gets: an aligned one leaves a block more than the buffer in the slice. */
    @Test
    void theBufferIsAlwaysItsSizeAtAnAlignedAddress() {
        ByteBuffer memory = ByteBuffer.allocateDirect(BUFFER + 3 * 4096);
        for (int offset : new int[] {0, 16, 4095, 4096}) {
            int start = memory.alignmentOffset(0, 4096) == 0 ? offset : 4096 - memory.alignmentOffset(0, 4096) + offset;
            ByteBuffer raw = memory.slice(start, BUFFER + 4096);
            ByteBuffer aligned = UncachedFile.aligned(raw, 4096);
            assertThat(aligned.capacity()).as("at offset " + offset).isEqualTo(BUFFER);
            assertThat(aligned.alignmentOffset(0, 4096)).isZero();
        }
    }

    /** Streams share buffers one after another (a closed stream's goes to the next), never two at once. */
    @Test
    void filesWrittenAtOnceOnSeveralThreadsEachHoldTheirOwnBytes() throws Exception {
        int files = 12;
        byte[][] contents = new byte[files][];
        Random random = new Random(9);
        for (int i = 0; i < files; i++) {
            contents[i] = randomBytes(random, 2 * BUFFER + random.nextInt(BUFFER));
        }
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (int i = 0; i < files; i++) {
                    int file = i;
                    int r = round;
                    done.add(threads.submit(() -> {
                        try (OutputStream out = UncachedFile.create(dir.resolve(r + "-" + file + ".csv"), true)) {
                            writeInPieces(out, contents[file], new Random(file));
                        }
                        return null;
                    }));
                }
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            threads.shutdownNow();
        }
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < files; i++) {
                Path file = dir.resolve(round + "-" + i + ".csv");
                assertThat(Files.readAllBytes(file)).as(file.toString()).isEqualTo(contents[i]);
                assertThat(read(file, true)).as(file + " read direct").isEqualTo(contents[i]);
            }
        }
    }

    @Test
    void aClosedStreamRefusesMoreBytes() throws IOException {
        OutputStream out = UncachedFile.create(dir.resolve("closed.csv"), true);
        out.write('a');
        out.close();
        out.close(); // twice is fine

        assertThatThrownBy(() -> out.write('b')).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> out.write(new byte[10], 0, 10)).isInstanceOf(IOException.class);
        out.write(new byte[10], 0, 0); // nothing, and a flush, are no error: as the JDK's file streams
        out.flush();
        assertThat(Files.readString(dir.resolve("closed.csv"))).isEqualTo("a");
    }

    @Test
    void writingAnExistingFileReplacesWhatItHeld() throws IOException {
        Path file = Files.write(dir.resolve("old.csv"), new byte[3 * BUFFER]);
        try (OutputStream out = UncachedFile.create(file, true)) {
            out.write("short".getBytes());
        }
        assertThat(Files.readString(file)).isEqualTo("short");
    }

    private static byte[] read(Path file, boolean direct) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        UncachedFile.read(file, (bytes, n) -> all.write(bytes, 0, n), direct);
        return all.toByteArray();
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static void writeInPieces(OutputStream out, byte[] bytes, Random random) throws IOException {
        for (int at = 0; at < bytes.length; ) {
            int n = Math.min(bytes.length - at, random.nextInt(3) == 0 ? 1 : 1 + random.nextInt(70_000));
            if (n == 1) {
                out.write(bytes[at]);
            } else {
                out.write(bytes, at, n);
            }
            at += n;
        }
    }
}
