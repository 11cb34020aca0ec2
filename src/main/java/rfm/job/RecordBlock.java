package rfm.job;

import java.util.List;

import rfm.ingest.SourceRecord;

/**
 * The item of an ingest step: consecutive records of one input file, as many as a chunk commits at once.
 * Spring Batch's per-item work (reading, processing and writing each item through its observations and
 * listeners) then runs once per block instead of once per row.
 */
record RecordBlock(String file, List<SourceRecord> records) {
}
