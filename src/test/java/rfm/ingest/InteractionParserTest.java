package rfm.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
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
}
