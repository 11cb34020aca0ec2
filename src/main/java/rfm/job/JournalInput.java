package rfm.job;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Reads what {@link JournalOutput} writes, from its own buffer. Not thread-safe. */
final class JournalInput {

    private final InputStream in;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;

    JournalInput(InputStream in) {
        this.in = in;
    }

    /** True when every byte has been read. */
    boolean atEnd() throws IOException {
        return position == limit && !fill();
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer);
        if (n <= 0) {
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }

    int readByte() throws IOException {
        if (position == limit && !fill()) {
            throw new EOFException("the journal ends inside a record");
        }
        return buffer[position++];
    }

    int readInt() throws IOException {
        return (readByte() & 0xFF) << 24 | (readByte() & 0xFF) << 16 | (readByte() & 0xFF) << 8 | readByte() & 0xFF;
    }

    long readVarLong() throws IOException {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = readByte();
            v |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                return v;
            }
        }
        throw new IOException("a number in the journal runs over 64 bits");
    }

    long readSignedVarLong() throws IOException {
        long v = readVarLong();
        return (v >>> 1) ^ -(v & 1);
    }

    int readSignedVarInt() throws IOException {
        long v = readSignedVarLong();
        if (v != (int) v) {
            throw new IOException("a number in the journal is out of range: " + v);
        }
        return (int) v;
    }

    String readString() throws IOException {
        long n = readVarLong();
        if (n < 0 || n > Integer.MAX_VALUE - 8) {
            throw new IOException("a text in the journal has a bad length: " + n);
        }
        int length = (int) n;
        if (length <= limit - position) {
            String s = new String(buffer, position, length, StandardCharsets.UTF_8);
            position += length;
            return s;
        }
        byte[] b = new byte[length];
        int done = 0;
        while (done < length) {
            if (position == limit && !fill()) {
                throw new EOFException("the journal ends inside a record");
            }
            int take = Math.min(length - done, limit - position);
            System.arraycopy(buffer, position, b, done, take);
            position += take;
            done += take;
        }
        return new String(b, StandardCharsets.UTF_8);
    }
}
