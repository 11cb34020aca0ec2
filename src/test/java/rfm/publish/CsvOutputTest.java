package rfm.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import rfm.ingest.Utf8Text;

class CsvOutputTest {

    @TempDir
    Path dir;

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /** Writes one data row under a header of as many columns, neutralising formulas, without BOM; returns the file text. */
    private String write(boolean neutralise, Object... values) throws IOException {
        Path file = dir.resolve("out.csv");
        List<String> header = Arrays.stream(values).map(v -> "c").toList();
        try (CsvOutput out = CsvOutput.create(file, header, false, neutralise)) {
            out.row(Arrays.asList(values));
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return text.substring(text.indexOf("\r\n") + 2);
    }

    private String row(Object... values) throws IOException {
        return write(true, values);
    }

    @Test
    void withBomTheFileStartsWithTheUtf8Bom() throws IOException {
        Path file = dir.resolve("analyst.csv");
        try (CsvOutput out = CsvOutput.create(file, List.of("customer_id", "name"), true, true)) {
            out.row(List.of("C1", "张伟"));
        }
        byte[] bytes = Files.readAllBytes(file);
        assertThat(Arrays.copyOf(bytes, 3)).isEqualTo(BOM);
        assertThat(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8)).isEqualTo("customer_id,name\r\nC1,张伟\r\n");
    }

