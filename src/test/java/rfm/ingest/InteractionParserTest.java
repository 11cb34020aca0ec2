package rfm.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static rfm.ingest.OrderParserTest.pick;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InteractionParserTest {

    static final IngestSettings SETTINGS = new IngestSettings(Set.of("PAID", "COMPLETED"),
            Set.of("REFUNDED", "CANCELLED", "PENDING"), "CNY", Map.of(),
            new DateTimeText(List.of("yyyy-MM-dd", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm")));
    static final Header HEADER = new Header(InputFile.INTERACTIONS,
            List.of("interaction_id", "customer_id", "occurred_at", "channel", "direction", "satisfaction", "topic"));

    final InteractionParser parser = new InteractionParser(HEADER, SETTINGS);

    static InteractionRow valid(InteractionParser parser, String... fields) {
        Parsed<InteractionRow> p = parser.parse(new SourceRecord(3, fields));
        assertThat(p).as("parsed %s", List.of(fields)).isInstanceOf(Parsed.Valid.class);
        return ((Parsed.Valid<InteractionRow>) p).row();
    }

    private InteractionRow valid(String... fields) {
        return valid(parser, fields);
    }

    private RejectReason reason(String... fields) {
        Parsed<InteractionRow> p = parser.parse(new SourceRecord(3, fields));
        assertThat(p).as("parsed %s", List.of(fields)).isInstanceOf(Parsed.Bad.class);
        RejectedRow reject = ((Parsed.Bad<InteractionRow>) p).reject();
        assertThat(reject.line()).isEqualTo(3L);
        return reject.reason();
    }

    @Test
    void aSurveyWithSatisfactionAndTopic() {
        InteractionRow row = valid("I1", "C1", "2026-11-20 10:30", "survey", "out", "2", "售后维修");
        assertThat(row).isEqualTo(new InteractionRow("C1", LocalDateTime.of(2026, 11, 20, 10, 30), "SURVEY", true, 2, "售后维修"));
        assertThat(row.survey()).isTrue();
    }

    @Test
    void anInboundCallWithoutSatisfaction() {
        InteractionRow row = valid("I2", "C1", "2026-11-20", "PHONE", " In ", "", "");
        assertThat(row.outbound()).isFalse();
        assertThat(row.satisfaction()).isNull();
        assertThat(row.survey()).isFalse();
        assertThat(row.occurredAt()).isEqualTo(LocalDateTime.of(2026, 11, 20, 0, 0));
    }

    @Test
    void wrongColumnCountIsABadRow() {
        assertThat(reason("I1", "C1", "2026-11-20", "PHONE", "IN", "")).isEqualTo(RejectReason.COLUMN_COUNT);
    }

    @Test
    void missingCustomerIdIsABadRow() {
        assertThat(reason("I1", " ", "2026-11-20", "PHONE", "IN", "", "")).isEqualTo(RejectReason.MISSING_ID);
    }

    @Test
    void missingInteractionIdIsABadRow() {
        assertThat(reason(" ", "C1", "2026-11-20", "PHONE", "IN", "", "")).isEqualTo(RejectReason.MISSING_ID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "soon", "2026-02-30 10:00", "2026-11-20 10:61"})
    void anUnreadableOccurredAtIsABadRow(String at) {
        assertThat(reason("I1", "C1", at, "PHONE", "IN", "", "")).isEqualTo(RejectReason.BAD_DATE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "BOTH", "inbound", "呼入"})
    void aDirectionOtherThanInOrOutIsABadRow(String direction) {
        assertThat(reason("I1", "C1", "2026-11-20", "PHONE", direction, "", "")).isEqualTo(RejectReason.BAD_DIRECTION);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "6", "abc", "3.5", "-1"})
    void satisfactionOutsideOneToFiveIsABadRow(String satisfaction) {
        assertThat(reason("I1", "C1", "2026-11-20", "SURVEY", "OUT", satisfaction, "")).isEqualTo(RejectReason.BAD_SATISFACTION);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5})
    void satisfactionOneToFive(int satisfaction) {
        assertThat(valid("I1", "C1", "2026-11-20", "SURVEY", "OUT", " " + satisfaction + " ", "").satisfaction())
                .isEqualTo(satisfaction);
    }

    @Test
    void satisfactionAndTopicColumnsAreOptional() {
        InteractionParser minimal = new InteractionParser(new Header(InputFile.INTERACTIONS,
                List.of("interaction_id", "customer_id", "occurred_at", "channel", "direction")), SETTINGS);
        InteractionRow row = valid(minimal, "I1", "C1", "2026-11-20 08:00:00", "wechat", "OUT");
        assertThat(row).isEqualTo(new InteractionRow("C1", LocalDateTime.of(2026, 11, 20, 8, 0), "WECHAT", true, null, ""));
    }

    /**
     * The fast path reads only rows the full path reads the same way: on random rows built from usual and awkward
     * pieces, under two sets of date formats, every row it takes equals the full path's row, and it takes the usual ones.
     */
    @Test
    void theFastPathAgreesWithTheFullPathOnEveryRowItTakes() {
        String[] ids = {"IA1", "C0676570", " C1", "C1 ", "C 1", "客户1", "", "x".repeat(64), "x".repeat(65), "A\u0001", "É1"};
        String[] times = {"2026-02-27 15:01:00", "2026-07-15 15:46", "2026-07-15", "2026-02-29 10:00", "2024-02-29 10:00",
                "2026-11-20 24:00", "2026-11-20 23:59:60", " 2026-11-20", "2026/11/20", "20.11.2026", "", "1969-12-31 23:59:59",
                "2026-11-20T10:00:00", "0000-01-01", "9999-12-31 23:59:59"};
        String[] channels = {"WECHAT", "SURVEY", "survey", " PHONE ", "", "微信", "DM\u0001", "Phone"};
        String[] directions = {"OUT", "IN", "in", " OUT", "Out ", "", "SIDEWAYS", "ＩＮ"};
        String[] scores = {"", "4", "1", "5", "0", "6", " 3", "3 ", "03", "3.0", "x", "-1", "１"};
        String[] topics = {"", "产品咨询", " 投诉 ", "售后\n维修", "\u0000", "退款"};
        List<IngestSettings> settings = List.of(SETTINGS, new IngestSettings(Set.of("PAID"), Set.of(), "CNY", Map.of(),
                new DateTimeText(List.of("dd.MM.yyyy", "yyyy-MM-dd HH:mm", "yyyy-MM-dd"))));
        Random random = new Random(17);
        int fast = 0;
        int fromLines = 0;
        int notAscii = 0;
        for (IngestSettings s : settings) {
            InteractionParser p = new InteractionParser(HEADER, s);
            for (int n = 0; n < 20_000; n++) {
                String[] fields = {pick(random, ids), pick(random, ids), pick(random, times), pick(random, channels),
                        pick(random, directions), pick(random, scores), pick(random, topics)};
                if (random.nextInt(50) == 0) {
                    fields = Arrays.copyOf(fields, random.nextInt(9));
                }
                SourceRecord r = new SourceRecord(5, fields);
                InteractionRow row = p.fast(r);
                PlainLines line = PlainLinesTest.split(fields);
                if (line != null) { // every column is known: the byte path reads any plain line as the fast path
                    InteractionRow fromBytes = p.fast(line);
                    assertThat(fromBytes).as("line %s", List.of(fields)).isEqualTo(row);
                    fromLines += fromBytes != null ? 1 : 0;
                    notAscii += fromBytes != null && !line.ascii() ? 1 : 0;
                }
                if (row != null) {
                    fast++;
                    assertThat(p.parseInFull(r)).as("row %s", List.of(fields)).isInstanceOf(Parsed.Valid.class)
                            .extracting(v -> ((Parsed.Valid<?>) v).row()).isEqualTo(row);
                }
            }
        }
        assertThat(fast).as("rows the fast path took").isGreaterThan(2_000);
        assertThat(fromLines).as("lines the byte path took").isGreaterThan(2_000);
        assertThat(notAscii).as("of them with text outside ASCII").isGreaterThan(200);
        assertThat(parser.fast(new SourceRecord(2, new String[] {"IA10000003", "C0796334", "2026-08-12 15:40:00", "SURVEY",
                "IN", "1", ""}))).isEqualTo(new InteractionRow("C0796334", LocalDateTime.of(2026, 8, 12, 15, 40), "SURVEY",
                false, 1, ""));
    }

    /**
     * A column no field is read from is not checked by the byte path, so a line with text outside ASCII is then read
     * from its record (which decodes every field): also when the job file's aliases read two fields from one column
     * and leave another column unread.
     */
    @Test
    void aLineWithAColumnNoFieldReadsIsReadFromItsBytesOnlyWhenItIsAscii() throws java.io.IOException {
        Header shared = new Header(InputFile.INTERACTIONS, List.of("interaction_id", "customer_id", "occurred_at", "channel",
                "direction", "notes"), Map.of("topic", List.of("channel")));
        assertThat(shared.index("topic")).isEqualTo(shared.index("channel"));
        InteractionParser p = new InteractionParser(shared, SETTINGS);
        assertThat(p.fast(PlainLinesTest.split("I1", "C1", "2026-11-20 08:00:00", "PHONE", "OUT", "备注"))).isNull();
        assertThat(p.fast(PlainLinesTest.split("I1", "C1", "2026-11-20 08:00:00", "PHONE", "OUT", "note")))
                .isEqualTo(new InteractionRow("C1", LocalDateTime.of(2026, 11, 20, 8, 0), "PHONE", true, null, "PHONE"));
        InteractionParser all = new InteractionParser(HEADER, SETTINGS);
        assertThat(all.fast(PlainLinesTest.split("I1", "C1", "2026-11-20 08:00:00", "微信", "OUT", "", "投诉")))
                .as("every column read").isEqualTo(new InteractionRow("C1", LocalDateTime.of(2026, 11, 20, 8, 0), "微信",
                        true, null, "投诉"));
    }
}
