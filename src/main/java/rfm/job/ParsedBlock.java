package rfm.job;

import java.util.List;

import rfm.ingest.Parsed;

/**
 * The item of an ingest step: consecutive records of one input file, as many as a chunk commits at once, each
 * parsed into a valid or a bad row, in file order. Spring Batch's per-item work (reading and writing each item
 * through its observations and listeners) then runs once per block instead of once per row.
 */
record ParsedBlock(String file, List<Parsed<?>> rows) {
}
