package rfm.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Detection over more than one read buffer (1 MiB): long ASCII stretches are skipped, not trusted. */
class EncodingsTest {

    private static final Charset GB18030 = Charset.forName("GB18030");

    @TempDir
    Path dir;

    private Path file(byte[]... parts) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.write(part);
        }
        Path p = dir.resolve("f.csv");
        Files.write(p, out.toByteArray());
        return p;
    }

    private static byte[] ascii(int bytes) {
        byte[] b = new byte[bytes];
        for (int i = 0; i < bytes; i++) {
            b[i] = (byte) (i % 64 == 63 ? '\n' : 'a' + i % 26);
        }
        return b;
    }

    @Test
    void chineseInGb18030AfterMegabytesOfAsciiIsGb18030() throws IOException {
        Encodings.Detected d = Encodings.detect(file(ascii(3 << 20), "张伟,王芳\n".getBytes(GB18030)));
        assertThat(d.charset()).isEqualTo(GB18030);
    }

    @Test
    void chineseInUtf8AfterMegabytesOfAsciiIsUtf8() throws IOException {
        Encodings.Detected d = Encodings.detect(file(ascii(3 << 20), "张伟,王芳\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(d.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(d.why()).isEqualTo("UTF-8 text (its first character outside ASCII, at byte " + (3 << 20) + ", is UTF-8)");
    }

    @Test
    void utf8TextWithBrokenBytesLaterIsUtf8AndTheirLineIsFound() throws IOException {
        // decided at the first character (reading all of it as GB18030 would garble every line); the reader stops
        // the run at the broken bytes' line
        Path p = file("id,name\n1,张伟\n".getBytes(StandardCharsets.UTF_8), ascii(3 << 20), new byte[] {(byte) 0xFF, (byte) 0xFE, '\n'});
        assertThat(Encodings.detect(p)).isEqualTo(new Encodings.Detected(StandardCharsets.UTF_8,
                "UTF-8 text (its first character outside ASCII, at byte 10, is UTF-8)"));
        assertThat(Encodings.lineOfFirstError(p, StandardCharsets.UTF_8)).isEqualTo(3 + (3 << 20) / 64);
    }

    @Test
    void aUtf8CharacterCutByTheBufferEndIsStillUtf8() throws IOException {
        for (int before = (1 << 20) - 3; before <= (1 << 20); before++) { // the character straddles the boundary
            Encodings.Detected d = Encodings.detect(file(ascii(before), "张".getBytes(StandardCharsets.UTF_8), ascii(100)));
            assertThat(d.charset()).as("after %d bytes", before).isEqualTo(StandardCharsets.UTF_8);
        }
    }

    @Test
    void onlyAsciiIsValidUtf8() throws IOException {
        assertThat(Encodings.detect(file(ascii(2 << 20)))).isEqualTo(new Encodings.Detected(StandardCharsets.UTF_8, "valid UTF-8"));
    }

    @Test
    void answersAsAStrictDecoderReadingTheWholeFileDoes() throws IOException {
        // random files of ASCII, UTF-8 characters of 2 to 4 bytes, GB18030 Chinese, stray bytes, sequences cut short
        // or ended by the file, and characters across the 1 MiB read buffer's end: the same charset and reason as
        // the JDK's strict UTF-8 decoder gives for the first character outside ASCII
        Random random = new Random(20261204L);
        String[] texts = {"张伟", "é", "€", "𠀀", "😀", "\uFFFF", "\uD7FF", "\uE000", "\u0080", "\u07FF", "\u0800", "\uFFFD"};
        for (int round = 0; round < 400; round++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int target = round % 10 == 0 ? (1 << 20) - 8 + random.nextInt(16) : random.nextInt(200);
            while (out.size() < target) {
                int kind = random.nextInt(100);
                if (kind < 70) {
                    out.write('a' + random.nextInt(26));
                } else if (kind < 88) {
                    out.writeBytes(texts[random.nextInt(texts.length)].getBytes(StandardCharsets.UTF_8));
                } else if (kind < 92 && round % 3 == 0) {
                    out.writeBytes("王芳".getBytes(GB18030));
                } else if (kind < 95 && round % 2 == 0) {
                    out.write(0x80 + random.nextInt(0x80)); // any byte with the high bit: leads, continuations, never valid
                } else if (kind < 97 && round % 2 == 0) {
                    byte[] b = texts[random.nextInt(texts.length)].getBytes(StandardCharsets.UTF_8);
                    out.write(b, 0, Math.max(1, b.length - 1)); // a character cut short
                } else if (round % 5 == 0) {
                    int[][] odd = {{0xED, 0xA0, 0x80}, {0xE0, 0x9F, 0xBF}, {0xF0, 0x8F, 0xBF, 0xBF}, {0xF4, 0x90, 0x80, 0x80},
                            {0xC0, 0xAF}, {0xC1, 0xBF}, {0xF5, 0x80, 0x80, 0x80}, {0xED, 0xBF}, {0xED, 0x9F}};
                    for (int v : odd[random.nextInt(odd.length)]) {
                        out.write(v);
                    }
                }
            }
            Path p = file(out.toByteArray());
            assertThat(Encodings.detect(p)).as("round %d, %d bytes", round, out.size()).isEqualTo(decoderDetect(p));
        }
        // a file ending inside a character, right at and after the buffer's end
        for (int before = (1 << 20) - 2; before <= (1 << 20) + 1; before++) {
            for (byte[] end : new byte[][] {{(byte) 0xE5}, {(byte) 0xE5, (byte) 0xBC}, {(byte) 0xED, (byte) 0xA0}, {(byte) 0xF0, (byte) 0x9F, (byte) 0x98}}) {
                Path p = file(ascii(before), end);
                assertThat(Encodings.detect(p)).isEqualTo(decoderDetect(p))
                        .isEqualTo(new Encodings.Detected(GB18030, "not valid UTF-8 at the end of the file"));
            }
        }
    }

    /**
     * Detection by the JDK's strict UTF-8 decoder: the first byte outside ASCII found one at a time, then the
     * decoder given that byte and the (at most) three after it.
     */
    private static Encodings.Detected decoderDetect(Path file) throws IOException {
        byte[] b = Files.readAllBytes(file);
        if (b.length >= 3 && b[0] == (byte) 0xEF && b[1] == (byte) 0xBB && b[2] == (byte) 0xBF) {
            return new Encodings.Detected(StandardCharsets.UTF_8, "UTF-8 byte order mark");
        }
        int first = 0;
        while (first < b.length && b[first] >= 0) {
            first++;
        }
        if (first == b.length) {
            return new Encodings.Detected(StandardCharsets.UTF_8, "valid UTF-8");
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer chars = CharBuffer.allocate(8);
        CoderResult result = decoder.decode(ByteBuffer.wrap(b, first, Math.min(4, b.length - first)), chars, false);
        if (chars.position() > 0) {
            return new Encodings.Detected(StandardCharsets.UTF_8, "UTF-8 text (its first character outside ASCII, at byte "
                    + first + ", is UTF-8)");
        }
        if (result.isError()) {
            return new Encodings.Detected(Encodings.GB18030, "not valid UTF-8 at byte " + first);
        }
        return new Encodings.Detected(Encodings.GB18030, "not valid UTF-8 at the end of the file"); // cut short by it
    }

}
