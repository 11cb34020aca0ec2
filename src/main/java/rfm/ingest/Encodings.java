package rfm.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
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

    private static boolean ascii(byte[] b, int n) {
        int any = 0;
        for (int i = 0; i < n; i++) {
            any |= b[i];
        }
        return any >= 0;
    }

    public static Detected detect(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 20];
            int n = in.readNBytes(buffer, 0, buffer.length);
            if (n >= 3 && buffer[0] == (byte) 0xEF && buffer[1] == (byte) 0xBB && buffer[2] == (byte) 0xBF) {
                return new Detected(StandardCharsets.UTF_8, "UTF-8 byte order mark");
            }
            CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
            CharBuffer chars = CharBuffer.allocate(buffer.length);
            ByteBuffer bytes = ByteBuffer.allocate(buffer.length + 8);
            long offset = 0;
            boolean multibyte = false;
            while (n > 0) {
                if (bytes.position() == 0 && ascii(buffer, n)) { // most of an export: nothing to decode
                    offset += n;
                    n = in.readNBytes(buffer, 0, buffer.length);
                    continue;
                }
                bytes.put(buffer, 0, n).flip();
                CoderResult result = decoder.decode(bytes, chars, false);
                chars.flip();
                while (!multibyte && chars.hasRemaining()) {
                    multibyte = chars.get() > 0x7F;
                }
                if (result.isError()) {
                    if (multibyte) {
                        // UTF-8 text with some broken bytes: reading it all as GB18030 would garble every line
                        return new Detected(StandardCharsets.UTF_8, "UTF-8 text, but not valid UTF-8 at byte "
                                + (offset + bytes.position()));
                    }
                    return new Detected(GB18030, "not valid UTF-8 at byte " + (offset + bytes.position()));
                }
                offset += bytes.position();
                bytes.compact(); // keeps the start of a character cut by the buffer's end
                chars.clear();
                n = in.readNBytes(buffer, 0, buffer.length);
            }
            bytes.flip();
            if (decoder.decode(bytes, chars, true).isError() || decoder.flush(chars).isError()) {
                return new Detected(GB18030, "not valid UTF-8 at the end of the file");
            }
            return new Detected(StandardCharsets.UTF_8, "valid UTF-8");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
