package rfm.config;

import java.util.Locale;
import java.util.Set;

/**
 * The run's HTML report ({@code report.html}).
 *
 * @param language the language of its labels, segment names and actions: {@code zh} or {@code en}
 * @param topAtRisk how many churn-risk customers its table lists, highest monetary first
 */
public record ReportSettings(String language, Integer topAtRisk) {

    public static final Set<String> LANGUAGES = Set.of("zh", "en");

    public ReportSettings {
        language = language == null ? null : language.strip().toLowerCase(Locale.ROOT);
        if (language == null || !LANGUAGES.contains(language)) {
            throw new IllegalArgumentException("language: '" + language + "' must be zh or en");
        }
        if (topAtRisk == null || topAtRisk < 0 || topAtRisk > 10_000) {
            throw new IllegalArgumentException("top-at-risk must be between 0 and 10000");
        }
    }

    public boolean chinese() {
        return language.equals("zh");
    }
}
