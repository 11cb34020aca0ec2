package rfm.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DateTimeTextTest {

    /** jobs/nightly.yml's date-formats, in its order. */
    static final DateTimeText NIGHTLY = new DateTimeText(List.of(
            "yyyy-MM-dd",
            "yyyy-MM-dd HH:mm:ss",
            "yyyy-MM-dd HH:mm",
            "yyyy-MM-dd'T'HH:mm:ss",
            "yyyy/MM/dd",
            "yyyy/MM/dd HH:mm:ss",
            "yyyy/MM/dd HH:mm"));

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "2026-11-22,           2026-11-22T00:00",
            "2026-11-22 13:45:07,  2026-11-22T13:45:07",
            "2026-11-22 13:45,     2026-11-22T13:45",
            "2026-11-22T13:45:07,  2026-11-22T13:45:07",
            "2026/11/22,           2026-11-22T00:00",
            "2026/11/22 13:45:07,  2026-11-22T13:45:07",
            "2026/11/22 13:45,     2026-11-22T13:45"})
    void eachPatternOfTheShippedJobFile(String text, LocalDateTime expected) {
        assertThat(NIGHTLY.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2026-11-22 23:59:59", "2026-11-22T23:59:59", "2026/11/22 23:59", "2026-11-22 00:00:00"})
    void theDatePartOfTheTextIsTheDate(String text) {
        assertThat(NIGHTLY.parse(text).toLocalDate()).isEqualTo(LocalDate.of(2026, 11, 22));
    }

    @Test
    void aLeapDayIsADateOnlyInALeapYear() {
        assertThat(NIGHTLY.parse("2028-02-29")).isEqualTo(LocalDateTime.of(2028, 2, 29, 0, 0));
        assertThat(NIGHTLY.parse("2026-02-29")).isNull();
    }

    @ParameterizedTest(name = "''{0}''")
    @NullAndEmptySource
    @ValueSource(strings = {
            "2026-02-30", "2026/02/30", "2026-04-31", "2026-13-01", "2026-00-10", "2026-11-00",
            "2026-11-22 24:00:00", "2026-11-22 12:60", "2026-11-22 12:30:60",
            "2026-1-5", "22/11/2026", "11/22/2026", "20261122", "2026-11-22Z", "2026-11-22T23:59:59+08:00",
            "2026-11-22 13:45:07.123", "tomorrow"})
    void anythingElseIsNotADate(String text) {
        assertThat(NIGHTLY.parse(text)).isNull();
    }

    @Test
    void patternsAreTriedInOrder() {
        DateTimeText dayFirst = new DateTimeText(List.of("dd/MM/yyyy", "MM/dd/yyyy"));
        assertThat(dayFirst.parse("05/11/2026")).isEqualTo(LocalDateTime.of(2026, 11, 5, 0, 0));
        assertThat(dayFirst.parse("11/25/2026")).isEqualTo(LocalDateTime.of(2026, 11, 25, 0, 0));
    }

    @Test
    void chinesePatternsFromAJobFile() {
        DateTimeText chinese = new DateTimeText(List.of("yyyy年MM月dd日", "yyyy年M月d日 HH:mm"));
        assertThat(chinese.parse("2026年11月22日")).isEqualTo(LocalDateTime.of(2026, 11, 22, 0, 0));
        assertThat(chinese.parse("2026年1月5日 08:30")).isEqualTo(LocalDateTime.of(2026, 1, 5, 8, 30));
        assertThat(chinese.parse("2026年11月22日 08:30")).isEqualTo(LocalDateTime.of(2026, 11, 22, 8, 30));
    }

    @Test
    void patternsOfVaryingWidth() {
        DateTimeText loose = new DateTimeText(List.of("yyyy/M/d"));
        assertThat(loose.parse("2026/1/5")).isEqualTo(LocalDateTime.of(2026, 1, 5, 0, 0));
        assertThat(loose.parse("2026/11/22")).isEqualTo(LocalDateTime.of(2026, 11, 22, 0, 0));
        assertThat(loose.parse("2026/2/30")).isNull();
    }

    @Test
    void monthNamesInEveryMonth() {
        // whatever the default locale writes for MMM, every month must read back
        DateTimeText named = new DateTimeText(List.of("dd-MMM-yyyy"));
        DateTimeFormatter writer = DateTimeFormatter.ofPattern("dd-MMM-yyyy");
        for (int month = 1; month <= 12; month++) {
            LocalDate date = LocalDate.of(2026, month, 5);
            assertThat(named.parse(writer.format(date))).as(writer.format(date)).isEqualTo(date.atStartOfDay());
        }
    }

    @Test
    void twelveHourClockKeepsTheTime() {
        // whatever the default locale writes for the AM/PM marker, the time must read back
        DateTimeText twelveHour = new DateTimeText(List.of("yyyy-MM-dd hh:mm a"));
        DateTimeFormatter writer = DateTimeFormatter.ofPattern("yyyy-MM-dd hh:mm a");
        LocalDateTime morning = LocalDateTime.of(2026, 11, 22, 3, 0);
        LocalDateTime afternoon = LocalDateTime.of(2026, 11, 22, 15, 0);
        assertThat(twelveHour.parse(writer.format(morning))).isEqualTo(morning);
        assertThat(twelveHour.parse(writer.format(afternoon))).isEqualTo(afternoon);
    }

    @Test
    void describeListsThePatterns() {
        assertThat(new DateTimeText(List.of("yyyy-MM-dd", "yyyy/MM/dd")).describe()).isEqualTo("yyyy-MM-dd, yyyy/MM/dd");
    }

    @Test
    void aBadPatternIsRefusedNamingIt() {
        assertThatThrownBy(() -> new DateTimeText(List.of("yyyy-MM-dd bb")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("yyyy-MM-dd bb");
        assertThatThrownBy(() -> new DateTimeText(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void epochDaysAreLocalDatesForEveryDayOfYearsZeroTo9999() {
        for (LocalDate d = LocalDate.of(0, 1, 1); d.getYear() <= 9999; d = d.plusDays(1)) {
            if (DateTimeText.epochDay(d.getYear(), d.getMonthValue(), d.getDayOfMonth()) != d.toEpochDay()) {
                assertThat(DateTimeText.epochDay(d.getYear(), d.getMonthValue(), d.getDayOfMonth())).as("%s", d)
                        .isEqualTo(d.toEpochDay());
            }
        }
        assertThat(NIGHTLY.epochDay("1970-01-01")).isZero();
        assertThat(NIGHTLY.epochDay("2028-02-29")).isEqualTo(LocalDate.of(2028, 2, 29).toEpochDay());
        assertThat(NIGHTLY.epochDay("2026-11-22 08:30:00")).isEqualTo(LocalDate.of(2026, 11, 22).toEpochDay());
        assertThat(NIGHTLY.epochDay("2027-02-29")).isEqualTo(DateTimeText.ASK_PARSE); // not a leap year
        assertThat(NIGHTLY.epochDay("2100-02-29")).isEqualTo(DateTimeText.ASK_PARSE);
        assertThat(NIGHTLY.epochDay("2026-04-31")).isEqualTo(DateTimeText.ASK_PARSE);
        assertThat(NIGHTLY.epochDay("2026-12-31")).isEqualTo(LocalDate.of(2026, 12, 31).toEpochDay());
    }

    /** The seconds of the fast path are those of the parsed date-time, to the day before 1970 too; any other text asks. */
    @Test
    void epochSecondsAreThoseOfTheParsedDateTime() {
        DateTimeText dates = new DateTimeText(List.of("yyyy-MM-dd", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "dd.MM.yyyy"));
        Random random = new Random(5);
        for (int n = 0; n < 20_000; n++) {
            LocalDateTime t = LocalDateTime.of(random.nextInt(10_000), 1 + random.nextInt(12), 1 + random.nextInt(28),
                    random.nextInt(24), random.nextInt(60), random.nextInt(60));
            String text = switch (n % 3) {
                case 0 -> String.format("%04d-%02d-%02d", t.getYear(), t.getMonthValue(), t.getDayOfMonth());
                case 1 -> String.format("%04d-%02d-%02d %02d:%02d:%02d", t.getYear(), t.getMonthValue(), t.getDayOfMonth(),
                        t.getHour(), t.getMinute(), t.getSecond());
                default -> String.format("%04d-%02d-%02d %02d:%02d", t.getYear(), t.getMonthValue(), t.getDayOfMonth(),
                        t.getHour(), t.getMinute());
            };
            assertThat(dates.epochSecond(text)).as(text).isEqualTo(dates.parse(text).toEpochSecond(ZoneOffset.UTC));
            assertThat(dates.epochSecond(bytes(text), 2, text.length() + 2)).as(text).isEqualTo(dates.epochSecond(text));
            assertThat(dates.epochDay(bytes(text), 2, text.length() + 2)).as(text).isEqualTo(dates.epochDay(text));
            assertThat(dates.epochDay(text)).as(text).isEqualTo(dates.parse(text).toLocalDate().toEpochDay());
        }
        assertThat(dates.epochSecond("1969-12-31 23:59:59")).isEqualTo(-1);
        assertThat(dates.epochDay("1969-12-31 23:59:59")).isEqualTo(-1);
        assertThat(dates.epochSecond("1970-01-01 00:00")).isZero();
        for (String asks : List.of("2026-02-29 10:00:00", "2026-11-22 24:00:00", "2026-11-22 23:60", "2026-11-22 23:59:60",
                "22.11.2026", " 2026-11-22", "2026-11-22T10:00:00", "", "2026-1-22")) {
            assertThat(dates.epochSecond(asks)).as(asks).isEqualTo(DateTimeText.ASK_PARSE_SECOND);
        }
    }

    /** The text's bytes with two bytes before and after it, as a field lies in a line. */
    private static byte[] bytes(String text) {
        return (",," + text + ",,").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * The bytes of a text are read as the text is: the same seconds or the same need to parse, whatever the patterns
     * and whatever the text; a pattern whose shape is not ASCII (or varies) may match text the bytes hold, so from
     * there on the bytes ask.
     */
    @Test
    void bytesAreReadAsTheirText() {
        String[] texts = {"2026-11-20", "2026-11-20 08:00:00", "2026-11-20 08:00", "2026-11-20T08:00:00", "2026-02-30",
                "2026-11-20 24:00", "20.11.2026", "2026年11月20日", "2026/11/20", "", " 2026-11-20", "２０２６-11-20", "x"};
        List<List<String>> patterns = List.of(List.of("yyyy-MM-dd", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm"),
                List.of("dd.MM.yyyy", "yyyy-MM-dd"), List.of("yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd"),
                List.of("yyyy年MM月dd日", "yyyy-MM-dd"), List.of("yyyy-MM-dd", "yyyy年M月d日", "yyyy/MM/dd"),
                List.of("d MMM yyyy", "yyyy-MM-dd"));
        for (List<String> p : patterns) {
            DateTimeText dates = new DateTimeText(p);
            for (String text : texts) {
                long fromBytes = dates.epochSecond(bytes(text), 2, bytes(text).length - 2);
                String what = p + " " + text;
                if (fromBytes != DateTimeText.ASK_PARSE_SECOND) {
                    assertThat(fromBytes).as(what).isEqualTo(dates.epochSecond(text));
                } else if (p.equals(patterns.get(0)) || p.equals(patterns.get(1)) || p.equals(patterns.get(2))) {
                    assertThat(dates.epochSecond(text)).as("ASCII patterns: " + what).isEqualTo(DateTimeText.ASK_PARSE_SECOND);
                }
            }
        }
        DateTimeText chineseFirst = new DateTimeText(List.of("yyyy年MM月dd日", "yyyy-MM-dd"));
        assertThat(chineseFirst.epochSecond("2026-11-20")).isNotEqualTo(DateTimeText.ASK_PARSE_SECOND);
        assertThat(chineseFirst.epochSecond(bytes("2026-11-20"), 2, 12)).as("a pattern before it is not ASCII")
                .isEqualTo(DateTimeText.ASK_PARSE_SECOND);
        DateTimeText chineseLast = new DateTimeText(List.of("yyyy-MM-dd", "yyyy年MM月dd日"));
        assertThat(chineseLast.epochSecond(bytes("2026-11-20"), 2, 12)).isEqualTo(chineseLast.epochSecond("2026-11-20"));
    }
}
