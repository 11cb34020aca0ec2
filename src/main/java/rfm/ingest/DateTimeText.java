package rfm.ingest;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.Year;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;

/**
 * Reads dates and date-times written in one of the job file's patterns, tried in order. The date part of
 * the text is the date: no time-zone conversion. Strict: 2026-02-30 is not a date.
 */
public final class DateTimeText {

    /**
     * A compiled pattern. {@code shape} is a sample formatted with it ('9' for digits), or null when the
     * pattern's width varies; text of another shape is skipped without paying for a parse exception.
     */
    private record Pattern(String text, DateTimeFormatter formatter, boolean hasTime, String shape, boolean iso,
                           boolean asciiShape) {

        /** Whether ASCII bytes may be text of this pattern: as {@link #mayMatch(String)}, for a shape of ASCII only. */
        boolean mayMatch(byte[] b, int from, int to) {
            if (to - from != shape.length()) {
                return false;
            }
            for (int i = 0; i < shape.length(); i++) {
                char s = shape.charAt(i);
                byte v = b[from + i];
                if (s == '9' ? (v < '0' || v > '9') : v != s) {
                    return false;
                }
            }
            return true;
        }

        boolean mayMatch(String value) {
            if (shape == null) {
                return true;
            }
            if (value.length() != shape.length()) {
                return false;
            }
            for (int i = 0; i < shape.length(); i++) {
                char s = shape.charAt(i);
                char v = value.charAt(i);
                if (s == '9' ? (v < '0' || v > '9') : v != s) {
                    return false;
                }
            }
            return true;
        }
    }

    private final List<Pattern> patterns;

    public DateTimeText(List<String> patterns) {
        if (patterns == null || patterns.isEmpty()) {
            throw new IllegalArgumentException("at least one date format is needed");
        }
        this.patterns = patterns.stream().map(DateTimeText::compile).toList();
    }

