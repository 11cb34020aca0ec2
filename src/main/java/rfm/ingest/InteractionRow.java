package rfm.ingest;

import java.time.LocalDateTime;

/** One valid interaction row; {@code satisfaction} is null when the row has none. */
public record InteractionRow(String customerId, LocalDateTime occurredAt, String channel, boolean outbound,
                             Integer satisfaction, String topic) {

    public boolean survey() {
        return "SURVEY".equals(channel);
    }
}
