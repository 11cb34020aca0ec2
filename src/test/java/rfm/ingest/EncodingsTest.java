package rfm.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

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
        assertThat(d.why()).isEqualTo("valid UTF-8");
    }

    @Test
    void aUtf8CharacterCutByTheBufferEndIsStillUtf8() throws IOException {
        for (int before = (1 << 20) - 3; before <= (1 << 20); before++) { // the character straddles the boundary
            Encodings.Detected d = Encodings.detect(file(ascii(before), "张".getBytes(StandardCharsets.UTF_8), ascii(100)));
            assertThat(d.charset()).as("after %d bytes", before).isEqualTo(StandardCharsets.UTF_8);
        }
    }

    @Test
    void onlyAsciiIsUtf8() throws IOException {
        assertThat(Encodings.detect(file(ascii(2 << 20))).charset()).isEqualTo(StandardCharsets.UTF_8);
    }
}
