package rfm.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OrderParserTest {

    static final DateTimeText DATES = new DateTimeText(List.of("yyyy-MM-dd", "yyyy-MM-dd HH:mm:ss", "yyyy/MM/dd"));
    static final Header HEADER = new Header(InputFile.ORDERS,
            List.of("order_id", "customer_id", "order_date", "amount", "currency", "status"));

    static IngestSettings settings(Map<String, BigDecimal> rates) {
        return new IngestSettings(Set.of("PAID", "COMPLETED"), Set.of("REFUNDED", "CANCELLED", "PENDING"), "CNY",
                rates, DATES);
    }

    final OrderParser parser = new OrderParser(HEADER, settings(Map.of()));
    final OrderParser withRates = new OrderParser(HEADER, settings(Map.of("usd", new BigDecimal("7.10"))));

    @Test
    void theUnknownStatusMessageListsTheStatusesInTheJobFilesOrder() {
        // a set's own order may change from one JVM to the next; reject files must not
        List<String> counted = List.of("PAID", "COMPLETED", "SHIPPED", "DELIVERED", "SETTLED", "CLOSED");
        List<String> uncounted = List.of("REFUNDED", "CANCELLED", "PENDING", "VOID", "RETURNED");
        OrderParser p = new OrderParser(HEADER, new IngestSettings(new java.util.LinkedHashSet<>(counted),
                new java.util.LinkedHashSet<>(uncounted), "CNY", Map.of(), DATES));
        assertThat(bad(p, "O1", "C1", "2026-11-20", "10", "CNY", "LOST").message())
                .contains(counted.toString()).contains(uncounted.toString());
    }

    /**
     * The fast path reads only rows the full path reads the same way: on random rows built from usual and
     * awkward pieces, under several settings, every row the fast path takes equals the full path's row, and it
     * takes the usual ones.
     */
    @Test
    void theFastPathAgreesWithTheFullPathOnEveryRowItTakes() {
        String[] ids = {"SO1", "C0819302", " SO1", "SO1 ", "S O1", "订单1", "", "x".repeat(64), "x".repeat(65), "A\u0001", "A\u007f", "É1"};
        String[] dates = {"2020-05-13", "2020-05-19 15:12:33", "2026-02-30", "2026-02-29", "2024-02-29", "2020-13-01",
                "2020-05-13 24:00:00", "2020-05-13 23:60:00", "2020-05-13 23:59:60", " 2020-05-13", "2020/05/13",
                "13.05.2020", "2020-5-13", "", "2020-05-13T10:00:00", "0000-01-01", "9999-12-31"};
        String[] amounts = {"272.53", "40.77", "0", "-0", "-0.00", "-5", "+7", ".5", "5.", ".", "1e3", "1,299.00", " 3",
                "3 ", "123456789012345678", "1234567890123456789", "0.000000000000000001", "-12.50", "00012.5", "¥12", ""};
        String[] currencies = {"CNY", "cny", "Cny", "", " CNY", "USD", "usd", "EUR", "ＣＮＹ"};
        String[] statuses = {"PAID", "paid", "Completed", "REFUNDED", "pending", "", " PAID", "LOST", "ＰＡＩＤ", "PAİD"};
        List<IngestSettings> settings = List.of(settings(Map.of()), settings(Map.of("usd", new BigDecimal("7.10"))),
                new IngestSettings(Set.of("COMPLETED"), Set.of("PAID"), "cny", Map.of(), DATES),
                new IngestSettings(Set.of("COMPLETED"), Set.of("REFUNDED"), "CNY", Map.of(), DATES,
                        new AmountFormat(",", ".", List.of("¥", "-")), 10),
                new IngestSettings(Set.of("PAID"), Set.of(), "CNY", Map.of(),
                        new DateTimeText(List.of("dd.MM.yyyy", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd")),
                        new AmountFormat(".", ",", List.of()), 64));
        Random random = new Random(11);
        int fast = 0;
        int fromLines = 0;
        for (IngestSettings s : settings) {
            OrderParser p = new OrderParser(HEADER, s);
            for (int n = 0; n < 20_000; n++) {
                String[] fields = {pick(random, ids), pick(random, ids), pick(random, dates), pick(random, amounts),
                        pick(random, currencies), pick(random, statuses)};
                if (random.nextInt(50) == 0) {
                    fields = Arrays.copyOf(fields, random.nextInt(8));
                }
                SourceRecord r = record(fields);
                OrderRow row = p.fast(r);
                PlainLines line = PlainLinesTest.split(fields);
                if (line != null) { // the byte path reads a line of ASCII as the fast path reads its record
                    OrderRow fromBytes = p.fast(line);
                    assertThat(fromBytes).as("line %s", List.of(fields)).isEqualTo(line.ascii() ? row : null);
                    fromLines += fromBytes != null ? 1 : 0;
                }
                if (row != null) {
                    fast++;
                    assertThat(p.parseInFull(r)).as("row %s", List.of(fields)).isInstanceOf(Parsed.Valid.class)
                            .extracting(v -> ((Parsed.Valid<?>) v).row()).isEqualTo(row);
                    assertThat(row.amount()).isEqualTo(((Parsed.Valid<OrderRow>) p.parseInFull(r)).row().amount());
                }
            }
        }
        assertThat(fast).as("rows the fast path took").isGreaterThan(2_000);
        assertThat(fromLines).as("lines the byte path took").isGreaterThan(2_000);
        OrderParser usual = new OrderParser(HEADER, settings(Map.of()));
        assertThat(usual.fast(record("SO10000001", "C0250062", "2020-05-19 15:12:33", "40.77", "CNY", "PAID")))
                .isEqualTo(new OrderRow("SO10000001", "C0250062", LocalDate.of(2020, 5, 19), new BigDecimal("40.77"), true));
        assertThat(usual.fast(record("SO1", "C1", "2020-05-13", "-3.00", "", "refunded")))
                .isEqualTo(new OrderRow("SO1", "C1", LocalDate.of(2020, 5, 13), new BigDecimal("-3.00"), false));
    }

    /** One of the first two (usual) values two times in three, else any (the parsers' fast-path tests). */
    static String pick(Random random, String[] values) {
        return values[random.nextInt(3) > 0 ? random.nextInt(2) : random.nextInt(values.length)];
    }

    static SourceRecord record(String... fields) {
        return new SourceRecord(7, fields);
    }

    static OrderRow valid(OrderParser parser, String... fields) {
        Parsed<OrderRow> p = parser.parse(record(fields));
        assertThat(p).as("parsed %s", List.of(fields)).isInstanceOf(Parsed.Valid.class);
        return ((Parsed.Valid<OrderRow>) p).row();
    }

    static RejectedRow bad(OrderParser parser, String... fields) {
        Parsed<OrderRow> p = parser.parse(record(fields));
        assertThat(p).as("parsed %s", List.of(fields)).isInstanceOf(Parsed.Bad.class);
        return ((Parsed.Bad<OrderRow>) p).reject();
    }

    private OrderRow valid(String... fields) {
        return valid(parser, fields);
    }

    private RejectReason reason(String... fields) {
        return bad(parser, fields).reason();
    }

    @Test
    void aPaidOrder() {
        OrderRow row = valid("O1", "C1", "2026-11-20 13:45:00", "88.125", "CNY", "PAID");
        assertThat(row).isEqualTo(new OrderRow("O1", "C1", LocalDate.of(2026, 11, 20), new BigDecimal("88.125"), true));
    }

    @Test
    void fieldsAreTrimmed() {
        OrderRow row = valid(" O1 ", " C1", " 2026-11-20 ", " 10.50 ", " cny ", " paid ");
        assertThat(row).isEqualTo(new OrderRow("O1", "C1", LocalDate.of(2026, 11, 20), new BigDecimal("10.50"), true));
    }

    @Test
    void wrongColumnCountIsABadRow() {
        assertThat(reason("O1", "C1", "2026-11-20", "10", "CNY")).isEqualTo(RejectReason.COLUMN_COUNT);
        assertThat(reason("O1", "C1", "2026-11-20", "10", "CNY", "PAID", "extra")).isEqualTo(RejectReason.COLUMN_COUNT);
    }

    @Test
    void aRejectKeepsTheLineAndTheRawText() {
        RejectedRow reject = bad(parser, "O1", "C1", "2026-02-30", "10", "CNY", "PAID");
        assertThat(reject.line()).isEqualTo(7L);
        assertThat(reject.raw()).isEqualTo("O1,C1,2026-02-30,10,CNY,PAID");
        assertThat(reject.message()).contains("2026-02-30");
    }

    @Test
    void missingOrderIdOrCustomerIdIsABadRow() {
        assertThat(reason("", "C1", "2026-11-20", "10", "CNY", "PAID")).isEqualTo(RejectReason.MISSING_ID);
        assertThat(reason("O1", "", "2026-11-20", "10", "CNY", "PAID")).isEqualTo(RejectReason.MISSING_ID);
        assertThat(reason("O1", "   ", "2026-11-20", "10", "CNY", "PAID")).isEqualTo(RejectReason.MISSING_ID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "yesterday", "2026-02-30", "2026-13-01", "20/11/2026", "2026-11-20 25:00:00"})
    void anUnreadableDateIsABadRow(String date) {
        assertThat(reason("O1", "C1", date, "10", "CNY", "PAID")).isEqualTo(RejectReason.BAD_DATE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "1,299.00", "¥100", "10元"})
    void anUnreadableAmountIsABadRow(String amount) {
        assertThat(reason("O1", "C1", "2026-11-20", amount, "CNY", "PAID")).isEqualTo(RejectReason.BAD_AMOUNT);
    }

    @Test
    void anUnreadableAmountIsABadRowWhateverTheStatus() {
        assertThat(reason("O1", "C1", "2026-11-20", "abc", "CNY", "REFUNDED")).isEqualTo(RejectReason.BAD_AMOUNT);
    }

    @Test
    void aNegativeAmountIsABadRowOnACountedOrder() {
        assertThat(reason("O1", "C1", "2026-11-20", "-5", "CNY", "PAID")).isEqualTo(RejectReason.NEGATIVE_AMOUNT);
        assertThat(reason("O1", "C1", "2026-11-20", "-0.01", "CNY", "completed")).isEqualTo(RejectReason.NEGATIVE_AMOUNT);
        assertThat(reason("O1", "C1", "2026-11-20", "-5", "CNY", "")).isEqualTo(RejectReason.NEGATIVE_AMOUNT);
    }

    @Test
    void aNegativeAmountIsFineOnAnUncountedOrder() {
        OrderRow refund = valid("O1", "C1", "2026-11-20", "-5", "CNY", "REFUNDED");
        assertThat(refund.counted()).isFalse();
        assertThat(refund.amount()).isEqualByComparingTo("-5");
    }

    @Test
    void aZeroAmountCounts() {
        assertThat(valid("O1", "C1", "2026-11-20", "0", "CNY", "PAID").counted()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"SHIPPED", "paid?", "已付款", "PAID COMPLETED"})
    void anUnknownStatusIsABadRow(String status) {
        assertThat(reason("O1", "C1", "2026-11-20", "10", "CNY", status)).isEqualTo(RejectReason.UNKNOWN_STATUS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"PAID", "paid", " Paid ", "COMPLETED", "Completed", ""})
    void countedStatusesAreTrimmedCaseInsensitiveAndEmptyMeansPaid(String status) {
        assertThat(valid("O1", "C1", "2026-11-20", "10", "CNY", status).counted()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"REFUNDED", "refunded", " Cancelled", "PENDING"})
    void knownUncountedStatusesAreValidRowsThatDoNotCount(String status) {
        assertThat(valid("O1", "C1", "2026-11-20", "10", "CNY", status).counted()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"CNY", "cny", "Cny", ""})
    void theJobCurrencyInAnyCaseOrEmpty(String currency) {
        assertThat(valid("O1", "C1", "2026-11-20", "10.00", currency, "PAID").amount()).isEqualByComparingTo("10.00");
    }

    @Test
    void anotherCurrencyWithoutARateTableIsABadRow() {
        assertThat(reason("O1", "C1", "2026-11-20", "10", "USD", "PAID")).isEqualTo(RejectReason.UNKNOWN_CURRENCY);
    }

    @Test
    void aCurrencyWithARateIsConvertedExactly() {
        assertThat(valid(withRates, "O1", "C1", "2026-11-20", "10.005", "usd", "PAID").amount())
                .isEqualByComparingTo("71.0355");
        assertThat(valid(withRates, "O1", "C1", "2026-11-20", "10", "CNY", "PAID").amount())
                .isEqualByComparingTo("10");
    }

    @Test
    void aCurrencyMissingFromTheRateTableIsABadRow() {
        assertThat(bad(withRates, "O1", "C1", "2026-11-20", "10", "EUR", "PAID").reason())
                .isEqualTo(RejectReason.UNKNOWN_CURRENCY);
    }

    @Test
    void aConvertedNegativeAmountIsStillNegative() {
        assertThat(bad(withRates, "O1", "C1", "2026-11-20", "-1", "USD", "PAID").reason())
                .isEqualTo(RejectReason.NEGATIVE_AMOUNT);
    }

    @Test
    void withoutCurrencyAndStatusColumnsAnOrderIsPaidInTheJobCurrency() {
        OrderParser minimal = new OrderParser(new Header(InputFile.ORDERS,
                List.of("order_id", "customer_id", "order_date", "amount")), settings(Map.of()));
        OrderRow row = valid(minimal, "O1", "C1", "2026/11/20", "10");
        assertThat(row).isEqualTo(new OrderRow("O1", "C1", LocalDate.of(2026, 11, 20), new BigDecimal("10"), true));
    }

    @Test
    void headerNamesAreCaseInsensitiveAndColumnsMayComeInAnyOrder() {
        OrderParser shuffled = new OrderParser(new Header(InputFile.ORDERS,
                List.of("Status", " AMOUNT ", "customer_id", "order_id", "order_date")), settings(Map.of()));
        OrderRow row = valid(shuffled, "refunded", "3", "C9", "O9", "2026-11-01");
        assertThat(row).isEqualTo(new OrderRow("O9", "C9", LocalDate.of(2026, 11, 1), new BigDecimal("3"), false));
    }
}
