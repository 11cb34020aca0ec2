package rfm.job;

import rfm.ingest.SourceRecord;

/**
 * For restart tests only: with the system property {@code rfm.fault.fail-at=<file>:<line>}, reading that
 * record fails once, as a crash would at that point; with {@code rfm.fault.fail-at=step:<name>}, that step fails
 * once where it calls {@link #check(String)}. The property is then cleared so the rerun succeeds.
 */
final class FaultInjection {

    static final String PROPERTY = "rfm.fault.fail-at";

    private FaultInjection() {
    }

    static void check(SourceRecord r) {
        failIfAt(r.file() + ":" + r.line());
    }

    static void check(String step) {
        failIfAt("step:" + step);
    }

    private static void failIfAt(String point) {
        String at = System.getProperty(PROPERTY);
        if (at != null && at.equals(point)) {
            System.clearProperty(PROPERTY);
            throw new IllegalStateException("injected fault at " + at + " (" + PROPERTY + ")");
        }
    }
}
