package rfm.ingest;

import java.util.function.Function;

/**
 * An input file's parser under its header: each record to a valid or a bad row and, for the files that have one, a
 * way to read the usual rows straight from their plain lines' bytes ({@link PrefetchedInput#rows} uses both). Parsers
 * keep state between calls, so each belongs to one thread.
 */
public final class RowParser implements Function<SourceRecord, Parsed<?>> {

    private final Function<SourceRecord, ? extends Parsed<?>> records;
    private final PlainLineParser<? extends Parsed<?>> lines;

    RowParser(Function<SourceRecord, ? extends Parsed<?>> records, PlainLineParser<? extends Parsed<?>> lines) {
        this.records = records;
        this.lines = lines;
    }

    @Override
    public Parsed<?> apply(SourceRecord r) {
        return records.apply(r);
    }

    /** The byte path, or null when this file's rows are always read from their records. */
    PlainLineParser<? extends Parsed<?>> lines() {
        return lines;
    }
}
