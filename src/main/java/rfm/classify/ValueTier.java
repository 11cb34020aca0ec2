package rfm.classify;

/** A value tier over r + f + m, e.g. A (13-15, 核心客户). */
public record ValueTier(String code, String nameZh, String nameEn, ScoreRange total) {

    public ValueTier {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("a value tier needs a code");
        }
        if (total == null) {
            throw new IllegalArgumentException("value tier " + code + " needs total (a range of r+f+m)");
        }
    }
}
