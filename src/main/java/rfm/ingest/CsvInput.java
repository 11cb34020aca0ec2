package rfm.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestInputStream;
import java.util.HexFormat;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.commons.codec.digest.DigestUtils;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;

/**
 * Streams the records of one input CSV file (RFC 4180 quoting with the given delimiter; CRLF or LF; the given
 * charset, a UTF-8 BOM skipped), each with the physical line it starts on. Blank lines are skipped: they are
 * not rows. A file that ends inside a quoted field yields a last, truncated record instead of failing.
 *
 * <p>A UTF-8 file is read straight from its bytes while its lines are plain (no quotes; see {@link PlainLines}),
 * which is most exports' every line and several times cheaper than decoding and parsing characters; from the
 * first line that is not, Commons CSV reads the rest. Both ways give the same records, line numbers and errors.
 */
public final class CsvInput implements Closeable {

    private static final String TRUNCATED = "EOF reached before encapsulated token finished";

    private final Path path;
    private final String fileName;
    private final char delimiter;
    private final Header header;
    private final DigestInputStream digest;
    private final Charset charset;
    /** The UTF-8 file's stream with its byte order mark skipped; null for other charsets. */
    private final BOMInputStream bom;
    /** Reads again the lines whose rows were read from their bytes, for the few whose records are asked for. */
    private LineSource lineSource;
    /** The file's identity when opened (see {@link LineSource}). */
    private final Object fileKey;
    /** Reads the file while its lines are plain (see {@link PlainLines}); null once the CSV parser has taken over. */
    private PlainLines plain;
    private CSVParser parser;
    private Iterator<CSVRecord> records;
    /** Lines read before the CSV parser took over, which counts its lines from there. */
    private long parserFirstLine;
    private long lastLineEnd;
    private boolean ended;

    private CsvInput(Path path, InputFile file, Charset charset, char delimiter, Map<String, List<String>> aliases,
                     boolean plainLines) throws IOException {
        this.path = path;
        this.fileName = path.getFileName().toString();
        this.charset = charset;
        this.delimiter = delimiter;
        this.digest = new DigestInputStream(Files.newInputStream(path), DigestUtils.getSha256Digest());
        this.fileKey = Files.readAttributes(path, BasicFileAttributes.class).fileKey();
        this.bom = charset.equals(StandardCharsets.UTF_8) ? BOMInputStream.builder().setInputStream(digest).get() : null;
        InputStream in = bom != null ? bom : digest;
        if (plainLines && charset.equals(StandardCharsets.UTF_8) && PlainLines.usable(delimiter)) {
            plain = new PlainLines(in, delimiter);
        } else {
            startParser(in);
        }
        SourceRecord first = nextRecord();
        if (first == null) {
            close();
            throw new BadInputException(path.getFileName() + ": the file is empty; expected a header line with "
                    + String.join(", ", file.requiredFields()));
        }
        if (first.isTruncated()) {
            close();
            throw new BadInputException(fileName + " line 1: the header line ends inside a quoted field");
        }
        this.header = new Header(file, Arrays.asList(first.values()), aliases);
    }

    /** Commons CSV from here on, over the rest of the (BOM-less) bytes. */
    private void startParser(InputStream in) throws IOException {
        var decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setDelimiter(delimiter)
                .setIgnoreEmptyLines(false) // we skip blank lines ourselves, so line numbers stay exact
                .get();
        parser = CSVParser.builder().setReader(new InputStreamReader(in, decoder)).setFormat(format).get();
        records = parser.iterator();
    }

    /** Opens a UTF-8, comma-separated input file with the default header names and reads its header line. */
    public static CsvInput open(Path path, InputFile file) {
        return open(path, file, StandardCharsets.UTF_8, ',', Map.of());
    }

    /**
     * Opens an input file and reads its header line.
     *
     * @param aliases per field, the other header names it may have (lower case)
     */
    public static CsvInput open(Path path, InputFile file, Charset charset, char delimiter,
                                Map<String, List<String>> aliases) {
        return open(path, file, charset, delimiter, aliases, true);
    }

