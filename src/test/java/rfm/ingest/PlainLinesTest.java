package rfm.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Plain lines split from their bytes, with repeated short values shared: the same fields as splitting the text. */
class PlainLinesTest {

    private static final String[] STATUS = {"PAID", "REFUNDED", "CANCELLED", "待付款"};
    private static final String[] REGION = {"华北", "华东", "华南", "西南", "东北", "西北", "华中"};

    private static PlainLines of(String text) {
        return new PlainLines(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), ',');
    }

    /**
     * The fields joined by commas as one plain line, split (the parsers' byte-path tests); null when they would not
     * make one plain line of these fields (a comma, quote or line break in one; a missing one).
     */
    static PlainLines split(String... fields) {
        for (String f : fields) {
            if (f == null || f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\r') >= 0 || f.indexOf('\n') >= 0) {
                return null;
            }
        }
        PlainLines line = of(String.join(",", fields) + "\n");
        try {
            assertThat(line.split()).isEqualTo(PlainLines.LINE);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return line;
    }

    /** What the byte path reads besides the strings: emptiness, ids, exact and case-blind text. */
    @Test
    void aSplitLinesFieldsAreReadFromItsBytes() throws IOException {
        PlainLines line = split("SO1", "", "paid", "Paid!", "C 1", "x".repeat(10), "张伟", "\u007f", "IN");
        assertThat(line.fields()).isEqualTo(9);
        assertThat(line.ascii()).isFalse();
        assertThat(line.isEmpty(1)).isTrue();
        assertThat(line.isEmpty(-1)).as("a column the file lacks").isTrue();
        assertThat(line.isEmpty(0)).isFalse();
        assertThat(line.isPlainId(0, 3)).isTrue();
        assertThat(line.isPlainId(0, 2)).as("too long").isFalse();
        assertThat(line.isPlainId(1, 10)).as("empty").isFalse();
        assertThat(line.isPlainId(4, 10)).as("a space").isFalse();
        assertThat(line.isPlainId(6, 10)).as("not ASCII").isFalse();
        assertThat(line.isPlainId(7, 10)).as("DEL").isFalse();
        assertThat(line.isPlainId(-1, 10)).isFalse();
        assertThat(line.equalsIgnoreCase(2, "PAID")).isTrue();
        assertThat(line.is(2, "PAID")).isFalse();
        assertThat(line.is(2, "paid")).isTrue();
        assertThat(line.equalsIgnoreCase(3, "PAID!")).isTrue();
        assertThat(line.equalsIgnoreCase(3, "PAID?")).as("only letters' case is ignored").isFalse();
        assertThat(line.equalsIgnoreCase(2, "PAI")).isFalse();
        assertThat(line.equalsIgnoreCase(-1, "")).isFalse();
        assertThat(split("@[`{").equalsIgnoreCase(0, "`{@[")).as("bytes one case bit away from non-letters").isFalse();
        assertThat(line.string(6)).isEqualTo("张伟");
        assertThat(line.string(-1)).isEmpty();
        assertThat(line.offset()).isZero();
        assertThat(line.values()).containsExactly("SO1", "", "paid", "Paid!", "C 1", "x".repeat(10), "张伟", "\u007f", "IN");
        assertThat(line.next()).as("values() consumed the line").isNull();
    }

    /** A line's offset counts the bytes before it in the stream, wherever the buffer has moved them. */
    @Test
    void offsetsCountTheBytesBeforeTheLine() throws IOException {
        StringBuilder text = new StringBuilder();
        List<Long> offsets = new ArrayList<>();
        Random random = new Random(3);
        long bytes = 0;
        for (int i = 0; i < 5_000; i++) {
            offsets.add(bytes);
            String line = "O" + i + ",张" + "x".repeat(random.nextInt(i % 1000 == 0 ? 100_000 : 40)) + (i % 2 == 0 ? "\n" : "\r\n");
            text.append(line);
            bytes += line.getBytes(StandardCharsets.UTF_8).length;
        }
        PlainLines lines = of(text.toString());
        for (int i = 0; i < offsets.size(); i++) {
            assertThat(lines.split()).isEqualTo(PlainLines.LINE);
            assertThat(lines.offset()).as("line %d", i + 1).isEqualTo(offsets.get(i));
            if (i % 3 == 0) {
                lines.consume();
            } else {
                lines.values();
            }
        }
        assertThat(lines.split()).isEqualTo(PlainLines.END);
    }

    private static List<String[]> all(PlainLines lines) throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (String[] r = lines.next(); r != null; r = lines.next()) {
            rows.add(r);
        }
        return rows;
    }

    @Test
    void fieldsAreTheTextsSplitWhateverRepeats() throws IOException {
        Random random = new Random(7);
        StringBuilder text = new StringBuilder();
        List<String> lines = new ArrayList<>();
        int rows = 3 * PlainLines.RepeatedValues.TRIAL; // past the trial: columns of unique values stop being looked up
        for (int i = 0; i < rows; i++) {
            String line = String.join(",",
                    "SO" + (10_000_000 + i),                                  // unique
                    "C" + random.nextInt(500),                                // repeats now and then
                    random.nextBoolean() ? "2026-11-22" : "2026-11-" + (10 + random.nextInt(12)),
                    random.nextInt(100_000) / 100.0 + "",                     // mostly unique
                    "CNY",                                                    // always the same
                    STATUS[random.nextInt(STATUS.length)],                    // few values, one Chinese
                    REGION[random.nextInt(REGION.length)],
                    random.nextInt(4) == 0 ? "" : "x".repeat(1 + random.nextInt(60)), // empty, short and too long
                    "");                                                      // always empty
            lines.add(line);
            text.append(line).append(i % 3 == 0 ? "\r\n" : "\n");
        }
        List<String[]> read = all(of(text.toString()));
        assertThat(read).hasSize(rows);
        for (int i = 0; i < rows; i++) {
            assertThat(read.get(i)).as("line %d", i + 1).containsExactly(lines.get(i).split(",", -1));
        }
    }

    /**
     * Delimiters, quotes, carriage returns and bytes that are not ASCII at every offset of a line, with neighbours
     * one bit away from them ('-' next to ',', '#' next to '"'): the fields are the text split at each comma, a line
     * with a quote or a carriage return inside is not plain, and text that is not ASCII is decoded as UTF-8.
     */
    @Test
    void delimitersQuotesAndOtherBytesAreFoundWhereverTheyFall() throws IOException {
        Random random = new Random(11);
        String alphabet = ",,,--..#!aZ09\t中é";
        StringBuilder text = new StringBuilder();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            StringBuilder line = new StringBuilder();
            int length = random.nextInt(40);
            for (int k = 0; k < length; k++) {
                line.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            lines.add(line.toString());
            text.append(line).append('\n');
        }
        List<String[]> read = all(of(text.toString()));
        assertThat(read).hasSize(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            assertThat(read.get(i)).as("line %d: %s", i + 1, lines.get(i)).containsExactly(lines.get(i).split(",", -1));
        }
        for (int i = 0; i < 2_000; i++) {
            String line = lines.get(i);
            int at = random.nextInt(line.length() + 1);
            String odd = line.substring(0, at) + (i % 2 == 0 ? '"' : '\r') + line.substring(at) + "x";
            PlainLines plain = of(odd + "\nnext,line\n");
            assertThat(plain.next()).as("%s", odd).isSameAs(PlainLines.NOT_PLAIN);
            assertThat(plain.lines()).isZero();
        }
    }

    /** Line ends at every offset from the buffer's start, read in small irregular pieces, a very long line, no last newline. */
    @Test
    void everyLineEndIsFoundWhereverItFalls() throws IOException {
        Random random = new Random(9);
        StringBuilder text = new StringBuilder();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            lines.add("a".repeat(random.nextInt(30)) + "," + i + (random.nextInt(5) == 0 ? "," : "")); // lengths 2 to 36
        }
        lines.add("z".repeat(200_000) + ",longer than the buffer");
        lines.add("last,no newline after it");
        for (int i = 0; i < lines.size(); i++) {
            text.append(lines.get(i)).append(i < lines.size() - 1 ? "\n" : "");
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        Random pieces = new Random(11);
        InputStream trickle = new InputStream() { // hands over 1 to 4,000 bytes at a time, as a pipe might
            private int at;

            @Override
            public int read() {
                return at < bytes.length ? bytes[at++] & 0xFF : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (at == bytes.length) {
                    return -1;
                }
                int n = Math.min(Math.min(len, bytes.length - at), 1 + pieces.nextInt(pieces.nextBoolean() ? 13 : 4_000));
                System.arraycopy(bytes, at, b, off, n);
                at += n;
                return n;
            }
        };
        List<String> read = new ArrayList<>();
        for (String[] r : all(new PlainLines(trickle, ','))) {
            read.add(String.join(",", r));
        }
        assertThat(read).containsExactlyElementsOf(lines);
    }

    @Test
    void aRepeatedValueIsOneString() throws IOException {
        List<String[]> read = all(of("SO1,C1,华北,PAID\nSO2,C2,华北,PAID\nSO3,C1,华东,PAID\n"));
        assertThat(read.get(1)[2]).isSameAs(read.get(0)[2]);
        assertThat(read.get(2)[3]).isSameAs(read.get(0)[3]);
        assertThat(read.get(2)[1]).isSameAs(read.get(0)[1]).isEqualTo("C1");
        assertThat(read.get(2)[2]).isEqualTo("华东");
        assertThat(read.get(0)[0]).isNotSameAs(read.get(1)[0]);
    }

    @Test
    void badBytesAreReportedEvenInAColumnOfRepeatedValues() throws IOException {
        byte[] good = "SO1,华北\nSO2,华北\n".getBytes(StandardCharsets.UTF_8);
        byte[] bad = Arrays.copyOf(good, good.length + 8);
        byte[] tail = {'S', 'O', '3', ',', (byte) 0xE5, (byte) 0x8D, '\n'}; // a cut-off character
        System.arraycopy(tail, 0, bad, good.length, tail.length);
        PlainLines lines = new PlainLines(new ByteArrayInputStream(bad, 0, good.length + tail.length), ',');
        assertThat(lines.next()).containsExactly("SO1", "华北");
        assertThat(lines.next()).containsExactly("SO2", "华北");
        assertThatThrownBy(lines::next).isInstanceOf(CharacterCodingException.class);
    }
}
