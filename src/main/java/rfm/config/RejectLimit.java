package rfm.config;

import java.math.BigDecimal;

/**
 * How many bad rows a file may have before the run fails: a percentage of its rows, or a number of rows.
 * When both are given (say a job file sets rows over a base job file's percent), rows wins. Exactly the
 * limit passes.
 */
public record RejectLimit(BigDecimal percent, Long rows) {

    public RejectLimit {
        if (percent == null && rows == null) {
            throw new IllegalArgumentException("give percent or rows");
        }
        if (percent != null && (percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0)) {
            throw new IllegalArgumentException("percent must be 0..100, was " + percent);
        }
        if (rows != null && rows < 0) {
            throw new IllegalArgumentException("rows must not be negative, was " + rows);
        }
    }

    /** True when {@code bad} bad rows out of {@code total} are within the limit. */
    public boolean allows(long bad, long total) {
        if (rows != null) {
            return bad <= rows;
        }
        return BigDecimal.valueOf(bad).multiply(BigDecimal.valueOf(100))
                .compareTo(percent.multiply(BigDecimal.valueOf(total))) <= 0;
    }

    @Override
    public String toString() {
        return rows != null ? rows + " rows" : percent.stripTrailingZeros().toPlainString() + "%";
    }
}
