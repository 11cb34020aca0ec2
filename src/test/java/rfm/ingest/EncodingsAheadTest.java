package rfm.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Encodings detected while the run starts: the same answers as detecting when asked, and none for a file changed since. */
class EncodingsAheadTest {

    private static final String CHINESE = "id,name\nC1,张三\n";

    @TempDir
    Path dir;

    private Path write(String name, String text, java.nio.charset.Charset charset) throws IOException {
        return Files.write(dir.resolve(name), text.getBytes(charset));
    }

    @Test
    void answersAsDetectionWouldForEveryFileStarted() throws IOException {
        Path utf8 = write("utf8.csv", CHINESE, StandardCharsets.UTF_8);
        Path gbk = write("gbk.csv", CHINESE, Encodings.GB18030);
        Path bom = write("bom.csv", "\uFEFF" + CHINESE, StandardCharsets.UTF_8);

        EncodingsAhead ahead = EncodingsAhead.start(List.of(utf8, gbk, bom));

        for (Path p : List.of(utf8, gbk, bom)) {
            assertThat(ahead.ahead(p)).as("detected ahead: %s", p).isEqualTo(Encodings.detect(p));
            assertThat(ahead.detect(p)).isEqualTo(Encodings.detect(p));
        }
        assertThat(ahead.detect(gbk).charset()).isEqualTo(Encodings.GB18030);
        assertThat(ahead.detect(utf8).charset()).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void aFileChangedSinceItsDetectionStartedIsDetectedAgain() throws IOException {
        Path p = write("orders.csv", CHINESE, StandardCharsets.UTF_8);
        EncodingsAhead ahead = EncodingsAhead.start(List.of(p));
        assertThat(ahead.ahead(p).charset()).isEqualTo(StandardCharsets.UTF_8);

        write("orders.csv", CHINESE + "C2,李四\n", Encodings.GB18030); // replaced by a GBK export

        assertThat(ahead.detect(p).charset()).isEqualTo(Encodings.GB18030);
    }

    @Test
    void filesNotStartedAreDetectedWhenAsked() throws IOException {
        Path started = write("a.csv", CHINESE, StandardCharsets.UTF_8);
        Path other = write("b.csv", CHINESE, Encodings.GB18030);
        EncodingsAhead ahead = EncodingsAhead.start(List.of(started, dir.resolve("missing.csv"), dir));

        assertThat(ahead.ahead(other)).isNull();
        assertThat(ahead.ahead(dir.resolve("missing.csv"))).isNull();
        assertThat(ahead.detect(other).charset()).isEqualTo(Encodings.GB18030);
        assertThat(EncodingsAhead.none().detect(other).charset()).isEqualTo(Encodings.GB18030);
        // the same file by another spelling of its path
        assertThat(ahead.ahead(dir.resolve("x/../a.csv"))).isNotNull();
    }

    @Test
    void aFileGoneSinceReportsItAsDetectionDoes() throws IOException {
        Path p = write("gone.csv", CHINESE, StandardCharsets.UTF_8);
        EncodingsAhead ahead = EncodingsAhead.start(List.of(p));
        ahead.ahead(p);
        Files.delete(p);

        assertThatThrownBy(() -> ahead.detect(p)).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("gone.csv");
    }

    @Test
    void anAnswerFoundAheadIsUsedWithoutReadingTheFileAgain() throws IOException {
        Path p = write("orders.csv", CHINESE, StandardCharsets.UTF_8);
        AtomicInteger reads = new AtomicInteger();
        EncodingsAhead ahead = startCounting(p, reads);

        assertThat(ahead.detect(p).charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(ahead.detect(p).charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(reads).hasValue(1);
    }

    @Test
    void aFileOfTheSameSizeWithANewModificationTimeIsDetectedAgain() throws IOException {
        Path p = write("orders.csv", CHINESE, StandardCharsets.UTF_8);
        AtomicInteger reads = new AtomicInteger();
        EncodingsAhead ahead = startCounting(p, reads);
        java.nio.file.attribute.FileTime before = Files.getLastModifiedTime(p);
        Files.setLastModifiedTime(p, java.nio.file.attribute.FileTime.fromMillis(before.toMillis() + 60_000));

        assertThat(ahead.detect(p).charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(reads).hasValue(2);
    }

    /** Detection ahead of one file, counting the files read, waited for. */
    private static EncodingsAhead startCounting(Path p, AtomicInteger reads) {
        EncodingsAhead ahead = EncodingsAhead.start(List.of(p), f -> {
            reads.incrementAndGet();
            return Encodings.detect(f);
        });
        ahead.ahead(p);
        return ahead;
    }
}
