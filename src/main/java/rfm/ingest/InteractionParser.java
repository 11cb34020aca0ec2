package rfm.ingest;

import java.time.LocalDateTime;
import java.util.Locale;

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
    }

    public Parsed<InteractionRow> parse(SourceRecord r) {
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
