package rfm.revisit;

/** The focus a need category adds to a suggested action, in Chinese and English. */
public record NeedAction(String zh, String en) {

    public NeedAction {
        if (zh == null || zh.isBlank() || en == null || en.isBlank()) {
            throw new IllegalArgumentException("a need action needs zh and en");
        }
    }
}
