package rfm.config;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import rfm.ingest.AmountFormat;

/**
 * How one input is found and read.
 *
 * @param file a file name in the input folder, or a glob ({@code 订单导出-*.csv}) whose matches are read in name order
 * @param encoding {@code auto}, or a charset name such as UTF-8 or GB18030
 * @param delimiter one character; {@code \t} for tab
 * @param dateFormats date formats for this input; empty for the job's
 * @param amountFormat how amounts are written (orders only)
 * @param columns header aliases per field
 * @param rejectLimit overrides the job's reject limit for this input
 */
public record InputFileSettings(String file, String encoding, String delimiter, List<String> dateFormats,
                                AmountFormat amountFormat, Map<String, List<String>> columns, RejectLimit rejectLimit) {

    public static final String AUTO = "auto";

    public InputFileSettings {
        if (file == null || file.isBlank() || file.contains("/") || file.contains("\\")) {
            throw new IllegalArgumentException("file must be a file name or glob inside the input folder, was '" + file + "'");
        }
        encoding = encoding == null ? AUTO : encoding.strip();
        if (!encoding.equalsIgnoreCase(AUTO)) {
            try {
                Charset.forName(encoding);
            } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                throw new IllegalArgumentException("encoding '" + encoding + "' is not known (use auto, UTF-8, GB18030, ...)");
            }
        }
        delimiter = delimiter == null ? "," : delimiter;
        if (delimiter.equals("\\t") || delimiter.equalsIgnoreCase("tab")) {
            delimiter = "\t";
        }
        if (delimiter.length() != 1 || delimiter.equals("\"") || delimiter.equals("\n") || delimiter.equals("\r")) {
            throw new IllegalArgumentException("delimiter must be one character (not a quote or line break), was '" + delimiter + "'");
        }
        dateFormats = dateFormats == null ? List.of() : List.copyOf(dateFormats);
        amountFormat = amountFormat == null ? AmountFormat.plain() : amountFormat;
        columns = columns == null ? Map.of() : Map.copyOf(columns);
    }

    /** The charset to read with, or null for auto-detection. */
    public Charset charset() {
        return encoding.equalsIgnoreCase(AUTO) ? null : Charset.forName(encoding);
    }

    public char delimiterChar() {
        return delimiter.charAt(0);
    }

    /** Aliases of a field, lower-cased. */
    public List<String> aliases(String field) {
        return columns.getOrDefault(field, List.of()).stream().map(a -> a.strip().toLowerCase(Locale.ROOT)).toList();
    }
}
