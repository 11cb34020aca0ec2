package rfm.measure;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Maps an interaction topic to a need category: the first category, in {@link NeedCategory} order,
 * one of whose keywords the topic contains (case-insensitive).
 */
public final class NeedKeywords {

    private final Map<NeedCategory, List<String>> keywords = new EnumMap<>(NeedCategory.class);
    private final Map<String, NeedCategory> seen = new HashMap<>();

    public NeedKeywords(Map<NeedCategory, List<String>> keywords) {
        keywords.forEach((category, words) -> this.keywords.put(category,
                words.stream().map(w -> w.trim().toLowerCase(Locale.ROOT)).filter(w -> !w.isEmpty()).toList()));
    }

    /** The category of a topic, or null when no keyword matches. */
    public NeedCategory categoryOf(String topic) {
        if (topic == null || topic.isBlank()) {
            return null;
        }
        return seen.computeIfAbsent(topic, this::match);
    }

    private NeedCategory match(String topic) {
        String t = topic.toLowerCase(Locale.ROOT);
        for (NeedCategory category : NeedCategory.values()) {
            for (String word : keywords.getOrDefault(category, List.of())) {
                if (t.contains(word)) {
                    return category;
                }
            }
        }
        return null;
    }
}
