package rfm.ingest;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * How amounts are written in an export, e.g. {@code ¥1,299.00}: a thousands separator and currency symbols
 * to drop, and the decimal separator. What is left must be a plain decimal number.
 */
public record AmountFormat(String thousandsSeparator, String decimalSeparator, List<String> currencySymbols) {

    private static final Map<String, Pattern> GROUPED = new ConcurrentHashMap<>();

    public AmountFormat {
        thousandsSeparator = thousandsSeparator == null ? "" : thousandsSeparator;
        decimalSeparator = decimalSeparator == null || decimalSeparator.isEmpty() ? "." : decimalSeparator;
        if (decimalSeparator.length() != 1 || thousandsSeparator.length() > 1 || decimalSeparator.equals(thousandsSeparator)) {
            throw new IllegalArgumentException("decimal-separator must be one character and thousands-separator at most one,"
                    + " and they must differ");
        }
        // longest first, so "US$" is dropped before "$"
        currencySymbols = currencySymbols == null ? List.of()
                : currencySymbols.stream().filter(s -> !s.isBlank()).sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    private Pattern groupedPattern() {
        return GROUPED.computeIfAbsent(thousandsSeparator,
                sep -> Pattern.compile("[+-]?\\d{1,3}(" + Pattern.quote(sep) + "\\d{3})+"));
    }

    /** {@code [+-]?(\d+(\.\d*)?|\.\d+)}, checked by hand: this runs for every order row. */
    static boolean isPlainDecimal(String t) {
        int n = t.length();
        int i = n > 0 && (t.charAt(0) == '+' || t.charAt(0) == '-') ? 1 : 0;
        int digits = 0;
        boolean point = false;
        for (; i < n; i++) {
            char c = t.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c == '.' && !point) {
                point = true;
            } else {
                return false;
            }
        }
        return digits > 0;
    }

    /**
     * Whether {@link #parse} reads a plain decimal ({@code [+-]?(\d+(\.\d*)?|\.\d+)}, no spaces) exactly as
     * {@code new BigDecimal(text)} would: the decimal separator is '.', and neither the thousands separator nor a
     * currency symbol could be part of such text. Then the order rows' fast path may read amounts itself.
     */
    public boolean readsPlainDecimalsAsIs() {
        if (!decimalSeparator.equals(".") || !thousandsSeparator.isEmpty() && "0123456789+-".contains(thousandsSeparator)) {
            return false;
        }
        for (String symbol : currencySymbols) {
            if (PLAIN_CHARS.indexOf(symbol.charAt(0)) >= 0 || PLAIN_CHARS.indexOf(symbol.charAt(symbol.length() - 1)) >= 0) {
                return false;
            }
        }
        return true;
    }

    private static final String PLAIN_CHARS = "0123456789.+-";

    /** Plain decimals only: what a job file without amount-format reads. */
    public static AmountFormat plain() {
        return new AmountFormat("", ".", List.of());
    }

    /** The amount written in text, or null when it is not a number. */
    public BigDecimal parse(String text) {
        String t = text.strip();
        boolean stripped = true;
        while (stripped) {
            stripped = false;
            for (String symbol : currencySymbols) {
                if (t.startsWith(symbol)) {
                    t = t.substring(symbol.length()).strip();
                    stripped = true;
                } else if (t.endsWith(symbol)) {
                    t = t.substring(0, t.length() - symbol.length()).strip();
                    stripped = true;
                }
            }
        }
        if (!thousandsSeparator.isEmpty() && t.contains(thousandsSeparator)) {
            // only real groups of three: "12,50" is not twelve hundred and fifty
            int end = t.indexOf(decimalSeparator);
            String whole = end < 0 ? t : t.substring(0, end);
            if (!groupedPattern().matcher(whole).matches()) {
                return null;
            }
            t = t.replace(thousandsSeparator, "");
        }
        if (!decimalSeparator.equals(".")) {
            t = t.replace(decimalSeparator, ".");
        }
        if (!isPlainDecimal(t)) {
            return null;
        }
        return new BigDecimal(t);
    }
}
