package rfm.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Works out how a file is encoded when the job file says {@code auto}: UTF-8 when it starts with a UTF-8 BOM
 * or all of it is valid UTF-8, else GB18030 (a superset of GBK and GB2312, what Chinese Excel and ERPs write).
 */
public final class Encodings {

    public static final Charset GB18030 = Charset.forName("GB18030");

    /** The charset chosen and why, for the log and the summary. */
    public record Detected(Charset charset, String why) {
    }

    private Encodings() {
    }

    /** The physical line (1-based) holding the first bytes that are not valid in a charset, or -1 if there are none. */
    public static long lineOfFirstError(Path file, Charset charset) {
        try (InputStream in = Files.newInputStream(file)) {
            CharsetDecoder decoder = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
            byte[] buffer = new byte[1 << 16];
            ByteBuffer bytes = ByteBuffer.allocate(buffer.length + 16);
            CharBuffer chars = CharBuffer.allocate(buffer.length + 16);
            long line = 1;
            int n;
            boolean end = false;
            while (!end) {
                n = in.readNBytes(buffer, 0, buffer.length);
                end = n == 0;
                bytes.put(buffer, 0, n).flip();
                CoderResult result = decoder.decode(bytes, chars, end);
                chars.flip();
                while (chars.hasRemaining()) {
                    if (chars.get() == '\n') {
                        line++;
                    }
                }
                chars.clear();
                if (result.isError()) {
                    return line;
                }
                bytes.compact();
            }
            return -1;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /* detect() checks 32 bytes at a time for ASCII, as four little-endian longs */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080_8080_8080_8080L;

    /**
     * UTF-8 when the file starts with a UTF-8 BOM or its first character outside ASCII is a well-formed UTF-8
     * sequence (or it has none); else GB18030. Only the bytes up to that first character are read: the answer
     * cannot change after it (UTF-8 text with a few broken bytes later is still UTF-8, as reading all of it as
     * GB18030 would garble every line; the reader stops the run at the line of those bytes, naming it). The bytes
     * are checked 32 and then eight at a time while they are ASCII, the first other sequence by the well-formed
     * UTF-8 table of the Unicode standard (what a strict {@code CharsetDecoder} accepts), and the offset given is
     * where it starts.
     * (Reading whole files to the end took 0.9 s of CPU at the start of a large night: 860 MB.)
     */
    public static Detected detect(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 20];
            int n = in.readNBytes(buffer, 0, buffer.length);
            if (n >= 3 && buffer[0] == (byte) 0xEF && buffer[1] == (byte) 0xBB && buffer[2] == (byte) 0xBF) {
                return new Detected(StandardCharsets.UTF_8, "UTF-8 byte order mark");
            }
            long offset = 0; // of buffer[0] in the file
            while (true) {
                boolean end = n < buffer.length; // readNBytes fills the buffer but at the end of the file
                int i = 0;
                while (i < n) {
                    if (i <= n - 4 * Long.BYTES && (((long) LONGS.get(buffer, i) | (long) LONGS.get(buffer, i + 8)
                            | (long) LONGS.get(buffer, i + 16) | (long) LONGS.get(buffer, i + 24)) & HIGH_BITS) == 0) {
                        i += 4 * Long.BYTES; // a large export's orders are ASCII to the end
                        continue;
                    }
                    if (i <= n - Long.BYTES && ((long) LONGS.get(buffer, i) & HIGH_BITS) == 0) {
                        i += Long.BYTES;
                        continue;
                    }
                    if (buffer[i] >= 0) {
                        i++;
                        continue;
                    }
                    int length = sequence(buffer, i, n);
                    if (length > 0) {
                        return new Detected(StandardCharsets.UTF_8, "UTF-8 text (its first character outside ASCII, at byte "
                                + (offset + i) + ", is UTF-8)");
                    } else if (length == CUT) {
                        break; // the rest of the buffer starts a character: read on, or the file ends inside it
                    } else {
                        return new Detected(GB18030, "not valid UTF-8 at byte " + (offset + i));
                    }
                }
                if (end) {
                    return i < n ? new Detected(GB18030, "not valid UTF-8 at the end of the file")
                            : new Detected(StandardCharsets.UTF_8, "valid UTF-8");
                }
                int kept = n - i; // at most 3 bytes of a character cut by the buffer's end
                System.arraycopy(buffer, i, buffer, 0, kept);
                offset += i;
                n = kept + in.readNBytes(buffer, kept, buffer.length - kept);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** What {@link #sequence} answers when the bytes up to {@code n} are a valid start of a longer sequence. */
    private static final int CUT = 0;
    private static final int BAD = -1;

    /**
     * The length of the well-formed UTF-8 sequence of 2 to 4 bytes starting at {@code b[i]} (not ASCII), {@link #BAD}
     * when it is not one, or {@link #CUT} when the bytes before {@code n} are a valid beginning of one (Unicode
     * 15, table 3-7: the second byte's range depends on the first byte; no overlong forms, surrogates or code
     * points above U+10FFFF).
     */
    static int sequence(byte[] b, int i, int n) {
        int lead = b[i] & 0xFF;
        int length;
        int low = 0x80;
        int high = 0xBF; // of the second byte
        if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3;
            if (lead == 0xE0) {
                low = 0xA0;
            } else if (lead == 0xED) {
                high = 0x9F;
            }
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            length = 4;
            if (lead == 0xF0) {
                low = 0x90;
            } else if (lead == 0xF4) {
                high = 0x8F;
            }
        } else {
            return BAD;
        }
        for (int k = 1; k < length; k++) {
            if (i + k >= n) {
                return CUT;
            }
            int c = b[i + k] & 0xFF;
            if (k == 1 && lead == 0xED && c >= 0xA0 && c <= 0xBF && i + 2 >= n) {
                return CUT; // as a strict decoder has it: a surrogate is bad once its third byte is there
            }
            if (k == 1 ? c < low || c > high : c < 0x80 || c > 0xBF) {
                return BAD;
            }
        }
        return length;
    }
}
