package rfm.job;

import rfm.ingest.SourceRecord;

/**
 * For restart tests only: with the system property {@code rfm.fault.fail-at=<file>:<line>}, reading that
 * record fails once, as a crash would at that point; with {@code rfm.fault.fail-at=step:<name>}, that step fails
 * once where it calls {@link #check(String)}. The property is then cleared so the rerun succeeds. See also
 * {@link #pause(String)}.
 */
final class FaultInjection {

    static final String PROPERTY = "rfm.fault.fail-at";
    static final String PAUSE_PROPERTY = "rfm.fault.pause-at";

    private FaultInjection() {
    }

    static void check(SourceRecord r) {
        failIfAt(r.file() + ":" + r.line());
    }

    static void check(String step) {
        failIfAt("step:" + step);
    }

    /**
     * With {@code rfm.fault.pause-at=step:<name>:<millis>}, the work of that step pauses that long, once, where it
     * calls this: for tests of what else happens meanwhile (a failure beside a write still going).
     */
    static void pause(String step) {
        String at = System.getProperty(PAUSE_PROPERTY);
        String point = "step:" + step + ":";
        if (at != null && at.startsWith(point)) {
            System.clearProperty(PAUSE_PROPERTY);
            try {
                Thread.sleep(Long.parseLong(at.substring(point.length())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void failIfAt(String point) {
        String at = System.getProperty(PROPERTY);
        if (at != null && at.equals(point)) {
            System.clearProperty(PROPERTY);
            throw new IllegalStateException("injected fault at " + at + " (" + PROPERTY + ")");
        }
    }
}
