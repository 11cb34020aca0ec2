package rfm.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
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

    /** A disk that fills up: the stream keeps failing instead of closing as if the file were whole. */
    @Test
    void afterAFailedWriteTheStreamTakesNothingMoreAndItsCloseSaysSo() throws IOException {
        Path file = dir.resolve("full.csv");
        FileChannel disk = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        OutputStream out = UncachedFile.over(new FullAfter(disk, 1), 4096);
        byte[] bytes = randomBytes(new Random(2), BUFFER + 100);

        out.write(bytes, 0, bytes.length); // the first whole buffer is written: the disk's last room
        assertThatThrownBy(out::flush).isInstanceOf(IOException.class).hasMessageContaining("No space left");
        assertThatThrownBy(() -> out.write('x')).isInstanceOf(IOException.class).hasMessageContaining("earlier write");
        assertThatThrownBy(out::flush).isInstanceOf(IOException.class).hasMessageContaining("earlier write");
        assertThatThrownBy(out::close).isInstanceOf(IOException.class).hasMessageContaining("earlier write");
        assertThat(disk.isOpen()).isFalse();
        out.close(); // closed now: no second complaint
    }

    /** A channel whose writes fail once {@code writes} have succeeded, as on a disk that is full. */
    private static final class FullAfter extends FileChannel {

        private final FileChannel file;
        private int writes;

        FullAfter(FileChannel file, int writes) {
            this.file = file;
            this.writes = writes;
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            if (writes-- <= 0) {
                throw new IOException("No space left on device");
            }
            return file.write(src, position);
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return file.read(dst);
        }

        @Override
        public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
            return file.read(dsts, offset, length);
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            throw new UnsupportedOperationException();
        }

        @Override
        public long write(ByteBuffer[] srcs, int offset, int length) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long position() throws IOException {
            return file.position();
        }

        @Override
        public FileChannel position(long newPosition) throws IOException {
            file.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return file.size();
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            file.truncate(size);
            return this;
        }

        @Override
        public void force(boolean metaData) throws IOException {
            file.force(metaData);
        }

        @Override
        public long transferTo(long position, long count, WritableByteChannel target) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long transferFrom(ReadableByteChannel src, long position, long count) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return file.read(dst, position);
        }

        @Override
        public MappedByteBuffer map(MapMode mode, long position, long size) {
            throw new UnsupportedOperationException();
        }

        @Override
        public FileLock lock(long position, long size, boolean shared) {
            throw new UnsupportedOperationException();
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) {
            throw new UnsupportedOperationException();
        }

        @Override
        protected void implCloseChannel() throws IOException {
            file.close();
        }
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
