package rfm.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import rfm.ingest.CustomerProfile;
import rfm.ingest.InteractionRow;
import rfm.ingest.OrderRow;

class IngestJournalTest {

    /** Every row replayed, in order. */
    private static final class Replayed implements IngestJournal.Rows {
        final List<Object> rows = new ArrayList<>();

        @Override
        public void order(OrderRow o) {
            rows.add(o);
        }

        @Override
        public void interaction(InteractionRow i) {
            rows.add(i);
        }

        @Override
        public void profile(CustomerProfile p) {
            rows.add(p);
        }

        @Override
        public void profileRejected(String customerId) {
            rows.add("rejected " + customerId);
        }
    }

    @TempDir
    Path dir;

    private static void write(IngestJournal journal, List<Object> rows) throws IOException {
        for (Object row : rows) {
            if (row instanceof OrderRow o) {
                journal.order(o);
            } else if (row instanceof InteractionRow i) {
                journal.interaction(i);
            } else if (row instanceof CustomerProfile p) {
                journal.profile(p);
            } else {
                journal.profileRejected(((String) row).substring("rejected ".length()));
            }
        }
    }

    private static OrderRow order(String id, String customer, int day, String amount, boolean counted) {
        return new OrderRow(id, customer, LocalDate.ofEpochDay(day), new BigDecimal(amount), counted);
    }

    /** Rows that reach every branch of the format: shared prefixes, surrogate pairs, big amounts, long texts. */
    private static List<Object> awkwardRows() {
        List<Object> rows = new ArrayList<>();
        rows.add(order("SO10000122", "C0000001", 20_000, "272.53", true));
        rows.add(order("SO10000123", "C0000002", 20_001, "0.5", false));
        rows.add(order("SO1000012", "C0000002", 19_000, "7", true)); // a prefix of the id before
        rows.add(order("SO1000012", "C0000002", 19_000, "7", true)); // the same id (a duplicate, journaled as read)
        rows.add(order("A\uD83D\uDE00x", "客户一", -1, "-12.345", true)); // a character outside the BMP
        rows.add(order("A\uD83D\uDE01y", "客户一", -400_000, "12345678901234567890.123", true)); // same high surrogate
        rows.add(order("B", "C", Integer.MAX_VALUE, "1E+3", true)); // a negative scale: kept as a big amount
        rows.add(order("C", "C", Integer.MIN_VALUE, "0.000000000000000000000000000001", false));
        rows.add(order("长".repeat(200), "C".repeat(300), 12_345, "0", true)); // texts longer than a one-byte length
        rows.add(new InteractionRow("C0000001", 1_764_000_000L, "PHONE", true, 5, "产品咨询"));
        rows.add(new InteractionRow("C0000001", -5L, "PHONE", false, null, ""));
        rows.add(new InteractionRow("C0000002", 0L, "SURVEY", false, 0, "x".repeat(40))); // too long to share
        rows.add(new InteractionRow("C0000003", Long.MAX_VALUE, "EMAIL", true, -3, "x".repeat(40)));
        rows.add(new CustomerProfile("C0000001", "王芳", "13800000000", "a@example.cn", "某某有限公司", "教育", "华北",
                "赵磊", "WECHAT", true, LocalDate.of(2021, 7, 29)));
        rows.add(new CustomerProfile("C0000002", "", "", "", "", "", "", "", "", false, null));
        rows.add(new CustomerProfile("C0000003", "名".repeat(100), "", "", "某某有限公司", "教育", "华北", "赵磊", "PHONE",
                false, LocalDate.of(1960, 1, 1)));
        rows.add("rejected C0000009");
        // customer ids of every shape: digits only, more than 18 digits, no digits, a long head, other digits
        for (String id : List.of("2026001234", "12345678901234567890123", "客户二", "H".repeat(40) + "7", "C\u0663\u0664",
                "C007", "C7", "C0000000", "-0",
                // around the 16 characters that pack into two words: heads of 7 to 9 characters, 16 and 17 in all
                "ABCDEFG1", "ABCDEFGH1", "ABCDEFGHI12", "ABCDEFGH12345678", "ABCDEFGH123456789", "1234567890123456",
                "\u00e9t\u00e91", "A\u00001")) {
            rows.add(order("SO9" + id.length(), id, 1, "1", true));
            rows.add(new InteractionRow(id, 1L, "PHONE", true, null, ""));
            rows.add("rejected " + id);
        }
        // order ids that pack and ids that do not, one after the other, sharing beginnings either way
        for (String orderId : List.of("SO100", "SO100-7", "SO_100", "SO_1001", "SO1001", "订单SO1", "订单SO2", "SO2",
                "SO12345678901", "SO1234567890", "SO12345678902", "a", "b", "ab")) {
            rows.add(order(orderId, "C7", 2, "3", false));
        }
        for (int k = 0; k < 70; k++) { // more shapes than are numbered
            rows.add(new InteractionRow("P" + k + "-" + (k * 37), 2L, "PHONE", false, null, ""));
        }
        rows.add(new InteractionRow("P3-111", 3L, "PHONE", false, null, ""));
        rows.add(new InteractionRow("P69-2553", 3L, "PHONE", false, null, ""));
        return rows;
    }

