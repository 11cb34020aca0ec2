package rfm.publish;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import com.sun.nio.file.ExtendedOpenOption;

/**
 * Writes and reads the large output files, and writes the ingest journal, around the operating system's page cache
 * (direct I/O) where the file system allows it, and through it as usual where it does not.
 * <p>
 * Why: the job writes some 700 MB of output at a million customers, and on a virtual machine whose free memory goes
 * back to its host (a balloon driver reporting free pages, as on the machine of docs/performance.md) every page the
 * kernel takes for the page cache is first faulted in again from the host: about 2 s of system time per GB written,
 * measured with {@code dd}, against 0.1 s for the same gigabyte written direct. The job never reads its outputs
 * back but to hash them, which it does here the same way.
 * <p>
 * Direct I/O moves whole blocks of the file store's block size, from block-aligned places in the file: the stream
 * keeps the bytes after the last whole block in its buffer, and writes them padded to a block, then cuts the file to
 * its real length, only when flushed or closed (a later write writes that block again).
 */
public final class UncachedFile {

    /** Bytes moved per write or read: a few per file, and at most a few dozen files open at once. */
    static final int BUFFER = 256 * 1024;
    /** The smallest alignment used: a 4 KiB sector is the largest most disks have (512 and 1 KiB divide it). */
    static final int MIN_BLOCK = 4096;
    /** Buffers kept for reuse: as many as files are written at once on a night (the segment files, a few more). */
    private static final int KEPT = 32;
    private static final Queue<ByteBuffer> FREE = new ConcurrentLinkedQueue<>();

    /**
     * Whether to try direct I/O at all: on unless the JVM is started with {@code -Drfm.direct-io=false} (see
     * docs/operations.md: a disk slower than the job writes would then hold the writing steps up).
     */
    private static final boolean DIRECT = !"false".equalsIgnoreCase(System.getProperty("rfm.direct-io"));

    private UncachedFile() {
    }

    /** A new (or emptied) file to write, direct if the file store allows it. */
    public static OutputStream create(Path file) throws IOException {
        return create(file, DIRECT);
    }

    static OutputStream create(Path file, boolean direct) throws IOException {
        int block = direct ? blockSize(file) : 0;
        FileChannel channel = block == 0 ? null : openDirect(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        if (channel == null) {
            return Files.newOutputStream(file);
        }
        try {
            return over(channel, block);
        } catch (RuntimeException | Error e) { // no memory for its buffer: the channel is not left open
            channel.close();
            throw e;
        }
    }

    /** Reads a whole file in order, direct if the file store allows it, handing each part read to {@code sink}. */
    public static void read(Path file, PartSink sink) throws IOException {
        read(file, sink, DIRECT);
    }

    static void read(Path file, PartSink sink, boolean direct) throws IOException {
        int block = direct ? blockSize(file) : 0;
        FileChannel channel = block == 0 ? null : openDirect(file, StandardOpenOption.READ);
        if (channel == null) {
            byte[] buffer = new byte[1 << 20];
            try (InputStream in = Files.newInputStream(file)) {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    sink.accept(buffer, n);
                }
            }
            return;
        }
        ByteBuffer aligned = null;
        try (channel) {
            aligned = aligned(block);
            byte[] part = new byte[BUFFER];
            long at = 0;
            for (int n; (n = channel.read(aligned, at)) > 0; aligned.clear()) {
                aligned.flip();
                aligned.get(part, 0, n);
                sink.accept(part, n);
                at += n;
                if (n % block != 0) {
                    break; // the file's end, which a direct read may not go on from
                }
            }
        } finally {
            if (aligned != null) {
                giveBack(aligned);
            }
        }
    }

    /** Takes the parts of a file as they are read: {@code bytes[0..length)}. */
    @FunctionalInterface
    public interface PartSink {
        void accept(byte[] bytes, int length) throws IOException;
    }

    /** A stream over a channel already open (for direct I/O, or for a test, any), {@code block} its alignment. */
    static OutputStream over(FileChannel channel, int block) {
        return new DirectOutput(channel, block);
    }

    /** Whether the stream writes around the page cache. */
    static boolean isDirect(OutputStream out) {
        return out instanceof DirectOutput;
    }