    private static Pattern compile(String p) {
        try {
            DateTimeFormatter f = DateTimeFormatter.ofPattern(prolepticYear(p), Locale.ENGLISH)
                    .withResolverStyle(ResolverStyle.STRICT);
            String shape = shapeOf(f.format(LocalDateTime.of(2001, 1, 1, 1, 1, 1)),
                    f.format(LocalDateTime.of(2011, 11, 11, 23, 11, 11)));
            String fields = p.replaceAll("'[^']*'", ""); // quoted text is literal, not fields
            boolean hasTime = fields.chars().anyMatch(c -> c == 'H' || c == 'h' || c == 'k' || c == 'K');
            return new Pattern(p, f, hasTime, shape, ISO_PATTERNS.contains(p) && shape != null,
                    shape != null && shape.chars().allMatch(c -> c < 0x80));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + p + "' is not a date pattern: " + e.getMessage());
        }
    }

    /** yyyy-MM-dd, with HH:mm, HH:mm:ss, or 'T'HH:mm:ss after it: most exports write one of these. */
    private static final java.util.Set<String> ISO_PATTERNS = java.util.Set.of("yyyy-MM-dd", "yyyy-MM-dd HH:mm",
            "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss", "uuuu-MM-dd", "uuuu-MM-dd HH:mm", "uuuu-MM-dd HH:mm:ss",
            "uuuu-MM-dd'T'HH:mm:ss");

    /** Text in one of {@link #ISO_PATTERNS} (its shape checked digit by digit already), strictly: 2026-02-30 is null. */
    private static LocalDateTime iso(String t) {
        try {
            LocalDate date = LocalDate.of(digits(t, 0, 4), digits(t, 5, 7), digits(t, 8, 10));
            if (t.length() == 10) {
                return date.atStartOfDay();
            }
            int second = t.length() == 19 ? digits(t, 17, 19) : 0;
            return date.atTime(digits(t, 11, 13), digits(t, 14, 16), second);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private static int digits(String t, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            v = v * 10 + (t.charAt(i) - '0');
        }
        return v;
    }

    private static int digits(byte[] b, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            v = v * 10 + (b[i] - '0');
        }
        return v;
    }

    /** 'y' (year of era) becomes 'u' (proleptic year) outside quoted literals: STRICT resolving needs no era then. */
    private static String prolepticYear(String pattern) {
        StringBuilder b = new StringBuilder(pattern.length());
        boolean quoted = false;
        for (char c : pattern.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
            }
            b.append(!quoted && c == 'y' ? 'u' : c);
        }
        return b.toString();
    }

    /**
     * The fixed shape of a pattern's output ('9' for a digit), seen from two samples far apart; null when
     * the width or the non-digit text varies (month or day names, AM/PM, unpadded numbers).
     */
    private static String shapeOf(String a, String b) {
        if (a.length() != b.length()) {
            return null;
        }
        StringBuilder shape = new StringBuilder(a.length());
        for (int i = 0; i < a.length(); i++) {
            boolean digitA = Character.isDigit(a.charAt(i));
            if (digitA != Character.isDigit(b.charAt(i)) || (!digitA && a.charAt(i) != b.charAt(i))) {
                return null;
            }
            shape.append(digitA ? '9' : a.charAt(i));
        }
        return shape.toString();
    }

    /** {@link #epochDay}'s answer when the text needs {@link #parse}: another pattern, or not a date. */
    public static final int ASK_PARSE = Integer.MIN_VALUE;

    /** {@link #epochSecond}'s answer when the text needs {@link #parse}. */
    public static final long ASK_PARSE_SECOND = Long.MIN_VALUE;

    private static final int SECONDS_PER_DAY = 86_400;

    /**
     * The epoch day of a date or date-time written in the first pattern whose shape it has, when that pattern is
     * one of the usual ISO ones and the text is a valid date and time; else {@link #ASK_PARSE}, and
     * {@link #parse} decides (another pattern, or not a date at all). Same answer as {@code parse}, without
     * the objects: this runs for every order row.
     */
    public int epochDay(String text) {
        long second = epochSecond(text);
        return second == ASK_PARSE_SECOND ? ASK_PARSE : epochDayOf(second);
    }

    /** The epoch day a time given as {@link #epochSecond} falls on. */
    static int epochDayOf(long epochSecond) {
        return (int) Math.floorDiv(epochSecond, SECONDS_PER_DAY);
    }

    /**
     * As {@link #epochDay}, the date-time to the second: {@code parse(text).toEpochSecond(ZoneOffset.UTC)} (the
     * text's own clock, no zone conversion), or {@link #ASK_PARSE_SECOND}. This runs for every interaction row.
     */
    public long epochSecond(String text) {
        for (Pattern p : patterns) {
            if (!p.mayMatch(text)) {
                continue;
            }
            if (!p.iso()) {
                return ASK_PARSE_SECOND;
            }
            int n = text.length();
            return second(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10), n > 10 ? digits(text, 11, 13) : 0,
                    n > 10 ? digits(text, 14, 16) : 0, n == 19 ? digits(text, 17, 19) : 0);
        }
        return ASK_PARSE_SECOND;
    }

    /**
     * As {@link #epochSecond(String)} for the ASCII text in {@code b[from, to)}, read where it lies (a plain line's
     * bytes): the same answer as for that text. A pattern whose shape is not all ASCII (or varies) could match
     * text the bytes hold, so it gives {@link #ASK_PARSE_SECOND} where {@code epochSecond} would try it.
     */
    public long epochSecond(byte[] b, int from, int to) {
        for (Pattern p : patterns) {
            if (!p.asciiShape()) {
                return ASK_PARSE_SECOND;
            }
            if (!p.mayMatch(b, from, to)) {
                continue;
            }
            if (!p.iso()) {
                return ASK_PARSE_SECOND;
            }
            int n = to - from;
            return second(digits(b, from, from + 4), digits(b, from + 5, from + 7), digits(b, from + 8, from + 10),
                    n > 10 ? digits(b, from + 11, from + 13) : 0, n > 10 ? digits(b, from + 14, from + 16) : 0,
                    n == 19 ? digits(b, from + 17, from + 19) : 0);
        }
        return ASK_PARSE_SECOND;
    }

    /** As {@link #epochDay(String)} for the ASCII text in {@code b[from, to)} (see {@link #epochSecond(byte[], int, int)}). */
    public int epochDay(byte[] b, int from, int to) {
        long second = epochSecond(b, from, to);
        return second == ASK_PARSE_SECOND ? ASK_PARSE : epochDayOf(second);
    }

    /** The epoch second of a date and time read from an ISO pattern's digits, or {@link #ASK_PARSE_SECOND} when it is none. */
    private static long second(int year, int month, int day, int hour, int minute, int second) {
        if (month < 1 || month > 12 || day < 1 || day > 28 && day > Month.of(month).length(Year.isLeap(year))
                || hour > 23 || minute > 59 || second > 59) {
            return ASK_PARSE_SECOND;
        }
        return (long) epochDay(year, month, day) * SECONDS_PER_DAY + hour * 3600 + minute * 60 + second;
    }

    /** Days from 0000-01-01 to 1970-01-01 (as in {@code LocalDate}). */
    private static final long DAYS_0000_TO_1970 = 146097L * 5 - (30L * 365 + 7);

    /**
     * {@code LocalDate.of(year, month, day).toEpochDay()} for a valid date of years 0 to 9999, worked out as
     * {@code LocalDate} does but without making one (ten million order rows made ten million of them).
     */
    static int epochDay(int year, int month, int day) {
        long total = 365L * year + (year + 3) / 4 - (year + 99) / 100 + (year + 399) / 400;
        total += (367 * month - 362) / 12 + day - 1;
        if (month > 2) {
            total -= Year.isLeap(year) ? 1 : 2;
        }
        return (int) (total - DAYS_0000_TO_1970);
    }

    /** The date-time written in text (midnight for a plain date), or null if no pattern fits. */
    public LocalDateTime parse(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        for (Pattern p : patterns) {
            if (!p.mayMatch(text)) {
                continue;
            }
            if (p.iso()) {
                return iso(text); // the usual exports, read without the formatter machinery
            }
            try {
                return p.hasTime() ? LocalDateTime.parse(text, p.formatter())
                        : LocalDate.parse(text, p.formatter()).atStartOfDay();
            } catch (DateTimeParseException e) {
                // try the next pattern
            }
        }
        return null;
    }

    public String describe() {
        return String.join(", ", patterns.stream().map(Pattern::text).toList());
    }
}
