package rfm.ingest;

import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

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

    /* The fast path's view of the settings: statuses as upper-case ASCII text, and whether it may read amounts. */
    /** The known statuses written in ASCII, upper-case: the counted ones first, then the uncounted. */
    private final String[] knownStatuses;
    private final int countedStatuses;
    private final boolean plainAmounts;
    private final boolean paidIsCounted;
    private final boolean paidIsKnown;
    private final boolean asciiCurrency;
    /* The amount the fast path read last (one thread per parser). */
    private long units;
    private int scale;
    private boolean negative;

    public OrderParser(Header header, IngestSettings settings) {
        this.settings = settings;
        this.columns = header.size();
        this.orderId = header.index("order_id");
        this.customerId = header.index("customer_id");
        this.orderDate = header.index("order_date");
        this.amount = header.index("amount");
        this.currency = header.index("currency");
        this.status = header.index("status");
        String[] counted = asciiOnly(settings.countedStatuses());
        this.knownStatuses = Stream.concat(Stream.of(counted), Stream.of(asciiOnly(settings.uncountedStatuses())))
                .toArray(String[]::new);
        this.countedStatuses = counted.length;
        this.plainAmounts = settings.amounts().readsPlainDecimalsAsIs();
        this.paidIsCounted = settings.countedStatuses().contains("PAID");
        this.paidIsKnown = paidIsCounted || settings.uncountedStatuses().contains("PAID");
        this.asciiCurrency = isAscii(settings.currency());
    }

    private static String[] asciiOnly(Set<String> statuses) {
        return statuses.stream().filter(OrderParser::isAscii).toArray(String[]::new);
    }

    public Parsed<OrderRow> parse(SourceRecord r) {
        OrderRow fast = fast(r);
        return fast != null ? new Parsed.Valid<>(r, fast) : parseInFull(r);
    }

    /**
     * The usual row, read without the general path's objects (no stripped copies, no date-time, no BigDecimal):
     * every field already trimmed, ids of printable ASCII, a date in one of the usual ISO patterns, a plain
     * decimal amount of at most 18 digits, the job's currency or none, a known status written in ASCII, and no
     * negative counted amount. Null for any other row, which {@link #parseInFull} then reads (or rejects), so
     * the two paths agree on every row (a test holds them to it).
     */
    OrderRow fast(SourceRecord r) {
        if (r.size() != columns) {
            return null;
        }
        String id = r.raw(orderId);
        String customer = r.raw(customerId);
        int max = settings.maxIdLength();
        if (!SourceRecord.isPlainId(id, max) || !SourceRecord.isPlainId(customer, max)) {
            return null;
        }
        int day = settings.dates().epochDay(r.raw(orderDate));
        if (day == DateTimeText.ASK_PARSE || !plainAmounts || !plainDecimal(r.raw(amount))) {
            return null;
        }
        String cur = r.raw(currency);
        if (!cur.isEmpty() && !(asciiCurrency && isAscii(cur) && cur.equalsIgnoreCase(settings.currency()))) {
            return null;
        }
        String st = r.raw(status);
        int counted = counted(st.isEmpty() ? NO_STATUS : isAscii(st) ? place(st) : -1);
        if (counted < 0 || counted == 1 && negative && units != 0) {
            return null;
        }
        return new OrderRow(id, customer, day, negative ? -units : units, scale, null, counted == 1);
    }

    /** The row a plain line makes straight from its bytes (see {@link #fast(PlainLines)}), or null. */
    Parsed<OrderRow> parse(PlainLines line, LineSource source, long number) {
        return Parsed.fromLine(fast(line), source, number, line);
    }

    /**
     * As {@link #fast(SourceRecord)} for a plain line of ASCII, read from its bytes: the row the line's record
     * makes, or null for the same rows and for a line with bytes outside ASCII (a test holds the two to it).
     * No string is made but of an id that does not pack: the customer id is kept in {@link PackedId}'s words, the
     * order id in {@link PackedOrderId}'s long.
     */
    OrderRow fast(PlainLines line) {
        if (line.fields() != columns || !line.ascii()) {
            return null;
        }
        int max = settings.maxIdLength();
        if (!line.isPlainId(orderId, max) || !line.isPlainId(customerId, max)) {
            return null;
        }
        byte[] b = line.bytes();
        int day = settings.dates().epochDay(b, line.from(orderDate), line.to(orderDate));
        if (day == DateTimeText.ASK_PARSE || !plainAmounts || !plainDecimal(b, line.from(amount), line.to(amount))) {
            return null;
        }
        if (!line.isEmpty(currency) && !(asciiCurrency && line.equalsIgnoreCase(currency, settings.currency()))) {
            return null;
        }
        int counted = counted(line.isEmpty(status) ? NO_STATUS : place(line));
        if (counted < 0 || counted == 1 && negative && units != 0) {
            return null;
        }
        try {
            boolean packs = line.to(customerId) - line.from(customerId) <= PackedId.MAX_LENGTH;
            long order = PackedOrderId.pack(line.bytes(), line.from(orderId), line.to(orderId));
            return new OrderRow(order != 0 ? null : line.string(orderId), packs ? null : line.string(customerId), day,
                    negative ? -units : units, scale, null, counted == 1,
                    packs ? line.idWord(customerId, 0) : 0, packs ? line.idWord(customerId, 8) : 0, order);
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("ASCII bytes that are not UTF-8", e); // an ASCII line is UTF-8
        }
    }

    /** The status field's place among {@link #knownStatuses}, or -1. */
    private int place(PlainLines line) {
        for (int i = 0; i < knownStatuses.length; i++) {
            if (line.equalsIgnoreCase(status, knownStatuses[i])) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** The status's place among {@link #knownStatuses}, or -1. */
    private int place(String status) {
        for (int i = 0; i < knownStatuses.length; i++) {
            if (knownStatuses[i].equalsIgnoreCase(status)) { // ASCII on both sides: the same as comparing toUpperCase(ROOT)
                return i;
            }
        }
        return -1;
    }

    /** {@link #counted}'s argument for an empty status. */
    private static final int NO_STATUS = -2;

    /**
     * Whether a status the fast paths read counts: 1 when it does, 0 when it is known not to, -1 when the full path
     * must decide; from its {@link #place}, or {@link #NO_STATUS} (empty means PAID).
     */
    private int counted(int place) {
        if (place == NO_STATUS) {
            return paidIsKnown ? (paidIsCounted ? 1 : 0) : -1;
        }
        return place < 0 ? -1 : place < countedStatuses ? 1 : 0;
    }

    /** As {@link #plainDecimal(byte[], int, int)} for text: characters outside ASCII are no digits. */
    private boolean plainDecimal(String t) {
        return plainDecimal(t.getBytes(StandardCharsets.ISO_8859_1), 0, t.length()); // '?' for them
    }

    /**
     * Reads {@code [+-]?(\d+(\.\d*)?|\.\d+)} of at most 18 digits in {@code t[from, to)} into units, scale and
     * negative, as {@code new BigDecimal(text)} has them; false for any other text.
     */
    private boolean plainDecimal(byte[] t, int from, int to) {
        int i = from;
        negative = false;
        if (to > from && (t[from] == '+' || t[from] == '-')) {
            negative = t[from] == '-';
            i++;
        }
        long u = 0;
        int digits = 0;
        int point = -1;
        for (; i < to; i++) {
            byte c = t[i];
            if (c >= '0' && c <= '9') {
                if (++digits > OrderRow.MAX_DIGITS) {
                    return false;
                }
                u = u * 10 + (c - '0');
            } else if (c == '.' && point < 0) {
                point = i;
            } else {
                return false;
            }
        }
        if (digits == 0) {
            return false;
        }
        units = u;
        scale = point < 0 ? 0 : to - 1 - point;
        return true;
    }

    Parsed<OrderRow> parseInFull(SourceRecord r) {
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
