package rfm.job;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waiting for work handed to a thread of its own, so that what made it fail fails the caller as it is. */
final class Background {

    private Background() {
    }

    /**
     * Waits for the task; rethrows an unchecked exception or error of the task as it is, and anything else (or an
     * interruption of the wait) as an {@link IllegalStateException} naming {@code what} the task was doing.
     */
    static void await(Future<?> task, String what) {
        await(task, what, RuntimeException.class);
    }

    /** As {@link #await(Future, String)}, and a checked exception of type {@code passed} as it is too. */
    static <X extends Exception> void await(Future<?> task, String what, Class<X> passed) throws X {
        try {
            task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + what, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (passed.isInstance(cause)) {
                throw passed.cast(cause);
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("failed while " + what, cause);
        }
    }
}