    /** As above; {@code plainLines} false reads every line through the CSV parser (tests compare the two ways). */
    static CsvInput open(Path path, InputFile file, Charset charset, char delimiter, Map<String, List<String>> aliases,
                         boolean plainLines) {
        try {
            return new CsvInput(path, file, charset, delimiter, aliases, plainLines);
        } catch (IOException | UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException || e instanceof CharacterCodingException) {
                throw undecodable(path, charset, e);
            }
            throw new BadInputException(path.getFileName() + ": cannot read the header: " + e.getMessage(), e);
        }
    }

    private static BadInputException undecodable(Path path, Charset charset, Exception e) {
        return new BadInputException(path.getFileName() + " line " + Encodings.lineOfFirstError(path, charset)
                + ": cannot read on: bytes that are not valid " + charset.name()
                + " (set the input's encoding in the job file, or use auto)", e);
    }

    public String fileName() {
        return fileName;
    }

    public Charset charset() {
        return charset;
    }

    public Header header() {
        return header;
    }

    /** The next non-blank record, or null at the end of the file. */
    public SourceRecord next() {
        while (true) {
            SourceRecord r = nextRecord();
            if (r == null) {
                return null;
            }
            if (!(r.size() == 1 && r.values()[0].isBlank())) {
                return r;
            }
        }
    }

    /**
     * The next non-blank record made into a row: straight from its line's bytes by {@code lines} when the line is
     * plain and that makes one, else by {@code parse} from the record {@link #next()} gives; null at the end of the
     * file. Both ways count lines alike.
     */
    <T> T next(PlainLineParser<? extends T> lines, Function<SourceRecord, ? extends T> parse) {
        if (plain != null && !ended && split() == PlainLines.LINE && plain.fields() > 1) { // one field may be a blank line
            if (lineSource == null) {
                lineSource = new LineSource(path, fileName, delimiter, bomLength(), fileKey);
            }
            T row = lines.parse(plain, lineSource, plain.lines() + 1);
            if (row != null) {
                plain.consume();
                lastLineEnd = plain.lines();
                return row;
            }
            try {
                return parse.apply(plainRecord(plain.values())); // the line split already, not split again
            } catch (CharacterCodingException e) {
                throw undecodable(path, charset, e);
            }
        }
        SourceRecord r = next();
        return r == null ? null : parse.apply(r);
    }

    /** The record of the plain line just taken, with these fields. */
    private SourceRecord plainRecord(String[] values) {
        lastLineEnd = plain.lines();
        return new SourceRecord(fileName, lastLineEnd, values);
    }

    /** The bytes of the byte order mark the file starts with, which the lines' offsets do not count. */
    private int bomLength() {
        try {
            return bom != null && bom.hasBOM() ? bom.getBOM().length() : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e); // read with the header line already
        }
    }

    private int split() {
        try {
            return plain.split();
        } catch (IOException e) {
            throw new BadInputException(fileName + " line " + (lastLineEnd + 1) + ": cannot read on: " + e.getMessage(), e);
        }
    }

    private SourceRecord nextRecord() {
        if (ended) {
            return null;
        }
        if (plain != null) {
            try {
                String[] values = plain.next();
                if (values == null) {
                    ended = true;
                    return null;
                }
                if (values != PlainLines.NOT_PLAIN) {
                    return plainRecord(values);
                }
                parserFirstLine = plain.lines(); // a quote or a lone carriage return: the CSV parser takes over
                InputStream rest = plain.rest();
                plain = null;
                startParser(rest);
            } catch (CharacterCodingException e) {
                throw undecodable(path, charset, e);
            } catch (IOException e) {
                throw new BadInputException(fileName + " line " + (lastLineEnd + 1) + ": cannot read on: " + e.getMessage(), e);
            }
        }
        try {
            if (!records.hasNext()) {
                ended = true;
                return null;
            }
            CSVRecord record = records.next();
            long start = lastLineEnd + 1;
            lastLineEnd = parserFirstLine + parser.getCurrentLineNumber();
            return new SourceRecord(fileName, start, record.values());
        } catch (UncheckedIOException e) {
            String message = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
            if (message != null && message.contains(TRUNCATED)) {
                ended = true;
                long start = lastLineEnd + 1;
                long end = parserFirstLine + parser.getCurrentLineNumber();
                if (end > start) {
                    // more than the last line: a stray quote would turn all the lines after it into one field
                    throw new BadInputException(fileName + " line " + start + ": a quote opened on this line is never closed;"
                            + " lines " + start + " to " + end + " would be one field. Fix the quote and run again.", e);
                }
                // a quote opened on the last line and never closed: a cut-off last record, reported as a row
                return SourceRecord.truncated(fileName, start);
            }
            // after a broken quote or undecodable bytes the parser cannot find the next record again
            if (e.getCause() instanceof CharacterCodingException) {
                throw undecodable(path, charset, e);
            }
            // the parser's own "at line: n, position: p" counts from where it took over, not from the file's start
            String detail = message == null ? null : message.replaceFirst(" at line: \\d+, position: \\d+", "");
            throw new BadInputException(fileName + " line " + (lastLineEnd + 1) + ": cannot read on: " + detail, e);
        }
    }

    /** SHA-256 of the file's bytes, hex; complete once every record has been read. */
    public String sha256Hex() {
        return HexFormat.of().formatHex(digest.getMessageDigest().digest());
    }

    @Override
    public void close() {
        try {
            if (parser == null) {
                digest.close();
                return;
            }
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
