package rfm.config;

/**
 * Look-back windows in days.
 *
 * @param monetaryDays limits frequency and monetary to (D-window, D]; empty for all history
 * @param interactionsDays window of interactions_90d and the interaction tier
 * @param needDays window of the topics behind need_category
 */
public record Windows(Integer monetaryDays, Integer interactionsDays, Integer needDays) {

    public Windows {
        if (monetaryDays != null && monetaryDays < 1) {
            throw new IllegalArgumentException("monetary-days must be at least 1 or left empty, was " + monetaryDays);
        }
        if (interactionsDays == null || interactionsDays < 1 || needDays == null || needDays < 1) {
            throw new IllegalArgumentException("interactions-days and need-days must be at least 1");
        }
    }
}
