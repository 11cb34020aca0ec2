package rfm.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lines read again from their file by where they start: in any order, longer than a window, the last without a line end. */
class LineSourceTest {

    @TempDir
    Path dir;

    @Test
    void eachLineIsReadAgainAsItWasWritten() throws IOException {
        Random random = new Random(13);
        String bom = "\uFEFF";
        StringBuilder text = new StringBuilder(bom);
        List<String> lines = new ArrayList<>();
        List<Long> offsets = new ArrayList<>();
        int bomBytes = bom.getBytes(StandardCharsets.UTF_8).length;
        long bytes = 0; // after the BOM
        for (int i = 0; i < 3_000; i++) {
            offsets.add(bytes);
            String line = "SO" + i + ";C" + random.nextInt(100) + ";" + (i % 700 == 0 ? "长".repeat(50_000) : "张伟") + ";;"
                    + "x".repeat(random.nextInt(30));
            String end = i == 2_999 ? "" : i % 2 == 0 ? "\n" : "\r\n";
            lines.add(line);
            text.append(line).append(end);
            bytes += (line + end).getBytes(StandardCharsets.UTF_8).length;
        }
        Path file = dir.resolve("orders.csv");
        Files.writeString(file, text);
        LineSource source = new LineSource(file, "orders.csv", ';', bomBytes, key(file));
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            order.add(random.nextInt(4) == 0 ? random.nextInt(lines.size()) : i); // mostly in file order
        }
        order.add(lines.size() - 1);
        for (int i : order) {
            SourceRecord r = source.record(i + 2, offsets.get(i));
            assertThat(r.file()).isEqualTo("orders.csv");
            assertThat(r.line()).isEqualTo(i + 2);
            assertThat(r.values()).as("line %d", i).containsExactly(lines.get(i).split(";", -1));
        }
    }

    private static Object key(Path file) throws IOException {
        return Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
    }

    /** A file replaced by another, or cut short, while the run read it fails the run rather than give a reject another line. */
    @Test
    void aFileReplacedOrCutShortIsNotReadAgainAsIfItWereTheSame() throws IOException {
        Path file = dir.resolve("orders.csv");
        Files.writeString(file, "O1,C1\nO2,C2\n");
        Object opened = key(file);
        assertThat(new LineSource(file, "orders.csv", ',', 0, opened).record(3, 6).values()).containsExactly("O2", "C2");

        Path export = dir.resolve("orders.csv.part");
        Files.writeString(export, "O7,C7\nO8,C8\n");
        Files.move(export, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        LineSource replaced = new LineSource(file, "orders.csv", ',', 0, opened);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> replaced.record(2, 0))
                .isInstanceOf(BadInputException.class).hasMessageContaining("orders.csv was replaced or cut short");

        Path short_ = dir.resolve("short.csv");
        Files.writeString(short_, "O1,C1\nO2,C2\n");
        LineSource cut = new LineSource(short_, "short.csv", ',', 0, key(short_));
        Files.writeString(short_, "O1,C1\n"); // the same file, truncated
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> cut.record(3, 6))
                .isInstanceOf(BadInputException.class).hasMessageContaining("short.csv was replaced or cut short");
    }
}
