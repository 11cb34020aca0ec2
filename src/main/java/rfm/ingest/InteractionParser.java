package rfm.ingest;

import java.nio.charset.CharacterCodingException;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.stream.IntStream;

/** Reads a record of interactions.csv into an {@link InteractionRow}, or says why it is a bad row. */
public final class InteractionParser {

    private final IngestSettings settings;
    private final int columns;
    private final int interactionId;
    private final int customerId;
    private final int occurredAt;
    private final int channel;
    private final int direction;
    private final int satisfaction;
    private final int topic;
    /** Whether the byte path reads every column of a line (then it checks every field's bytes, ASCII or not). */
    private final boolean knownColumnsOnly;

    public InteractionParser(Header header, IngestSettings settings) {
        this.settings = settings;
        this.columns = header.size();
        this.interactionId = header.index("interaction_id");
        this.customerId = header.index("customer_id");
        this.occurredAt = header.index("occurred_at");
        this.channel = header.index("channel");
        this.direction = header.index("direction");
        this.satisfaction = header.index("satisfaction");
        this.topic = header.index("topic");
        this.knownColumnsOnly = IntStream.of(interactionId, customerId, occurredAt, channel, direction,
                satisfaction, topic).filter(i -> i >= 0).distinct().count() == columns; // aliases may share a column
    }

    /** The row a plain line makes straight from its bytes (see {@link #fast(PlainLines)}), or null. */
    Parsed<InteractionRow> parse(PlainLines line, LineSource source, long number) {
        return Parsed.fromLine(fast(line), source, number, line);
    }

    /**
     * As {@link #fast(SourceRecord)} for a plain line, read from its bytes: the row the line's record makes, or null
     * for the same rows (a test holds the two to it). Only the channel and the topic become strings (shared with the
     * rows before that had the same), and the customer id when it does not pack into {@link PackedId}'s words. A line
     * with bytes outside ASCII is read when every column is one of this file's, each of which is either checked to be
     * ASCII or decoded.
     */
    InteractionRow fast(PlainLines line) {
        if (line.fields() != columns || !line.ascii() && !knownColumnsOnly) {
            return null;
        }
        int max = settings.maxIdLength();
        if (!line.isPlainId(interactionId, max) || !line.isPlainId(customerId, max)) {
            return null;
        }
        long at = settings.dates().epochSecond(line.bytes(), line.from(occurredAt), line.to(occurredAt));
        if (at == DateTimeText.ASK_PARSE_SECOND) {
            return null;
        }
        boolean out = line.is(direction, "OUT");
        if (!out && !line.is(direction, "IN")) {
            return null;
        }
        Integer score = null;
        if (!line.isEmpty(satisfaction)) {
            int c = line.bytes()[line.from(satisfaction)];
            if (line.to(satisfaction) - line.from(satisfaction) != 1 || c < '1' || c > '5') {
                return null;
            }
            score = SCORES[c - '0'];
        }
        try {
            boolean packs = line.to(customerId) - line.from(customerId) <= PackedId.MAX_LENGTH;
            return new InteractionRow(packs ? null : line.string(customerId), at,
                    SourceRecord.text(line.string(channel)).toUpperCase(Locale.ROOT), out, score,
                    SourceRecord.text(line.string(topic)),
                    packs ? line.idWord(customerId, 0) : 0, packs ? line.idWord(customerId, 8) : 0);
        } catch (CharacterCodingException e) {
            return null; // the record's reading reports the bytes
        }
    }

    public Parsed<InteractionRow> parse(SourceRecord r) {
        InteractionRow fast = fast(r);
        return fast != null ? new Parsed.Valid<>(r, fast) : parseInFull(r);
    }

    /** Satisfaction scores as the full path boxes them: 1 to 5. */
    private static final Integer[] SCORES = {null, 1, 2, 3, 4, 5};

    /**
     * The usual row, read without the general path's objects (no date-time, no stripped or upper-case copies):
     * ids of printable ASCII, a time in one of the usual ISO patterns, IN or OUT as written, no satisfaction or a
     * single digit 1 to 5. Null for any other row, which {@link #parseInFull} then reads (or rejects), so the two
     * paths agree on every row (a test holds them to it). Channel and topic are read as the full path reads them,
     * which makes no copy of a clean value.
     */
    InteractionRow fast(SourceRecord r) {
        if (r.size() != columns) {
            return null;
        }
        String customer = r.raw(customerId);
        int max = settings.maxIdLength();
        if (!SourceRecord.isPlainId(r.raw(interactionId), max) || !SourceRecord.isPlainId(customer, max)) {
            return null;
        }
        long at = settings.dates().epochSecond(r.raw(occurredAt));
        if (at == DateTimeText.ASK_PARSE_SECOND) {
            return null;
        }
        String dir = r.raw(direction);
        boolean out = dir.equals("OUT");
        if (!out && !dir.equals("IN")) {
            return null;
        }
        String s = r.raw(satisfaction);
        Integer score = null;
        if (!s.isEmpty()) {
            char c = s.charAt(0);
            if (s.length() != 1 || c < '1' || c > '5') {
                return null;
            }
            score = SCORES[c - '0'];
        }
        return new InteractionRow(customer, at, r.text(channel).toUpperCase(Locale.ROOT), out, score, r.text(topic));
    }

    Parsed<InteractionRow> parseInFull(SourceRecord r) {
        Parsed<InteractionRow> shape = Parsed.badShape(r, columns);
        if (shape != null) {
            return shape;
        }
        String customer = r.value(customerId);
        Parsed<InteractionRow> ids = Parsed.badIds(r, settings.maxIdLength(), "interaction_id", r.value(interactionId),
                "customer_id", customer);
        if (ids != null) {
            return ids;
        }
        LocalDateTime at = settings.dates().parse(r.value(occurredAt));
        if (at == null) {
            return Parsed.bad(r, RejectReason.BAD_DATE, "occurred_at '" + r.value(occurredAt)
                    + "' matches none of the date formats (" + settings.dates().describe() + ")");
        }
        String dir = r.value(direction).toUpperCase(Locale.ROOT);
        if (!dir.equals("IN") && !dir.equals("OUT")) {
            return Parsed.bad(r, RejectReason.BAD_DIRECTION, "direction '" + r.value(direction) + "' is neither IN nor OUT");
        }
        Integer score = null;
        String s = r.value(satisfaction);
        if (!s.isEmpty()) {
            try {
                score = Integer.valueOf(s);
            } catch (NumberFormatException e) {
                score = -1;
            }
            if (score < 1 || score > 5) {
                return Parsed.bad(r, RejectReason.BAD_SATISFACTION, "satisfaction '" + s + "' is not a whole number 1-5");
            }
        }
        return new Parsed.Valid<>(r, new InteractionRow(customer, at, r.text(channel).toUpperCase(Locale.ROOT),
                dir.equals("OUT"), score, r.text(topic)));
    }
}
