package rfm.job;

import java.util.List;

import rfm.ingest.Parsed;

/** A {@link RecordBlock} parsed: every record of one file, in file order, as a valid or a bad row. */
record ParsedBlock(String file, List<Parsed<?>> rows) {
}
