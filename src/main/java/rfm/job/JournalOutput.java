package rfm.job;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import rfm.ingest.Utf8Text;

/**
 * The journal's writer: bytes into a plain byte array, so that a row costs a few array stores instead of a dozen
 * synchronized stream calls, and numbers and lengths as variable-length integers (LEB128: 7 bits a byte, low bits
 * first), as most of them are small. {@link JournalInput} reads what this writes. Not thread-safe: one ingest step
 * writes one journal.
 */
final class JournalOutput implements AutoCloseable {

    private final OutputStream out;
    private final byte[] buffer = new byte[1 << 16];
    private int position;

    JournalOutput(OutputStream out) {
        this.out = out;
    }

    void writeByte(int v) throws IOException {
        room(1);
        buffer[position++] = (byte) v;
    }

    void writeInt(int v) throws IOException {
        room(4);
        buffer[position] = (byte) (v >>> 24);
        buffer[position + 1] = (byte) (v >>> 16);
        buffer[position + 2] = (byte) (v >>> 8);
        buffer[position + 3] = (byte) v;
        position += 4;
    }

    /** An unsigned variable-length integer: 7 bits a byte, low bits first, the high bit set on all but the last. */
    void writeVarLong(long v) throws IOException {
        room(10);
        while ((v & ~0x7FL) != 0) {
            buffer[position++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buffer[position++] = (byte) v;
    }

    /** A signed number as {@link #writeVarLong} writes it, zigzagged so that small negative ones stay short. */
    void writeSignedVarLong(long v) throws IOException {
        writeVarLong((v << 1) ^ (v >> 63));
    }

    /** The string's UTF-8 bytes after a variable-length count; ASCII, the common case, with no intermediate array. */
    void writeString(String s) throws IOException {
        writeString(s, 0, s.length());
    }

    /** As {@link #writeString(String)}, the characters from {@code from} to {@code to}. */
    void writeString(String s, int from, int to) throws IOException {
        int n = to - from;
        if (n < 128) {
            room(1 + n);
            int start = position + 1;
            int i = 0;
            while (i < n) {
                char c = s.charAt(from + i);
                if (c >= 0x80) {
                    break;
                }
                buffer[start + i] = (byte) c;
                i++;
            }
            if (i == n) {
                buffer[position] = (byte) n;
                position = start + n;
                return;
            }
        }
        byte[] b = s.substring(from, to).getBytes(StandardCharsets.UTF_8);
        writeVarLong(b.length);
        write(b);
    }

    /** ASCII bytes, at most 127 of them, as {@link #writeString(String)} writes their text. */
    void writeAscii(byte[] b, int from, int length) throws IOException {
        if (length > 127) {
            throw new IllegalArgumentException("not a short ASCII text: " + length + " bytes");
        }
        room(1 + length);
        buffer[position++] = (byte) length;
        System.arraycopy(b, from, buffer, position, length);
        position += length;
    }

    /** UTF-8 bytes as {@link #writeString} writes a string's: their count, then the bytes as they are. */
    void writeUtf8(Utf8Text text) throws IOException {
        writeVarLong(text.to() - text.from());
        write(text.bytes(), text.from(), text.to() - text.from());
    }

    private void write(byte[] b) throws IOException {
        write(b, 0, b.length);
    }

    private void write(byte[] b, int from, int length) throws IOException {
        if (length > buffer.length - position) {
            drain();
            if (length > buffer.length) {
                out.write(b, from, length);
                return;
            }
        }
        System.arraycopy(b, from, buffer, position, length);
        position += length;
    }

    private void room(int bytes) throws IOException {
        if (buffer.length - position < bytes) {
            drain();
        }
    }

    private void drain() throws IOException {
        out.write(buffer, 0, position);
        position = 0;
    }

    /** Hands what is buffered to the operating system. */
    void flush() throws IOException {
        drain();
        out.flush();
    }

    @Override
    public void close() throws IOException {
        flush();
        out.close();
    }
}
