package rfm.measure;

import java.time.LocalDate;

/**
 * What the measures depend on besides the rows: the as-of date D and the windows, in days.
 *
 * @param monetaryWindowDays limits frequency and monetary to (D-window, D]; null means all history
 * @param decliningWindowDays the length of the two back-to-back windows the DECLINING rule compares
 * @param interactionWindowDays window of {@code interactions_90d}
 * @param needWindowDays window of the topics behind {@code need_category}
 */
public record MeasureSettings(LocalDate asOf, Integer monetaryWindowDays, int decliningWindowDays,
                              int interactionWindowDays, int needWindowDays, NeedKeywords needKeywords) {
}
