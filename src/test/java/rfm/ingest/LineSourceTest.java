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
        for (int i = 0; i < 3_000; i++) {
            offsets.add((long) text.toString().getBytes(StandardCharsets.UTF_8).length - bomBytes);
            String line = "SO" + i + ";C" + random.nextInt(100) + ";" + (i % 700 == 0 ? "长".repeat(50_000) : "张伟") + ";;"
                    + "x".repeat(random.nextInt(30));
            lines.add(line);
            text.append(line);
            if (i < 2_999) {
                text.append(i % 2 == 0 ? "\n" : "\r\n");
            }
        }
        Path file = dir.resolve("orders.csv");
        Files.writeString(file, text);
        LineSource source = new LineSource(file, "orders.csv", ';', bomBytes);
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
}