    @Test
    void withoutBomTheFileStartsWithTheHeader() throws IOException {
        Path file = dir.resolve("crm.csv");
        try (CsvOutput out = CsvOutput.create(file, List.of("customer_id", "segment"), false, true)) {
            out.row(List.of("C1", "重要价值客户"));
        }
        assertThat(Files.readAllBytes(file)).isEqualTo("customer_id,segment\r\nC1,重要价值客户\r\n".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void recordsEndWithCrlfAndRowsAreCounted() throws IOException {
        Path file = dir.resolve("out.csv");
        try (CsvOutput out = CsvOutput.create(file, List.of("a", "b"), false, true)) {
            out.row(List.of(1, 2));
            out.row(List.of(3, 4));
            assertThat(out.rows()).isEqualTo(2);
        }
        assertThat(Files.readString(file)).isEqualTo("a,b\r\n1,2\r\n3,4\r\n");
    }

    @Test
    void theFolderIsCreatedIfNeeded() throws IOException {
        Path file = dir.resolve("segments/CHAMPIONS.csv");
        try (CsvOutput out = CsvOutput.create(file, List.of("customer_id"), false, true)) {
            out.row(List.of("C1"));
        }
        assertThat(file).exists();
    }

    @Test
    void commasQuotesAndNewlinesAreQuoted() throws IOException {
        assertThat(row("x", "a,b", "say \"hi\"", "two\nlines", "cr\rhere"))
                .isEqualTo("x,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rhere\"\r\n");
    }

    @Test
    void moneyHasTwoDecimalsRoundedHalfUpWithoutThousandsSeparator() throws IOException {
        assertThat(row(new BigDecimal("0.125"), new BigDecimal("2.5"), new BigDecimal("188.125"), new BigDecimal("0.124"),
                new BigDecimal("1234567.891"), new BigDecimal("1E+3"), BigDecimal.ZERO, new BigDecimal("-0.125")))
                .isEqualTo("0.13,2.50,188.13,0.12,1234567.89,1000.00,0.00,-0.13\r\n");
    }

    @Test
    void moneyOfEveryKindIsWrittenAsSetScaleTwoHalfUpToPlainString() throws IOException {
        Random random = new Random(5);
        List<BigDecimal> amounts = new ArrayList<>(List.of(new BigDecimal("-0.005"), new BigDecimal("-0.004"),
                new BigDecimal("99.995"), new BigDecimal("-99.995"), new BigDecimal("9999999999999999.994"),
                new BigDecimal("9999999999999999.995"), new BigDecimal("-9999999999999999.995"),
                new BigDecimal("123456789012345678901234567890.125"), new BigDecimal("1E+20"), new BigDecimal("5E-7"),
                BigDecimal.valueOf(Long.MAX_VALUE, 2), BigDecimal.valueOf(Long.MIN_VALUE, 2)));
        for (int i = 0; i < 2_000; i++) {
            long unscaled = random.nextInt(3) == 0 ? random.nextLong() : random.nextInt(2_000_000) - 1_000_000;
            amounts.add(BigDecimal.valueOf(unscaled, random.nextInt(8) - 2));
        }
        StringBuilder expected = new StringBuilder();
        for (BigDecimal a : amounts) {
            expected.append(expected.isEmpty() ? "" : ",").append(a.setScale(2, RoundingMode.HALF_UP).toPlainString());
        }
        assertThat(write(true, amounts.toArray())).isEqualTo(expected + "\r\n");
    }

    @Test
    void aTextGivenAsUtf8BytesIsWrittenAsItsStringWould() throws IOException {
        String alphabet = "aZ9 \"',\r\n\t#!$=+-@.()中€~\u007f\u0000\ud83d\ude00";
        Random random = new Random(13);
        for (boolean neutralise : new boolean[] {true, false}) {
            List<Object> asStrings = new ArrayList<>();
            List<Object> asBytes = new ArrayList<>();
            for (int f = 0; f < 3_000; f++) {
                StringBuilder v = new StringBuilder();
                int length = random.nextInt(6);
                for (int i = 0; i < length; i++) {
                    char c = alphabet.charAt(random.nextInt(alphabet.length()));
                    v.append(Character.isSurrogate(c) ? "\ud83d\ude00" : String.valueOf(c));
                }
                String text = f % 7 == 0 ? "+86 " + v : v.toString(); // some phone-like texts, left as they are
                byte[] bytes = ("前" + text + "后").getBytes(StandardCharsets.UTF_8); // a part of a larger array
                int from = "前".getBytes(StandardCharsets.UTF_8).length;
                asStrings.add(text);
                asBytes.add(new Utf8Text(bytes, from, bytes.length - from));
            }
            assertThat(write(neutralise, asBytes.toArray())).isEqualTo(write(neutralise, asStrings.toArray()));
        }
        assertThat(row(new Utf8Text(new byte[0], 0, 0), "x")).isEqualTo("\"\",x\r\n"); // an empty first field
    }

    @Test
    void nullIsAnEmptyCell() throws IOException {
        assertThat(row("C1", null, "x", null)).isEqualTo("C1,,x,\r\n");
    }

    @Test
    void datesAreIsoAndBooleansAreTrueOrFalse() throws IOException {
        assertThat(row(LocalDate.of(2026, 11, 22), true, false, 7, 90L))
                .isEqualTo("2026-11-22,true,false,7,90\r\n");
    }

    @Test
    void stringsThatASpreadsheetWouldRunAsFormulasGetAnApostrophe() throws IOException {
        assertThat(row("=SUM(A1:A9)", "+1+cmd|' /C calc'!A0", "-2+3", "@cmd", "\tx", "x"))
                .isEqualTo("'=SUM(A1:A9),'+1+cmd|' /C calc'!A0,'-2+3,'@cmd,'\tx,x\r\n");
    }

    @Test
    void phoneNumbersAndSignedNumbersStayAsTheyAre() throws IOException {
        assertThat(row("+86 138 0000 0000", "-12.50", "+86-(21)-5555.1234"))
                .isEqualTo("+86 138 0000 0000,-12.50,+86-(21)-5555.1234\r\n");
    }

    @Test
    void aStringStartingWithCarriageReturnIsNeutralisedAndQuoted() throws IOException {
        assertThat(row("x", "\r=1+1")).isEqualTo("x,\"'\r=1+1\"\r\n");
    }

    @Test
    void formulaCharactersInsideAStringAreLeftAlone() throws IOException {
        assertThat(row("a=b", "x+y", "name@example.cn", "")).isEqualTo("a=b,x+y,name@example.cn,\r\n");
    }

    @Test
    void numbersAreNeverNeutralised() throws IOException {
        assertThat(row(-5, -12L, new BigDecimal("-3"), new BigDecimal("-0.5"))).isEqualTo("-5,-12,-3.00,-0.50\r\n");
    }

    @Test
    void neutralisingCanBeSwitchedOff() throws IOException {
        assertThat(write(false, "=SUM(A1:A9)", "+86 138", "-x", "@cmd")).isEqualTo("=SUM(A1:A9),+86 138,-x,@cmd\r\n");
    }

    /** Writes the values with {@code row(List)} and again field by field, typed as given; returns both files' bytes. */
    private byte[][] writtenBothWays(boolean neutralise, List<Object> values, java.util.function.Consumer<CsvOutput> typed)
            throws IOException {
        List<String> header = values.stream().map(v -> "c").toList();
        Path listed = dir.resolve("listed.csv");
        Path fields = dir.resolve("fields.csv");
        try (CsvOutput out = CsvOutput.create(listed, header, true, neutralise)) {
            out.row(values);
            out.row(values);
        }
        try (CsvOutput out = CsvOutput.create(fields, header, true, neutralise)) {
            typed.accept(out);
            out.endRow();
            typed.accept(out);
            out.endRow();
            assertThat(out.rows()).isEqualTo(2);
        }
        return new byte[][] {Files.readAllBytes(listed), Files.readAllBytes(fields)};
    }

    /** Each typed field writes its value as row(List) writes a value of that type, nulls and edges included. */
    @Test
    void aRowWrittenFieldByFieldIsTheRowItsValuesMakeAsAList() throws IOException {
        byte[] name = "前王小明,\"后".getBytes(StandardCharsets.UTF_8);
        Utf8Text utf8 = new Utf8Text(name, 3, name.length - 6);
        LocalDate day = LocalDate.of(2026, 11, 22);
        int none = Integer.MIN_VALUE;
        for (boolean neutralise : new boolean[] {true, false}) {
            List<Object> values = Arrays.asList(null, "=1+1", "+86 138", utf8, null, 42L, -7, null, true, false,
                    new BigDecimal("1234.565"), null, day, null, LocalDate.of(999, 1, 2), LocalDate.of(10_000, 1, 1),
                    day, null, LocalDate.ofEpochDay(0), 5, null, "中文的长一些的建议文字", "");
            byte[][] both = writtenBothWays(neutralise, values, out -> out.text((String) null).text("=1+1").text("+86 138")
                    .text(utf8).text((Utf8Text) null).number(42L).number(-7).empty().bool(true).bool(false)
                    .money(new BigDecimal("1234.565")).money(null).date(day).date(null).date(LocalDate.of(999, 1, 2))
                    .epochDay((int) LocalDate.of(10_000, 1, 1).toEpochDay()).epochDay((int) day.toEpochDay(), none)
                    .epochDay(none, none).epochDay(0).number(5, none).number(none, none).text("中文的长一些的建议文字").empty());
            assertThat(new String(both[1], StandardCharsets.UTF_8)).isEqualTo(new String(both[0], StandardCharsets.UTF_8));
        }
    }

    /** An epoch day is written as LocalDate.ofEpochDay(day).toString() has it, over the years 1000 to 9999 and past them. */
    @Test
    void anEpochDayIsWrittenAsItsLocalDate() throws IOException {
        Path file = dir.resolve("days.csv");
        List<Integer> days = new ArrayList<>();
        int first = (int) LocalDate.of(999, 12, 1).toEpochDay();
        int last = (int) LocalDate.of(10_000, 2, 1).toEpochDay();
        for (int d = first; d <= last; d += d > -1_000 && d < 30_000 ? 1 : 7) { // every day of 1967-2052, a week apart elsewhere
            days.add(d);
        }
        StringBuilder expected = new StringBuilder("d\r\n");
        try (CsvOutput out = CsvOutput.create(file, List.of("d"), false, true)) {
            for (int d : days) {
                out.epochDay(d).endRow();
                expected.append(LocalDate.ofEpochDay(d)).append("\r\n");
            }
        }
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(expected.toString());
        assertThat(days).hasSizeGreaterThan(400_000);
    }

    @Test
    void aRowWrittenFieldByFieldMustHaveAValueForEveryColumn() throws IOException {
        Path file = dir.resolve("out.csv");
        try (CsvOutput out = CsvOutput.create(file, List.of("a", "b"), false, true)) {
            out.text("only one");
            assertThatThrownBy(out::endRow).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("row has 1 values for 2 columns");
            out.text("x").text("y").text("z");
            assertThatThrownBy(out::endRow).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("row has 3 values for 2 columns");
        }
    }

    @Test
    void aRowMustHaveAValueForEveryColumn() {
        Path file = dir.resolve("out.csv");
        try (CsvOutput out = CsvOutput.create(file, List.of("a", "b"), false, true)) {
            assertThatThrownBy(() -> out.row(List.of("only one"))).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void charactersOutsideTheBasicPlaneAreOneUtf8CharacterAndALoneSurrogateIsAQuestionMark() throws IOException {
        assertThat(row("\uD842\uDFB7\u5409", "a\uD800b", "\uDC00"))
                .isEqualTo("\uD842\uDFB7\u5409,a?b,?\r\n");
    }

    @Test
    void numbersAndDatesAtTheirEdgesAreWrittenAsTheirToString() throws IOException {
        assertThat(row(Long.MIN_VALUE, Long.MAX_VALUE, Integer.MIN_VALUE, 0, 1_000_000_000_000_000_000L,
                LocalDate.of(999, 1, 2), LocalDate.of(10_000, 12, 31), LocalDate.of(1000, 1, 1)))
                .isEqualTo(Long.MIN_VALUE + "," + Long.MAX_VALUE + "," + Integer.MIN_VALUE
                        + ",0,1000000000000000000,0999-01-02,+10000-12-31,1000-01-01\r\n");
    }

    /** Every number of digits, at both ends, and where the writer's ways of writing them meet. */
    @Test
    void numbersOfEveryLengthAreWrittenAsTheirToString() throws IOException {
        List<Object> values = new ArrayList<>();
        StringBuilder expected = new StringBuilder();
        for (long p = 1; p > 0 && p <= Long.MAX_VALUE / 10; p *= 10) {
            for (long v : new long[] {p - 1, p, p * 10 - 1, -p}) {
                values.add(v);
                expected.append(expected.isEmpty() ? "" : ",").append(v);
            }
        }
        for (long v : new long[] {Integer.MAX_VALUE, Integer.MAX_VALUE + 1L, 2_000_000_000L, 99, 100}) {
            values.add(v);
            expected.append(',').append(v);
        }
        assertThat(row(values.toArray())).isEqualTo(expected + "\r\n");
        assertThat(row(new BigDecimal("0.05"), new BigDecimal("9.999"), new BigDecimal("-99.99"), new BigDecimal("100")))
                .isEqualTo("0.05,10.00,-99.99,100.00\r\n");
    }

    @Test
    void rowsLongerThanTheBufferAreWrittenWhole() throws IOException {
        String longText = "张".repeat(40_000) + "x";
        assertThat(row(longText, 12345)).isEqualTo(longText + ",12345\r\n");
    }

    /**
     * Writes the rows (three columns) with CsvOutput and with Commons CSV's RFC4180 printer, which wrote these files
     * before, and requires the same bytes (a lone surrogate is a question mark in both once encoded).
     */
    private void assertWrittenAsCommonsCsv(List<Object[]> rows) throws IOException {
        StringBuilder expected = new StringBuilder();
        Path file = dir.resolve("compared.csv");
        List<String> header = List.of("a", "b", "c");
        try (CSVPrinter printer = new CSVPrinter(expected, CSVFormat.RFC4180);
             CsvOutput out = CsvOutput.create(file, header, false, false)) {
            printer.printRecord(header);
            for (Object[] fields : rows) {
                printer.printRecord(fields);
                out.row(Arrays.asList(fields));
            }
        }
        assertThat(Files.readAllBytes(file)).isEqualTo(expected.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The quoting done here is Commons CSV's RFC4180 printing: same bytes, on short strings of every kind. */
    @Test
    void quotesExactlyAsCommonsCsvRfc4180() throws IOException {
        String alphabet = "aZ9 \"',\r\n\t#!$=+-@中€~\u007f\u0000";
        Random random = new Random(7);
        List<Object[]> rows = new ArrayList<>();
        for (int r = 0; r < 5_000; r++) {
            String[] fields = new String[3];
            for (int f = 0; f < 3; f++) {
                StringBuilder v = new StringBuilder();
                int length = random.nextInt(4);
                for (int i = 0; i < length; i++) {
                    v.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                fields[f] = v.toString();
            }
            rows.add(fields);
        }
        assertWrittenAsCommonsCsv(rows);
    }

    /**
     * Longer strings, many of them written again and again (as a task's suggested action is), some longer than the
     * buffer: the same bytes as Commons CSV's printing, whether a string is new or was encoded before.
     */
    @Test
    void repeatedAndLongStringsAreWrittenExactlyAsCommonsCsvRfc4180() throws IOException {
        String alphabet = "aZ9 \"',\r\n\t#!$=+-@中€~\u007f\u0000\ud83d\ude00\ud83d";
        Random random = new Random(11);
        List<String> texts = new ArrayList<>();
        for (int t = 0; t < 300; t++) { // more than the remembered slots, so they are replaced and encoded again
            StringBuilder v = new StringBuilder();
            int length = t % 50 == 0 ? 70_000 + random.nextInt(10) : 8 + random.nextInt(40);
            boolean plain = t % 3 == 0; // plain ASCII or plain Chinese, else anything
            for (int i = 0; i < length; i++) {
                v.append(plain ? (t % 2 == 0 ? (char) ('a' + random.nextInt(26)) : '回') : alphabet.charAt(random.nextInt(alphabet.length())));
            }
            texts.add(v.toString());
        }
        List<Object[]> rows = new ArrayList<>();
        for (int r = 0; r < 3_000; r++) {
            rows.add(new Object[] {texts.get(random.nextInt(texts.size())), texts.get(random.nextInt(10)),
                    texts.get(random.nextInt(texts.size()))});
        }
        assertWrittenAsCommonsCsv(rows);
    }
}
