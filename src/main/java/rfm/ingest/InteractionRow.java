package rfm.ingest;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * One valid interaction row; {@code satisfaction} is null when the row has none. The time it occurred is kept as
 * {@code occurredSecond}, the seconds of its own clock (no zone conversion) since 1970-01-01T00:00, as five million
 * rows pass through a large night: {@code LocalDateTime.toEpochSecond(ZoneOffset.UTC)}; the customer id, when it
 * packs, as {@link PackedId}'s two words instead of a string (as in {@link OrderRow}).
 *
 * @param customerId the customer id when it does not pack, else null (see {@link #customerId()})
 * @param idWord0    the customer id's first eight characters when it packs (given, or worked out from a
 *                   {@code customerId} that packs), else 0
 */
public record InteractionRow(String customerId, long occurredSecond, String channel, boolean outbound,
                             Integer satisfaction, String topic, long idWord0, long idWord1) {

    public InteractionRow {
        if (customerId != null && PackedId.packs(customerId)) {
            idWord0 = PackedId.word(customerId, 0);
            idWord1 = PackedId.word(customerId, 8);
            customerId = null;
        } else if (customerId == null && idWord0 == 0) {
            throw new IllegalArgumentException("an interaction row without a customer id");
        }
    }

    public InteractionRow(String customerId, long occurredSecond, String channel, boolean outbound,
                          Integer satisfaction, String topic) {
        this(customerId, occurredSecond, channel, outbound, satisfaction, topic, 0, 0);
    }

    public InteractionRow(String customerId, LocalDateTime occurredAt, String channel, boolean outbound,
                          Integer satisfaction, String topic) {
        this(customerId, occurredAt.toEpochSecond(ZoneOffset.UTC), channel, outbound, satisfaction, topic);
    }

    /** The customer id (made from its packed words when it packs). */
    @Override
    public String customerId() {
        return customerId != null ? customerId : PackedId.text(idWord0, idWord1);
    }

    /** The customer id when it does not pack, else null. */
    public String unpackedCustomerId() {
        return customerId;
    }

    public LocalDateTime occurredAt() {
        return LocalDateTime.ofEpochSecond(occurredSecond, 0, ZoneOffset.UTC);
    }

    /** The epoch day of the date it occurred on. */
    public int occurredDay() {
        return DateTimeText.epochDayOf(occurredSecond);
    }

    public boolean survey() {
        return "SURVEY".equals(channel);
    }
}
