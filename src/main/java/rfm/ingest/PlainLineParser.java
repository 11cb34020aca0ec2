package rfm.ingest;

/**
 * Reads the usual rows of an input file straight from a plain line's bytes (see {@link PlainLines}), without the
 * strings of its record. It declines (null) every line it does not read exactly as the record's parser would; that
 * line's record is then made and parsed the usual way. One thread's, as the parsers are.
 *
 * @param <T> what a line is made into
 */
interface PlainLineParser<T> {

    /** What the line {@code line} has split makes, as line number {@code number} of the file {@code source} reads again; or null. */
    T parse(PlainLines line, LineSource source, long number);
}
