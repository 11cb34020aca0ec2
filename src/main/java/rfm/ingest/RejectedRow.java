package rfm.ingest;

/** A row that was not used: where it is (file, physical line, header = 1), why, and its text. */
public record RejectedRow(String file, long line, RejectReason reason, String message, String raw) {

    public RejectedRow(long line, RejectReason reason, String message, String raw) {
        this("", line, reason, message, raw);
    }

    public static RejectedRow of(SourceRecord source, RejectReason reason, String message) {
        return new RejectedRow(source.file(), source.line(), reason, message, source.raw());
    }
}
