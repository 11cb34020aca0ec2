package rfm.ingest;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * One valid interaction row; {@code satisfaction} is null when the row has none. The time it occurred is kept as
 * {@code occurredSecond}, the seconds of its own clock (no zone conversion) since 1970-01-01T00:00, as five million
 * rows pass through a large night: {@code LocalDateTime.toEpochSecond(ZoneOffset.UTC)}.
 */
public record InteractionRow(String customerId, long occurredSecond, String channel, boolean outbound,
                             Integer satisfaction, String topic) {

    public InteractionRow(String customerId, LocalDateTime occurredAt, String channel, boolean outbound,
                          Integer satisfaction, String topic) {
        this(customerId, occurredAt.toEpochSecond(ZoneOffset.UTC), channel, outbound, satisfaction, topic);
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
