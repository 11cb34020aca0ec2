package rfm.job;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemStream;

import rfm.ingest.CustomerProfileParser;
import rfm.ingest.Header;
import rfm.ingest.IngestSettings;
import rfm.ingest.InputFile;
import rfm.ingest.InteractionParser;
import rfm.ingest.OrderParser;
import rfm.ingest.Parsed;
import rfm.ingest.SourceRecord;

/**
 * Adapts the domain's row parsers to an ingest step: a valid row goes on to the writer, a bad row is thrown
 * as {@link RowRejectedException} for the skip machinery. One parser per file (each has its own header).
 */
class RowParser implements ItemProcessor<SourceRecord, Parsed.Valid<?>>, ItemStream {

    private final IngestRun current;
    private final InputFileReader reader;
    private final InputFile file;
    private final Map<Header, Function<SourceRecord, Parsed<?>>> parsers = new HashMap<>();

    RowParser(IngestRun current, InputFileReader reader, InputFile file) {
        this.current = current;
        this.reader = reader;
        this.file = file;
    }

    /** A new step execution: parsers of an earlier one (other headers, maybe another job file) are dropped. */
    @Override
    public void open(ExecutionContext context) {
        parsers.clear();
    }

    @Override
    public Parsed.Valid<?> process(SourceRecord record) {
        Parsed<?> parsed = parsers.computeIfAbsent(reader.header(record.file()), this::parserFor).apply(record);
        if (parsed instanceof Parsed.Bad<?> bad) {
            throw new RowRejectedException(bad.reject());
        }
        return (Parsed.Valid<?>) parsed;
    }

    private Function<SourceRecord, Parsed<?>> parserFor(Header header) {
        IngestSettings settings = current.get().job().ingestSettings(file);
        return switch (file) {
            case ORDERS -> new OrderParser(header, settings)::parse;
            case INTERACTIONS -> new InteractionParser(header, settings)::parse;
            case CUSTOMERS -> new CustomerProfileParser(header, settings)::parse;
        };
    }
}
