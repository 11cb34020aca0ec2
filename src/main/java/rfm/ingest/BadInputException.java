package rfm.ingest;

/** Input the job cannot use at all (missing file or column, unreadable file, too many bad rows): exit code 2. */
public class BadInputException extends RuntimeException {

    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
