package rfm.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Rows as real exports write them: Chinese headers, formatted amounts, overlong or broken ids, cut-off records. */
class RealExportRowsTest {

    static final IngestSettings SETTINGS = new IngestSettings(Set.of("PAID", "COMPLETED"), Set.of("REFUNDED"), "CNY",
            Map.of(), new DateTimeText(List.of("yyyy-MM-dd", "yyyyMMdd", "yyyy年M月d日")),
            new AmountFormat(",", ".", List.of("¥")), 10);
    static final Header ORDERS = new Header(InputFile.ORDERS, List.of("订单号", "客户编号", "下单时间", "金额"),
            Map.of("order_id", List.of("订单号"), "customer_id", List.of("客户编号"), "order_date", List.of("下单时间"),
                    "amount", List.of("金额")));

    private static Parsed<OrderRow> order(String... values) {
        return new OrderParser(ORDERS, SETTINGS).parse(new SourceRecord("订单.csv", 2, values));
    }

    @Test
    void chineseHeadersFormattedAmountsAndCompactDates() {
        Parsed<OrderRow> p = order("O1", "C1", "20261103", "¥1,299.00");
        assertThat(p).isInstanceOf(Parsed.Valid.class);
        OrderRow row = ((Parsed.Valid<OrderRow>) p).row();
        assertThat(row.amount()).isEqualByComparingTo("1299.00");
        assertThat(row.orderDate()).hasToString("2026-11-03");
        assertThat(order("O1", "C1", "2026年11月3日", "5")).isInstanceOf(Parsed.Valid.class);
    }

    @Test
    void anOverlongIdIsABadId() {
        Parsed<OrderRow> p = order("O12345678901", "C1", "20261103", "5");
        assertThat(((Parsed.Bad<OrderRow>) p).reject().reason()).isEqualTo(RejectReason.BAD_ID);
        assertThat(((Parsed.Bad<OrderRow>) p).reject().message()).contains("order_id is longer than 10");
        assertThat(((Parsed.Bad<OrderRow>) p).reject().file()).isEqualTo("订单.csv");
    }

    @Test
    void anIdWithControlCharactersIsABadId() {
        Parsed<OrderRow> p = order("O1", "C\u00001", "20261103", "5");
        assertThat(((Parsed.Bad<OrderRow>) p).reject().reason()).isEqualTo(RejectReason.BAD_ID);
    }

    @Test
    void aTruncatedRecordIsATruncatedRow() {
        Parsed<OrderRow> p = new OrderParser(ORDERS, SETTINGS).parse(SourceRecord.truncated("订单.csv", 9));
        RejectedRow r = ((Parsed.Bad<OrderRow>) p).reject();
        assertThat(r.reason()).isEqualTo(RejectReason.TRUNCATED_ROW);
        assertThat(r.reason().bad()).isTrue();
        assertThat(r.line()).isEqualTo(9);
    }

    @Test
    void controlCharactersInTextBecomeSpaces() {
        Header h = new Header(InputFile.CUSTOMERS, List.of("customer_id", "name"));
        Parsed<CustomerProfile> p = new CustomerProfileParser(h, SETTINGS).parse(new SourceRecord(2, new String[] {"C1", "张\u0007伟\n先生"}));
        assertThat(((Parsed.Valid<CustomerProfile>) p).row().name()).isEqualTo("张 伟 先生");
    }
}