    /** The file opened for direct I/O, or null where that is refused (a file system without it, another system). */
    private static FileChannel openDirect(Path file, OpenOption... options) {
        OpenOption[] direct = Arrays.copyOf(options, options.length + 1);
        direct[options.length] = ExtendedOpenOption.DIRECT;
        try {
            return FileChannel.open(file, direct);
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }

    /**
     * The alignment of direct I/O on the file's store: its block size, at least {@link #MIN_BLOCK} (a file system's
     * block can be smaller than the disk's sector, which direct I/O must respect too), when that is a power of two
     * that divides the buffer; else 0 (not direct).
     */
    private static int blockSize(Path file) {
        try {
            Path existing = Files.exists(file) ? file : file.toAbsolutePath().getParent();
            long size = Math.max(MIN_BLOCK, Files.getFileStore(existing).getBlockSize());
            return size <= BUFFER && Long.bitCount(size) == 1 ? (int) size : 0;
        } catch (IOException | UnsupportedOperationException e) {
            return 0;
        }
    }

    /**
     * {@link #BUFFER} bytes at an address that is a multiple of the block: one given back by a stream or read before
     * (memory outside the heap is freed only when the collector finds its buffer unreachable, and new memory costs
     * page faults, so the night's few dozen files share a few buffers), else new.
     */
    private static ByteBuffer aligned(int block) {
        for (ByteBuffer b; (b = FREE.poll()) != null; ) {
            if (b.alignmentOffset(0, block) == 0) { // else made for a file store of another block size: dropped
                return b.clear();
            }
        }
        return aligned(ByteBuffer.allocateDirect(BUFFER + block), block);
    }

    /** A buffer no longer used, for the next file (at most {@link #KEPT} are kept). */
    private static void giveBack(ByteBuffer buffer) {
        if (FREE.size() < KEPT) {
            FREE.offer(buffer);
        }
    }

    /** The aligned {@link #BUFFER} bytes of {@code raw}, a direct buffer of {@code BUFFER + block} bytes. */
    static ByteBuffer aligned(ByteBuffer raw, int block) {
        return raw.alignedSlice(block).limit(BUFFER).slice();
    }

    /** An output stream over a file opened for direct I/O (see the class comment). */
    private static final class DirectOutput extends OutputStream {

        private final FileChannel channel;
        private final int block;
        /** Bytes from {@link #written} on, not yet on disk as a whole block. */
        private final ByteBuffer buffer;
        /** Where the buffer's first byte goes in the file: always a whole number of blocks. */
        private long written;
        private boolean closed;
        /** A write that failed: the buffer no longer says what the file lacks, so nothing more is written. */
        private IOException failed;

        DirectOutput(FileChannel channel, int block) {
            this.channel = channel;
            this.block = block;
            this.buffer = aligned(block);
        }

        // synchronized: a stream is written by one thread, but a thread still writing when another closes it (a
        // failing step's journal) must meet a closed stream, not a buffer already handed to another file
        @Override
        public synchronized void write(int b) throws IOException {
            requireOpen();
            if (!buffer.hasRemaining()) {
                writeFull();
            }
            buffer.put((byte) b);
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
            if (length == 0) {
                return; // as the JDK's file streams: nothing to write is no error, closed or not
            }
            requireOpen();
            while (length > 0) {
                if (!buffer.hasRemaining()) {
                    writeFull();
                }
                int n = Math.min(length, buffer.remaining());
                buffer.put(bytes, offset, n);
                offset += n;
                length -= n;
            }
        }

        private void writeFull() throws IOException {
            buffer.flip();
            writeAt(written);
            written += buffer.capacity();
            buffer.clear();
        }

        private void writeAt(long at) throws IOException {
            try {
                while (buffer.hasRemaining()) {
                    channel.write(buffer, at + buffer.position());
                }
            } catch (IOException | RuntimeException e) {
                failed = e instanceof IOException io ? io : new IOException(e);
                throw e;
            }
        }

        /** Writes what the buffer holds, its last block padded, and cuts the file to the real length. */
        @Override
        public synchronized void flush() throws IOException {
            if (closed) {
                return; // written and cut already (its buffer is another's)
            }
            requireOpen();
            int held = buffer.position();
            if (held == 0) {
                return;
            }
            int padded = (held + block - 1) / block * block;
            while (buffer.position() < padded) {
                buffer.put((byte) 0);
            }
            buffer.flip();
            writeAt(written);
            channel.truncate(written + held);
            buffer.limit(buffer.capacity()).position(held); // the bytes stay: the block is written again, whole
        }

        /**
         * Once closed, the buffer is another file's: bytes written then are refused, as a closed channel would; once
         * a write failed, so is everything after it.
         */
        private void requireOpen() throws IOException {
            if (closed) {
                throw new IOException("the stream is closed");
            }
            if (failed != null) {
                throw new IOException("an earlier write to this file failed", failed);
            }
        }

        /** Writes what is left and closes; after a failed write, closes and says so (the file is incomplete). */
        @Override
        public synchronized void close() throws IOException {
            if (closed) {
                return;
            }
            try (channel) {
                flush();
            } finally {
                closed = true;
                giveBack(buffer);
            }
        }
    }
}
