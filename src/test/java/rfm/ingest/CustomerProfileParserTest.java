package rfm.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CustomerProfileParserTest {

    static final IngestSettings SETTINGS = new IngestSettings(Set.of("PAID", "COMPLETED"),
            Set.of("REFUNDED", "CANCELLED", "PENDING"), "CNY", Map.of(),
            new DateTimeText(List.of("yyyy-MM-dd", "yyyy-MM-dd HH:mm:ss", "yyyy/MM/dd")));
    static final Header HEADER = new Header(InputFile.CUSTOMERS, List.of("customer_id", "name", "phone", "email",
            "company", "industry", "region", "owner", "preferred_channel", "opt_out", "created_at"));

    final CustomerProfileParser parser = new CustomerProfileParser(HEADER, SETTINGS);

    /** A complete customers.csv row with the given opt_out and created_at. */
    static String[] row(String optOut, String createdAt) {
        return new String[]{"C1", "张伟", "13800000000", "zhang@example.cn", "华东贸易", "零售", "上海", "李娜",
                "wechat", optOut, createdAt};
    }

    private CustomerProfile valid(String... fields) {
        Parsed<CustomerProfile> p = parser.parse(new SourceRecord(2, fields));
        assertThat(p).as("parsed %s", List.of(fields)).isInstanceOf(Parsed.Valid.class);
        return ((Parsed.Valid<CustomerProfile>) p).row();
    }

    private RejectReason reason(String... fields) {
        Parsed<CustomerProfile> p = parser.parse(new SourceRecord(2, fields));
        assertThat(p).as("parsed %s", List.of(fields)).isInstanceOf(Parsed.Bad.class);
        return ((Parsed.Bad<CustomerProfile>) p).reject().reason();
    }

    @Test
    void aCompleteProfile() {
        assertThat(valid(row("false", "2025-03-01 09:30:00"))).isEqualTo(new CustomerProfile("C1", "张伟", "13800000000",
                "zhang@example.cn", "华东贸易", "零售", "上海", "李娜", "WECHAT", false, LocalDate.of(2025, 3, 1)));
    }

    @Test
    void wrongColumnCountIsABadRow() {
        assertThat(reason("C1", "张伟")).isEqualTo(RejectReason.COLUMN_COUNT);
    }

    @Test
    void missingCustomerIdIsABadRow() {
        String[] fields = row("", "");
        fields[0] = " ";
        assertThat(reason(fields)).isEqualTo(RejectReason.MISSING_ID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "TRUE", "True", "1", "yes", "YES", "Yes", "y", "Y", "是", " true "})
    void optedOut(String optOut) {
        assertThat(valid(row(optOut, "")).optOut()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"false", "FALSE", "0", "no", "No", "n", "N", "否", ""})
    void notOptedOut(String optOut) {
        assertThat(valid(row(optOut, "")).optOut()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"maybe", "2", "t", "不是", "unsubscribed"})
    void anUnreadableOptOutIsABadRow(String optOut) {
        assertThat(reason(row(optOut, ""))).isEqualTo(RejectReason.BAD_OPT_OUT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-02-29", "2025-13-01", "last year", "01/03/2025"})
    void anUnreadableCreatedAtIsABadRow(String createdAt) {
        assertThat(reason(row("false", createdAt))).isEqualTo(RejectReason.BAD_DATE);
    }

    @Test
    void anEmptyCreatedAtIsNoDate() {
        assertThat(valid(row("false", "")).createdAt()).isNull();
    }

    @Test
    void onlyCustomerIdIsRequired() {
        CustomerProfileParser minimal = new CustomerProfileParser(new Header(InputFile.CUSTOMERS, List.of("customer_id")),
                SETTINGS);
        Parsed<CustomerProfile> p = minimal.parse(new SourceRecord(2, new String[]{"C7"}));
        assertThat(p).isInstanceOf(Parsed.Valid.class);
        assertThat(((Parsed.Valid<CustomerProfile>) p).row()).isEqualTo(CustomerProfile.unknown("C7"));
    }

    /**
     * The byte path reads a line as the record's parser reads its record: on random rows built from usual and awkward
     * pieces (spaces and ideographic spaces at the ends, control characters, Chinese, opt-out words in any case or in
     * Chinese, dates of other shapes), every profile it makes equals the record's profile, and it reads the usual ones,
     * Chinese names included.
     */
    @Test
    void theBytePathAgreesWithTheRecordsParserOnEveryLineItReads() {
        String[] ids = {"C0000001", "C2", " C3", "客户", "", "C\u00014"};
        String[] names = {"张伟", "Zhang Wei", "", " 张伟", "张伟\u3000", "\u3000张伟", "张\u0085伟", "张\t伟", "Ana ", "\u00a0Ana", "😀"};
        String[] phones = {"13800000000", "", "+86 138 0000 0000", " 138", "138\u2028"};
        String[] emails = {"zhang@example.cn", "", "ZHANG@EXAMPLE.CN ", "é@x.fr"};
        String[] shared = {"华东贸易", "", " 零售 ", "上海", "x\u0001y", "Retail"};
        String[] channels = {"wechat", "PHONE", "", " dm ", "微信"};
        String[] optOuts = {"", "false", "true", "TRUE", "Yes", "y", "N", "0", "1", "是", "否", " yes", "maybe", "İ"};
        String[] dates = {"", "2024-03-05", "2024-03-05 10:00:00", "2024/03/05", "2024-02-30", " 2024-03-05", "x"};
        java.util.Random random = new java.util.Random(23);
        int fromBytes = 0;
        int chinese = 0;
        for (int n = 0; n < 20_000; n++) {
            String[] fields = {OrderParserTest.pick(random, ids), OrderParserTest.pick(random, names),
                    OrderParserTest.pick(random, phones), OrderParserTest.pick(random, emails),
                    OrderParserTest.pick(random, shared), OrderParserTest.pick(random, shared),
                    OrderParserTest.pick(random, shared), OrderParserTest.pick(random, shared),
                    OrderParserTest.pick(random, channels), OrderParserTest.pick(random, optOuts),
                    OrderParserTest.pick(random, dates)};
            if (random.nextInt(50) == 0) {
                fields = java.util.Arrays.copyOf(fields, random.nextInt(13));
            }
            PlainLines line = PlainLinesTest.split(fields);
            if (line == null) {
                continue;
            }
            CustomerProfileParser p = new CustomerProfileParser(HEADER, SETTINGS);
            CustomerProfile fromLine = p.fast(line);
            if (fromLine != null) {
                fromBytes++;
                chinese += line.ascii() ? 0 : 1;
                Parsed<CustomerProfile> record = p.parse(new SourceRecord(2, fields));
                assertThat(record).as("line %s", List.of(fields)).isInstanceOf(Parsed.Valid.class);
                assertThat(fromLine).as("line %s", List.of(fields)).isEqualTo(((Parsed.Valid<CustomerProfile>) record).row());
                assertThat(fromLine.nameUtf8().toString()).isEqualTo(((Parsed.Valid<CustomerProfile>) record).row().name());
            }
        }
        assertThat(fromBytes).as("lines the byte path read").isGreaterThan(2_000);
        assertThat(chinese).as("of them with text outside ASCII").isGreaterThan(1_000);
        // the generated shop's rows: Chinese names and owners, 是 or 否, an ISO date
        CustomerProfileParser p = new CustomerProfileParser(HEADER, SETTINGS);
        assertThat(p.fast(PlainLinesTest.split(row("是", "2023-06-27")))).isEqualTo(valid(row("是", "2023-06-27")))
                .extracting(CustomerProfile::optOut).isEqualTo(true);
        assertThat(p.fast(PlainLinesTest.split(row("否", "")))).isEqualTo(valid(row("否", "")))
                .extracting(CustomerProfile::optOut).isEqualTo(false);
        assertThat(p.fast(PlainLinesTest.split(row("是的", "")))).as("not an opt-out word").isNull();
    }
}
