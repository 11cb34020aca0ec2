package rfm.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading ahead changes nothing a step can see: the same records, errors in their place, the same digest. */
class PrefetchedInputTest {

    @TempDir
    Path dir;

    private Path file(String content) throws IOException {
        Path p = dir.resolve("orders.csv");
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    private static String rows(int n) {
        StringBuilder b = new StringBuilder("order_id,customer_id\n");
        for (int i = 1; i <= n; i++) {
            b.append('O').append(i).append(",C").append(i % 97).append(i % 500 == 0 ? "\n\n" : "\n");
        }
        return b.toString();
    }

    @Test
    void givesTheSameRecordsAndDigestAsReadingDirectly() throws IOException {
        Path p = file(rows(5_000) + "O-last,\"multi\nline\"\n");
        List<SourceRecord> direct = new ArrayList<>();
        String directDigest;
        try (CsvInput in = CsvInput.open(p, InputFile.ORDERS)) {
            for (SourceRecord r = in.next(); r != null; r = in.next()) {
                direct.add(r);
            }
            directDigest = in.sha256Hex();
        }
        List<SourceRecord> ahead = new ArrayList<>();
        try (PrefetchedInput<SourceRecord> in = PrefetchedInput.records(CsvInput.open(p, InputFile.ORDERS))) {
            assertThat(in.header().names()).containsExactly("order_id", "customer_id");
            for (SourceRecord r = in.next(); r != null; r = in.next()) {
                ahead.add(r);
            }
            assertThat(in.next()).isNull();
            assertThat(in.sha256Hex()).isEqualTo(directDigest);
        }
        assertThat(ahead).hasSize(5_001);
        assertThat(ahead).extracting(SourceRecord::line).isEqualTo(direct.stream().map(SourceRecord::line).toList());
        for (int i = 0; i < direct.size(); i++) {
            assertThat(ahead.get(i).values()).isEqualTo(direct.get(i).values());
        }
    }

    @Test
    void aBrokenQuoteFailsAfterEveryRecordBeforeIt() throws IOException {
        Path p = file(rows(2_000) + "O-bad,\"never closed\nO-x,C1\nO-y,C2\n");
        try (PrefetchedInput<SourceRecord> in = PrefetchedInput.records(CsvInput.open(p, InputFile.ORDERS))) {
            for (int i = 1; i <= 2_000; i++) {
                assertThat(in.next().values()[0]).isEqualTo("O" + i);
            }
            assertThatThrownBy(in::next).isInstanceOf(BadInputException.class).hasMessageContaining("line 2006:");
        }
    }

    @Test
    void parsesOnItsOwnThreadAndAParserFailureComesOutInItsPlace() throws IOException {
        Path p = file(rows(3_000)); // a blank line after every 500th row: O1200 is on line 1,203
        List<String> threads = new ArrayList<>();
        try (PrefetchedInput<String> in = new PrefetchedInput<>(CsvInput.open(p, InputFile.ORDERS), r -> {
            if (r.values()[0].equals("O1200")) {
                throw new IllegalStateException("cannot parse line " + r.line());
            }
            threads.add(Thread.currentThread().getName());
            return r.values()[0] + "@" + r.line();
        })) {
            for (int i = 1; i < 1_200; i++) {
                assertThat(in.next()).isEqualTo("O" + i + "@" + (i + 1 + (i - 1) / 500));
            }
            assertThatThrownBy(in::next).isInstanceOf(IllegalStateException.class).hasMessage("cannot parse line 1203");
        }
        assertThat(threads).hasSize(1_199).containsOnly("read-orders.csv");
    }

    @Test
    void closingBeforeTheEndStopsTheReadAhead() throws IOException {
        Path p = file(rows(100_000));
        PrefetchedInput<SourceRecord> in = PrefetchedInput.records(CsvInput.open(p, InputFile.ORDERS));
        assertThat(in.next().values()[0]).isEqualTo("O1");
        in.close(); // must not hang with the reader thread blocked on a full queue
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("read-orders.csv") && t.isAlive());
    }
    @Test
    void wideRecordsComeInSmallerBlocksAndStillAllInOrder() throws IOException {
        // narrow order rows keep blocks of 512; rows of 10,000 characters come 52 to a block, so that the blocks read
        // ahead stay near 512 K characters each; no block is smaller than 16
        assertThat(PrefetchedInput.blockSize(512 * 40, 512)).isEqualTo(512);
        assertThat(PrefetchedInput.blockSize(512 * 10_000L, 512)).isEqualTo(52);
        assertThat(PrefetchedInput.blockSize(3 * 10_000_000L, 3)).isEqualTo(16);
        assertThat(PrefetchedInput.blockSize(0, 1)).isEqualTo(512);

        String note = "备注".repeat(5_000);
        StringBuilder b = new StringBuilder("order_id,customer_id,note\n");
        for (int i = 1; i <= 1_500; i++) {
            b.append('O').append(i).append(",C").append(i).append(',').append(note).append('\n');
        }
        Path p = file(b.toString());
        List<String> ids = new ArrayList<>();
        try (PrefetchedInput<SourceRecord> in = PrefetchedInput.records(CsvInput.open(p, InputFile.ORDERS))) {
            for (SourceRecord r = in.next(); r != null; r = in.next()) {
                assertThat(r.raw(2)).isEqualTo(note);
                ids.add(r.raw(0));
            }
        }
        assertThat(ids).hasSize(1_500).startsWith("O1", "O2").endsWith("O1499", "O1500");
        assertThat(ids).doesNotHaveDuplicates();
    }
}
