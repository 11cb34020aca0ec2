package rfm.config;

/** A job file that cannot be used: the message names the file, the key and what is wrong. Exit code 2. */
public class JobFileException extends RuntimeException {

    public JobFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
