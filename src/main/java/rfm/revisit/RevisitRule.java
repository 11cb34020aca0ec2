package rfm.revisit;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One row of the revisit table: why a customer should be contacted, how urgently, by when, through which
 * channel and with what suggestion.
 *
 * @param priority 1 is most urgent; the lowest number among a customer's eligible rules wins
 * @param dueDays the task is due on D + days
 * @param channels candidates tried in order: PREFERRED (the customer's preferred channel, if any), EMAIL
 *                 (if it has an email), PHONE (if it has a phone), any other channel always; the last is the fallback
 */
public record RevisitRule(String reason, Boolean enabled, Integer priority, Integer dueDays, List<String> channels,
                          TaskCondition when, String actionZh, String actionEn) {

    public static final String PREFERRED = "PREFERRED";
    private static final Pattern REASON = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");

    public RevisitRule {
        if (reason == null || !REASON.matcher(reason).matches()) {
            throw new IllegalArgumentException("reason '" + reason + "' must be upper-case letters, digits and _");
        }
        enabled = enabled == null || enabled;
        if (priority == null || priority < 1) {
            throw new IllegalArgumentException("rule " + reason + ": priority must be 1 or more");
        }
        if (dueDays == null || dueDays < 0) {
            throw new IllegalArgumentException("rule " + reason + ": due-days must not be negative");
        }
        if (channels == null || channels.isEmpty()) {
            throw new IllegalArgumentException("rule " + reason + ": channels needs at least one channel");
        }
        channels = channels.stream().map(ch -> ch.strip().toUpperCase(Locale.ROOT)).toList();
        if (channels.get(channels.size() - 1).equals(PREFERRED)) {
            throw new IllegalArgumentException("rule " + reason + ": the last channel is the fallback and cannot be PREFERRED");
        }
        if (when == null) {
            throw new IllegalArgumentException("rule " + reason + ": when is required (use {} for every customer)");
        }
        if (actionZh == null || actionZh.isBlank() || actionEn == null || actionEn.isBlank()) {
            throw new IllegalArgumentException("rule " + reason + ": action-zh and action-en are required");
        }
    }
}
