package rfm.job;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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
 * Adapts the domain's row parsers to an ingest step: parses every record of a block, in file order, into a
 * valid row or a bad row; the writer folds the one and files the other. One parser per file (each has its own
 * header).
 */
class RowParser implements ItemProcessor<RecordBlock, ParsedBlock>, ItemStream {

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
    public ParsedBlock process(RecordBlock block) {
        Function<SourceRecord, Parsed<?>> parser = parsers.computeIfAbsent(reader.header(block.file()), this::parserFor);
        List<Parsed<?>> parsed = new ArrayList<>(block.records().size());
        for (SourceRecord r : block.records()) {
            parsed.add(parser.apply(r));
        }
        return new ParsedBlock(block.file(), parsed);
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
