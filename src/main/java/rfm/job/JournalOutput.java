package rfm.job;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The journal's writer: the format of {@link java.io.DataOutputStream} (big-endian numbers, strings as a length
 * and UTF-8 bytes) into a plain byte array, so that a row costs a few array stores instead of a dozen
 * synchronized stream calls. Not thread-safe: one ingest step writes one journal.
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

    void writeBoolean(boolean v) throws IOException {
        writeByte(v ? 1 : 0);
    }

    void writeInt(int v) throws IOException {
        room(4);
        buffer[position] = (byte) (v >>> 24);
        buffer[position + 1] = (byte) (v >>> 16);
        buffer[position + 2] = (byte) (v >>> 8);
        buffer[position + 3] = (byte) v;
        position += 4;
    }

    void writeLong(long v) throws IOException {
        writeInt((int) (v >>> 32));
        writeInt((int) v);
    }

    /** A length (int) and the string's UTF-8 bytes; ASCII, the common case, without an intermediate array. */
    void writeString(String s) throws IOException {
        int n = s.length();
        if (n <= 256) {
            room(4 + n);
            int start = position + 4;
            int i = 0;
            while (i < n) {
                char c = s.charAt(i);
                if (c >= 0x80) {
                    break;
                }
                buffer[start + i] = (byte) c;
                i++;
            }
            if (i == n) {
                writeInt(n);
                position += n;
                return;
            }
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        writeInt(b.length);
        write(b);
    }

    private void write(byte[] b) throws IOException {
        if (b.length > buffer.length - position) {
            drain();
            if (b.length > buffer.length) {
                out.write(b);
                return;
            }
        }
        System.arraycopy(b, 0, buffer, position, b.length);
        position += b.length;
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
