package rfm.job;

import rfm.ingest.RejectedRow;

/** Thrown by the row parser for a bad row, so Spring Batch's skip machinery counts it and the skip listener files it. */
class RowRejectedException extends RuntimeException {

    private final transient RejectedRow row;

    RowRejectedException(RejectedRow row) {
        super(row.file() + " line " + row.line() + ": " + row.reason() + " " + row.message(), null, false, false);
        this.row = row;
    }

    RejectedRow row() {
        return row;
    }
}
