package rfm.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvInputTest {

    @TempDir
    Path dir;

    private List<SourceRecord> read(String content) throws IOException {
        return read(content.getBytes(StandardCharsets.UTF_8));
    }

    private List<SourceRecord> read(byte[] content) throws IOException {
        Path file = dir.resolve("orders.csv");
        Files.write(file, content);
        List<SourceRecord> out = new ArrayList<>();
        try (CsvInput in = CsvInput.open(file, InputFile.ORDERS)) {
            assertThat(in.header().names()).containsExactly("order_id", "customer_id");
            for (SourceRecord r = in.next(); r != null; r = in.next()) {
                out.add(r);
            }
        }
        return out;
    }

    @Test
    void linesArePhysicalLinesWithTheHeaderAsLineOne() throws IOException {
        List<SourceRecord> rows = read("order_id,customer_id\nO1,C1\n\nO2,\"multi\nline\"\nO3,C3");
        assertThat(rows).extracting(SourceRecord::line).containsExactly(2L, 4L, 6L);
        assertThat(rows.get(1).values()).containsExactly("O2", "multi\nline");
        assertThat(rows.get(2).values()).containsExactly("O3", "C3");
    }

    @Test
    void crlfAndBomAreRead() throws IOException {
        byte[] text = "order_id,customer_id\r\nO1,\"a, \"\"b\"\"\"\r\n\r\nO2,C2\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);
        List<SourceRecord> rows = read(withBom);
        assertThat(rows).extracting(SourceRecord::line).containsExactly(2L, 4L);
        assertThat(rows.get(0).values()).containsExactly("O1", "a, \"b\"");
        assertThat(rows.get(0).raw()).isEqualTo("O1,\"a, \"\"b\"\"\"");
    }

    @Test
    void emptyFileIsBadInput() throws IOException {
        Path file = dir.resolve("orders.csv");
        Files.writeString(file, "");
        assertThatThrownBy(() -> CsvInput.open(file, InputFile.ORDERS))
                .isInstanceOf(BadInputException.class).hasMessageContaining("orders.csv").hasMessageContaining("empty");
    }

    @Test
    void aFileThatEndsInsideAQuoteGivesATruncatedLastRecord() throws IOException {
        Path file = dir.resolve("orders.csv");
        Files.writeString(file, "order_id,customer_id\nO1,C1\nO2,\"cut off by a cra");
        try (CsvInput in = CsvInput.open(file, InputFile.ORDERS)) {
            assertThat(in.next().line()).isEqualTo(2L);
            SourceRecord last = in.next();
            assertThat(last.isTruncated()).isTrue();
            assertThat(last.line()).isEqualTo(3L);
            assertThat(in.next()).isNull();
        }
    }

    @Test
    void aStrayQuoteThatWouldSwallowTheLinesAfterItStopsTheFile() throws IOException {
        Path file = dir.resolve("orders.csv");
        Files.writeString(file, "order_id,customer_id\nO1,\"C1\nO2,C2\nO3,C3\n");
        try (CsvInput in = CsvInput.open(file, InputFile.ORDERS)) {
            assertThatThrownBy(in::next).isInstanceOf(BadInputException.class)
                    .hasMessageContaining("orders.csv line 2: a quote opened on this line is never closed; lines 2 to 4");
        }
    }

    @Test
    void utf8WithOneBrokenByteIsStillUtf8AndTheBadLineIsNamed() throws IOException {
        Path file = dir.resolve("customers.csv");
        byte[] head = "customer_id,name\nC1,张伟\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] bad = "C2,Ren\u00e9e\n".getBytes(java.nio.charset.Charset.forName("windows-1252"));
        byte[] all = new byte[head.length + bad.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(bad, 0, all, head.length, bad.length);
        Files.write(file, all);
        Encodings.Detected detected = Encodings.detect(file);
        assertThat(detected.charset().name()).isEqualTo("UTF-8");
        assertThat(Encodings.lineOfFirstError(file, detected.charset())).isEqualTo(3);
    }

    @Test
    void aGb18030ByteOrderMarkDoesNotHideTheFirstHeader() throws IOException {
        Path file = dir.resolve("订单.csv");
        byte[] text = "\uFEFF订单号,客户编号\r\nO1,C1\r\n".getBytes(Encodings.GB18030);
        Files.write(file, text);
        try (CsvInput in = CsvInput.open(file, InputFile.ORDERS, Encodings.GB18030, ',',
                java.util.Map.of("order_id", java.util.List.of("订单号"), "customer_id", java.util.List.of("客户编号")))) {
            assertThat(in.header().index("order_id")).isZero();
        }
    }

    @Test
    void aBrokenQuoteInsideTheFileStopsItNamingTheLine() throws IOException {
        Path file = dir.resolve("orders.csv");
        Files.writeString(file, "order_id,customer_id\nO1,C1\nO2,\"quoted\"junk\nO3,C3\n");
        try (CsvInput in = CsvInput.open(file, InputFile.ORDERS)) {
            assertThat(in.next().line()).isEqualTo(2L);
            assertThatThrownBy(in::next).isInstanceOf(BadInputException.class).hasMessageContaining("orders.csv line 3");
        }
    }

    @Test
    void gb18030WithASemicolonDelimiterAndChineseHeaders() throws IOException {
        Path file = dir.resolve("订单.csv");
        Files.write(file, "订单号;客户编号\r\nO1;张伟\r\n".getBytes(java.nio.charset.Charset.forName("GB18030")));
        assertThat(Encodings.detect(file).charset().name()).isEqualTo("GB18030");
        try (CsvInput in = CsvInput.open(file, InputFile.ORDERS, Encodings.GB18030, ';',
                java.util.Map.of("order_id", java.util.List.of("订单号"), "customer_id", java.util.List.of("客户编号")))) {
            assertThat(in.header().index("order_id")).isZero();
            assertThat(in.header().index("customer_id")).isEqualTo(1);
            assertThat(in.next().values()).containsExactly("O1", "张伟");
        }
    }

    @Test
    void utf8IsDetectedWithOrWithoutBom() throws IOException {
        Path plain = dir.resolve("a.csv");
        Files.writeString(plain, "order_id\n张伟\n");
        assertThat(Encodings.detect(plain).charset().name()).isEqualTo("UTF-8");
        assertThat(Encodings.detect(plain).why()).isEqualTo("UTF-8 text (its first character outside ASCII, at byte 9, is UTF-8)");
        Path bom = dir.resolve("b.csv");
        Files.write(bom, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'x', '\n'});
        assertThat(Encodings.detect(bom).why()).contains("byte order mark");
    }

    @Test
    void aUtf8CharacterCutByTheDetectionBufferIsStillUtf8() throws IOException {
        Path big = dir.resolve("big.csv");
        StringBuilder text = new StringBuilder("order_id\n");
        while (text.length() < 1_200_000) {
            text.append("订单张伟王芳\n");
        }
        Files.writeString(big, text);
        assertThat(Encodings.detect(big).charset().name()).isEqualTo("UTF-8");
    }

    @Test
    void invalidUtf8IsBadInputNamingTheFile() throws IOException {
        Path file = dir.resolve("orders.csv");
        byte[] gbk = "order_id,customer_id\nO1,张伟\n".getBytes(java.nio.charset.Charset.forName("GB18030"));
        Files.write(file, gbk);
        assertThatThrownBy(() -> {
            try (CsvInput in = CsvInput.open(file, InputFile.ORDERS)) {
                while (in.next() != null) {
                    // read on
                }
            }
        }).isInstanceOf(BadInputException.class).hasMessageContaining("orders.csv").hasMessageContaining("UTF-8");
    }

    /** Every record (line and fields) and the digest, or the failure's message, read one way or the other. */
    private List<String> readAll(Path file, char delimiter, boolean plainLines) {
        List<String> out = new ArrayList<>();
        try (CsvInput in = CsvInput.open(file, InputFile.ORDERS, StandardCharsets.UTF_8, delimiter,
                java.util.Map.of(), plainLines)) {
            out.add("header " + in.header().names());
            for (SourceRecord r = in.next(); r != null; r = in.next()) {
                out.add(r.line() + " " + (r.isTruncated() ? "truncated" : java.util.Arrays.asList(r.values())));
            }
            out.add("sha256 " + in.sha256Hex());
        } catch (BadInputException e) {
            out.add("failed: " + e.getMessage());
        }
        return out;
    }

    /**
     * The same records and digest, or the same failure. A decoder reading characters ahead finds a bad byte before
     * the records in front of it come out, the plain lines only when they reach it: the records that come out
     * before the failure may differ, never the failure.
     */
    private static void assertSameReading(List<String> plain, List<String> parsed, String what) {
        String last = parsed.get(parsed.size() - 1);
        if (last.startsWith("failed: ")) {
            assertThat(plain.get(plain.size() - 1)).as(what).isEqualTo(last);
            assertThat(parsed.subList(0, parsed.size() - 1)).as(what).isSubsetOf(plain);
        } else {
            assertThat(plain).as(what).isEqualTo(parsed);
        }
    }

    @Test
    void plainLinesReadAsTheCsvParserReadsThemWhateverComesInTheFile() throws IOException {
        java.util.Random random = new java.util.Random(11);
        String[] plainFields = {"O1", "C1", "", " ", " padded ", "2026-11-22 10:00:00", "12.50", "张伟", "Zoë",
                "😀", "\uFFFD", "a\tb", "x;y", "\u0000", "PAID"};
        String[] oddFields = {"\"quoted\"", "\"a,b\"", "\"two\nlines\"", "\"say \"\"hi\"\"\"", "bad\"quote",
                "\"open"};
        String[] endings = {"\n", "\r\n"};
        for (int round = 0; round < 400; round++) {
            char delimiter = round % 5 == 4 ? ';' : round % 7 == 6 ? '\t' : ',';
            boolean odd = round % 3 == 0; // a third of the files have a quoted or broken field somewhere
            StringBuilder text = new StringBuilder("order_id" + delimiter + "customer_id");
            int rows = random.nextInt(40);
            for (int r = 0; r < rows; r++) {
                text.append(endings[random.nextInt(endings.length)]);
                int kind = random.nextInt(20);
                if (kind == 0) {
                    continue; // a blank line
                }
                if (kind == 1) {
                    text.append("   ");
                    continue;
                }
                int fields = kind == 2 ? 1 : kind == 3 ? 3 : 2;
                for (int f = 0; f < fields; f++) {
                    if (f > 0) {
                        text.append(delimiter);
                    }
                    boolean useOdd = odd && random.nextInt(25) == 0;
                    text.append(useOdd ? oddFields[random.nextInt(oddFields.length)]
                            : plainFields[random.nextInt(plainFields.length)]);
                }
                if (odd && random.nextInt(60) == 0) {
                    text.append('\r'); // a lone carriage return: a line break to the CSV parser
                }
            }
            if (random.nextBoolean()) {
                text.append(endings[random.nextInt(endings.length)]);
            }
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            if (random.nextInt(4) == 0) {
                byte[] withBom = new byte[bytes.length + 3];
                withBom[0] = (byte) 0xEF;
                withBom[1] = (byte) 0xBB;
                withBom[2] = (byte) 0xBF;
                System.arraycopy(bytes, 0, withBom, 3, bytes.length);
                bytes = withBom;
            }
            if (random.nextInt(10) == 0 && bytes.length > 30) {
                bytes[20 + random.nextInt(bytes.length - 20)] = (byte) 0xC3; // maybe not UTF-8 any more
            }
            Path file = dir.resolve("orders.csv");
            Files.write(file, bytes);
            assertSameReading(readAll(file, delimiter, true), readAll(file, delimiter, false), "round " + round + ": " + text);
        }
    }

    @Test
    void plainLinesLongerThanTheBufferAndAFileWithoutALastLineBreak() throws IOException {
        Path file = dir.resolve("orders.csv");
        String longField = "x".repeat(200_000) + "张";
        Files.writeString(file, "order_id,customer_id\nO1," + longField + "\r\nO2,C2");
        assertThat(readAll(file, ',', true)).isEqualTo(readAll(file, ',', false))
                .contains("2 [O1, " + longField + "]", "3 [O2, C2]");
    }

    @Test
    void aBadByteOnAPlainLineNamesItsLineAsTheParserDoes() throws IOException {
        Path file = dir.resolve("orders.csv");
        byte[] good = "order_id,customer_id\nO1,C1\nO2,".getBytes(StandardCharsets.UTF_8);
        byte[] all = java.util.Arrays.copyOf(good, good.length + 3);
        all[good.length] = (byte) 0xFF;
        all[good.length + 1] = '\n';
        all[good.length + 2] = 'O';
        Files.write(file, all);
        List<String> plain = readAll(file, ',', true);
        assertSameReading(plain, readAll(file, ',', false), "a bad byte");
        assertThat(plain).containsExactly("header [order_id, customer_id]", "2 [O1, C1]", "failed: orders.csv line 3:"
                + " cannot read on: bytes that are not valid UTF-8 (set the input's encoding in the job file, or use auto)");
    }

    /** Every row an input file makes (valid rows with their source's line and fields), or the failure, read one way or the other. */
    private List<String> rows(Path file, InputFile input, IngestSettings settings, boolean fromBytes) {
        List<String> out = new ArrayList<>();
        try (CsvInput in = CsvInput.open(file, input, StandardCharsets.UTF_8, ',', java.util.Map.of(), true)) {
            RowParser parser = input.parser(in.header(), settings);
            for (Parsed<?> p; (p = fromBytes ? in.next(parser.lines(), parser) : next(in, parser)) != null; ) {
                SourceRecord source = p.source();
                out.add(source.file() + ":" + source.line() + " " + java.util.Arrays.asList(source.values()) + " "
                        + (p instanceof Parsed.Valid<?> v ? "valid " + v.row() : "bad " + ((Parsed.Bad<?>) p).reject()));
            }
            out.add("sha256 " + in.sha256Hex());
        } catch (BadInputException e) {
            out.add("failed: " + e.getMessage());
        }
        return out;
    }

    private static Parsed<?> next(CsvInput in, RowParser parser) {
        SourceRecord r = in.next();
        return r == null ? null : parser.apply(r);
    }

    /**
     * The rows read straight from plain lines' bytes are the rows their records make: on random orders, interactions
     * and customers files with usual and awkward values, quoted fields, blank lines, CRLF, BOMs, text outside ASCII, lines
     * with too few or too many fields and bytes that are not UTF-8, the same rows (each with its file, line and
     * fields, read again from the file for the rows read from the bytes), the same rejects, the same digest, or the
     * same failure; and many valid rows come from the bytes.
     */
    @Test
    void rowsReadFromTheBytesAreTheRowsTheRecordsMake() throws IOException {
        java.util.Random random = new java.util.Random(5);
        IngestSettings settings = new IngestSettings(java.util.Set.of("PAID", "COMPLETED"), java.util.Set.of("REFUNDED"),
                "CNY", java.util.Map.of(), new DateTimeText(List.of("yyyy-MM-dd", "yyyy-MM-dd HH:mm:ss")));
        String[][] orderPieces = {{"SO1", "SO2", "SO1 ", "订单", ""}, {"C1", "C2", " C3", "客户"},
                {"2026-11-20", "2026-11-20 08:00:00", "2026-02-30", "20.11.2026", ""}, {"12.50", "0", "-3", "1,299", "x"},
                {"CNY", "cny", "", "USD", "人民币"}, {"PAID", "refunded", "", "LOST", "已付"}};
        String[][] interactionPieces = {{"IA1", "IA2", "", " I"}, {"C1", "C2", "客户"},
                {"2026-11-20 08:00:00", "2026-11-20", "bad"}, {"PHONE", "wechat", " DM ", "微信", ""}, {"IN", "OUT", "in", "x"},
                {"", "4", "0", "x"}, {"", "产品咨询", " 投诉 ", "\u0001"}};
        String[][] customerPieces = {{"C1", "C2", " C3", "客户", ""}, {"张伟", "Ana", "", " 张伟"}, {"138", "", " 1"},
                {"a@x.cn", ""}, {"华东", "", "x\u0001"}, {"零售", ""}, {"上海", ""}, {"李娜", ""}, {"wechat", "PHONE", ""},
                {"false", "true", "是", "maybe"}, {"2024-03-05", "", "x"}};
        int fromBytes = 0;
        long valid = 0;
        for (int round = 0; round < 300; round++) {
            InputFile input = InputFile.values()[round % 3];
            String[][] pieces = switch (input) {
                case ORDERS -> orderPieces;
                case INTERACTIONS -> interactionPieces;
                case CUSTOMERS -> customerPieces;
            };
            List<String> header = switch (input) {
                case ORDERS -> List.of("order_id", "customer_id", "order_date", "amount", "currency", "status");
                case INTERACTIONS -> List.of("interaction_id", "customer_id", "occurred_at", "channel", "direction",
                        "satisfaction", "topic");
                case CUSTOMERS -> List.of("customer_id", "name", "phone", "email", "company", "industry", "region", "owner",
                        "preferred_channel", "opt_out", "created_at");
            };
            StringBuilder text = new StringBuilder(String.join(",", header));
            boolean note = round % 5 == 1; // a column the parser does not read, in orders and interactions files
            if (note) {
                text.append(",note");
            }
            int lines = random.nextInt(60);
            for (int l = 0; l < lines; l++) {
                text.append(random.nextInt(5) == 0 ? "\r\n" : "\n");
                int kind = random.nextInt(25);
                if (kind == 0) {
                    continue; // a blank line
                }
                int fields = pieces.length + (note ? 1 : 0) + (kind == 1 ? -2 : kind == 2 ? 1 : 0);
                for (int f = 0; f < fields; f++) {
                    if (f > 0) {
                        text.append(',');
                    }
                    String[] choices = f < pieces.length ? pieces[f]
                            : new String[] {"note", "备注", "x".repeat(70_000)}; // a line longer than the reader's buffer
                    String v = choices[random.nextInt(3) > 0 ? random.nextInt(2) : random.nextInt(choices.length)];
                    text.append(random.nextInt(300) == 0 ? "\"" + v + "\"" : v); // the CSV parser reads on from a quote
                }
            }
            byte[] bytes = ((round % 4 == 1 ? "\uFEFF" : "") + text).getBytes(StandardCharsets.UTF_8); // a BOM in some
            if (random.nextInt(10) == 0 && bytes.length > 80) {
                bytes[70 + random.nextInt(bytes.length - 70)] = (byte) 0xC3; // maybe not UTF-8 any more
            }
            Path file = dir.resolve(input.fileName());
            Files.write(file, bytes);
            List<String> expected = rows(file, input, settings, false);
            assertThat(rows(file, input, settings, true)).as("round %d: %s", round, text).isEqualTo(expected);
            valid += expected.stream().filter(r -> r.contains(" valid ")).count();
            try (CsvInput in = CsvInput.open(file, input, StandardCharsets.UTF_8, ',', java.util.Map.of(), true)) {
                RowParser parser = input.parser(in.header(), settings);
                for (Parsed<?> p; (p = in.next(parser.lines(), r -> new Parsed.Valid<>(r, "record"))) != null; ) {
                    fromBytes += "record".equals(((Parsed.Valid<?>) p).row()) ? 0 : 1;
                }
            } catch (BadInputException e) {
                // counted above
            }
        }
        assertThat(fromBytes).as("valid rows from the bytes, of %d", valid).isGreaterThan((int) (valid / 3)); // the others: after a quote, or awkward values the full path reads
    }
}
