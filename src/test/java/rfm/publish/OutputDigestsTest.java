package rfm.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.apache.commons.codec.digest.DigestUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputDigestsTest {

    @TempDir
    Path dir;

    @Test
    void digestOfAFileSpanningSeveralReadsIsTheDigestOfItsBytes() throws Exception {
        byte[] bytes = new byte[(5 << 20) / 2 + 17]; // two and a half buffers and a bit
        new Random(7).nextBytes(bytes);
        Path file = Files.write(dir.resolve("big.csv"), bytes);

        assertThat(OutputDigests.sha256(file)).isEqualTo(DigestUtils.sha256Hex(bytes));
    }

    @Test
    void digestOfAnEmptyFile() throws Exception {
        Path file = Files.write(dir.resolve("empty.csv"), new byte[0]);

        assertThat(OutputDigests.sha256(file))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    /**
     * Files there at the start, in a subfolder too, one written after it, and one there at the start that the caller
     * names as rewritten and writes again: each file's digest is that of its bytes when asked for.
     */
    @Test
    void everyFileGetsTheDigestOfWhatItHoldsWhenAskedFor() throws Exception {
        Random random = new Random(3);
        Files.createDirectories(dir.resolve("segments"));
        byte[][] contents = new byte[40][];
        for (int i = 0; i < contents.length; i++) {
            contents[i] = new byte[random.nextInt(300_000)];
            random.nextBytes(contents[i]);
            Files.write(dir.resolve(i % 2 == 0 ? "f" + i + ".csv" : "segments/f" + i + ".csv"), contents[i]);
        }
        Files.writeString(dir.resolve("report.html"), "an earlier attempt's report");

        try (OutputDigests digests = OutputDigests.start(dir, Set.of("report.html"))) {
            Files.writeString(dir.resolve("report.html"), "tonight's report");
            Files.writeString(dir.resolve("later.csv"), "written after the start");

            for (int i = contents.length - 1; i >= 0; i--) {
                Path file = dir.resolve(i % 2 == 0 ? "f" + i + ".csv" : "segments/f" + i + ".csv");
                assertThat(digests.of(file)).as(file.toString()).isEqualTo(DigestUtils.sha256Hex(contents[i]));
            }
            assertThat(digests.of(dir.resolve("report.html")))
                    .isEqualTo(DigestUtils.sha256Hex("tonight's report".getBytes(StandardCharsets.UTF_8)));
            assertThat(digests.of(dir.resolve("later.csv")))
                    .isEqualTo(DigestUtils.sha256Hex("written after the start".getBytes(StandardCharsets.UTF_8)));
        }
        assertThat(OutputDigests.files(dir)).hasSize(contents.length + 2)
                .extracting(p -> OutputDigests.name(dir, p)).contains("segments/f1.csv", "report.html", "later.csv")
                .isSorted();
    }

    /** CsvOutput hashes what it writes, so that the summary does not read the file again. */
    @Test
    void aCsvFileIsHashedAsItIsWritten() throws Exception {
        Path file = dir.resolve("scored.csv");
        try (CsvOutput out = CsvOutput.create(file, List.of("customer_id", "name"), true, true)) {
            for (int i = 0; i < 50_000; i++) {
                out.row(List.of("C" + i, "王洋"));
            }
        }
        String sha256 = DigestUtils.sha256Hex(Files.readAllBytes(file));

        assertThat(WrittenDigests.take(file)).isEqualTo(sha256);
        assertThat(WrittenDigests.take(file)).as("given once").isNull();
        assertThat(OutputDigests.sha256(file)).as("then read from the file").isEqualTo(sha256);
    }

    @Test
    void aCsvFileClosedTwiceKeepsTheDigestOfItsBytes() throws Exception {
        Path file = dir.resolve("twice.csv");
        CsvOutput out = CsvOutput.create(file, List.of("customer_id"), false, true);
        out.row(List.of("C1"));
        out.close();
        out.close();

        assertThat(WrittenDigests.take(file)).isEqualTo(DigestUtils.sha256Hex(Files.readAllBytes(file)));
    }

    @Test
    void aCsvFileChangedAfterItWasWrittenIsHashedFromWhatItHoldsNow() throws Exception {
        Path rewritten = dir.resolve("rewritten.csv");
        try (CsvOutput out = CsvOutput.create(rewritten, List.of("a"), false, true)) {
            out.row(List.of("x"));
        }
        Files.writeString(rewritten, "something else\r\n");
        Path appended = dir.resolve("rejects.csv");
        try (CsvOutput out = CsvOutput.create(appended, List.of("a"), false, true)) {
            out.row(List.of("first"));
        }
        try (CsvOutput out = CsvOutput.append(appended, List.of("a"), true)) { // a restart goes on writing it
            out.row(List.of("second"));
        }

        assertThat(OutputDigests.sha256(rewritten))
                .isEqualTo(DigestUtils.sha256Hex("something else\r\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(OutputDigests.sha256(appended))
                .isEqualTo(DigestUtils.sha256Hex("a\r\nfirst\r\nsecond\r\n".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aFileThatCannotBeReadIsNamedInTheError() {
        try (OutputDigests digests = OutputDigests.start(dir, Set.of())) {
            Path missing = dir.resolve("never-there.csv");
            assertThatThrownBy(() -> digests.of(missing)).isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("cannot read").hasMessageContaining("never-there.csv");
        }
    }
}
