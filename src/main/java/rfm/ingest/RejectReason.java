package rfm.ingest;

/** Why a row was not used, as a short stable code. Only bad rows count toward the reject limit. */
public enum RejectReason {
    COLUMN_COUNT(true),
    MISSING_ID(true),
    BAD_ID(true),
    TRUNCATED_ROW(true),
    BAD_DATE(true),
    BAD_AMOUNT(true),
    NEGATIVE_AMOUNT(true),
    UNKNOWN_STATUS(true),
    UNKNOWN_CURRENCY(true),
    BAD_DIRECTION(true),
    BAD_SATISFACTION(true),
    BAD_OPT_OUT(true),
    DUPLICATE_ORDER(false),
    DUPLICATE_CUSTOMER(false),
    FUTURE_DATE(false);

    private final boolean bad;

    RejectReason(boolean bad) {
        this.bad = bad;
    }

    /** A bad row is broken data; duplicates and future-dated rows are valid data that is reported, not used. */
    public boolean bad() {
        return bad;
    }
}
