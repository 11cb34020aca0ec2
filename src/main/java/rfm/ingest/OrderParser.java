package rfm.ingest;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Locale;

/** Reads a record of orders.csv into an {@link OrderRow}, or says why it is a bad row. */
public final class OrderParser {

    private final IngestSettings settings;
    private final int columns;
    private final int orderId;
    private final int customerId;
    private final int orderDate;
    private final int amount;
    private final int currency;
    private final int status;

    public OrderParser(Header header, IngestSettings settings) {
        this.settings = settings;
        this.columns = header.size();
        this.orderId = header.index("order_id");
        this.customerId = header.index("customer_id");
        this.orderDate = header.index("order_date");
        this.amount = header.index("amount");
        this.currency = header.index("currency");
        this.status = header.index("status");
    }

    public Parsed<OrderRow> parse(SourceRecord r) {
        Parsed<OrderRow> shape = Parsed.badShape(r, columns);
        if (shape != null) {
            return shape;
        }
        String id = r.value(orderId);
        String customer = r.value(customerId);
        Parsed<OrderRow> ids = Parsed.badIds(r, settings.maxIdLength(), "order_id", id, "customer_id", customer);
        if (ids != null) {
            return ids;
        }
        LocalDateTime date = settings.dates().parse(r.value(orderDate));
        if (date == null) {
            return Parsed.bad(r, RejectReason.BAD_DATE, "order_date '" + r.value(orderDate)
                    + "' matches none of the date formats (" + settings.dates().describe() + ")");
        }
        BigDecimal value = settings.amounts().parse(r.value(amount));
        if (value == null) {
            return Parsed.bad(r, RejectReason.BAD_AMOUNT, "amount '" + r.value(amount) + "' is not a number");
        }
        String st = r.value(status).toUpperCase(Locale.ROOT);
        if (st.isEmpty()) {
            st = "PAID";
        }
        boolean counted = settings.countedStatuses().contains(st);
        if (!counted && !settings.uncountedStatuses().contains(st)) {
            return Parsed.bad(r, RejectReason.UNKNOWN_STATUS, "status '" + r.value(status)
                    + "' is neither counted " + settings.countedStatuses() + " nor known uncounted " + settings.uncountedStatuses());
        }
        String cur = r.value(currency).toUpperCase(Locale.ROOT);
        if (!cur.isEmpty() && !cur.equals(settings.currency())) {
            BigDecimal rate = settings.ratesToCurrency().get(cur);
            if (rate == null) {
                return Parsed.bad(r, RejectReason.UNKNOWN_CURRENCY, "currency '" + r.value(currency)
                        + "' is not " + settings.currency() + " and has no conversion rate");
            }
            value = value.multiply(rate);
        }
        if (counted && value.signum() < 0) {
            return Parsed.bad(r, RejectReason.NEGATIVE_AMOUNT, "amount " + r.value(amount) + " is negative on a " + st + " order");
        }
        return new Parsed.Valid<>(r, new OrderRow(id, customer, date.toLocalDate(), value, counted));
    }
}