    @Test
    void everyKindOfRowReadsBackAsItWasWritten() throws IOException {
        List<Object> rows = awkwardRows();
        Random random = new Random(7);
        for (int i = 0; i < 6_000; i++) { // more distinct short values than are numbered
            rows.add(new InteractionRow("C" + random.nextInt(100), random.nextLong(), "CH" + random.nextInt(9),
                    random.nextBoolean(), random.nextBoolean() ? null : random.nextInt(11), "topic " + i % 5_000));
            rows.add(order("SO" + (20_000_000 + i * 3 + random.nextInt(3)), "C" + random.nextInt(100),
                    19_000 + random.nextInt(2_000), random.nextInt(100_000) + "." + random.nextInt(100),
                    random.nextBoolean()));
        }
        Path file = dir.resolve("orders.journal");
        try (IngestJournal journal = IngestJournal.create(file, "fingerprint")) {
            write(journal, rows);
            journal.flush();
        }

        Replayed replayed = new Replayed();
        IngestJournal.resume(file, -1, replayed).close();

        assertThat(IngestJournal.fingerprintOf(file)).isEqualTo("fingerprint");
        assertThat(replayed.rows).containsExactlyElementsOf(rows);
    }

    @Test
    void aResumedJournalGoesOnFromItsLastCommittedRecord() throws IOException {
        List<Object> committed = awkwardRows();
        List<Object> lost = List.of(order("SO10000124", "C0000001", 20_002, "1.00", true),
                new InteractionRow("C0000001", 1L, "NEW-CHANNEL", true, 1, "新话题"));
        List<Object> after = List.of(order("SO10000125", "C0000003", 20_003, "2.00", true),
                new InteractionRow("C0000002", 2L, "PHONE", false, null, "产品咨询"),
                new InteractionRow("C0000002", 3L, "NEW-CHANNEL", false, null, "新话题"));
        Path file = dir.resolve("orders.journal");
        long length;
        try (IngestJournal journal = IngestJournal.create(file, "fingerprint")) {
            write(journal, committed);
            length = journal.flush();
            write(journal, lost); // written, never committed: a crash came first
            journal.flush();
        }

        Replayed first = new Replayed();
        try (IngestJournal resumed = IngestJournal.resume(file, length, first)) {
            write(resumed, after);
            resumed.flush();
        }
        Replayed second = new Replayed();
        IngestJournal.resume(file, -1, second).close();

        assertThat(first.rows).containsExactlyElementsOf(committed);
        List<Object> all = new ArrayList<>(committed);
        all.addAll(after);
        assertThat(second.rows).containsExactlyElementsOf(all);
    }

    @Test
    void aJournalShorterThanItsCommittedLengthIsNotTrusted() throws IOException {
        Path file = dir.resolve("orders.journal");
        long length;
        try (IngestJournal journal = IngestJournal.create(file, "fingerprint")) {
            write(journal, awkwardRows());
            length = journal.flush();
        }
        assertThat(IngestJournal.resume(file, length + 1, new Replayed())).isNull();
    }
}
