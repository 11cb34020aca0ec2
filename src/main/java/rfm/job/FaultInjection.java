package rfm.job;

import rfm.ingest.SourceRecord;

/**
 * For restart tests only: with the system property {@code rfm.fault.fail-at=<file>:<line>}, reading that
 * record fails once, as a crash would at that point; the property is then cleared so the rerun succeeds.
 */
final class FaultInjection {

    static final String PROPERTY = "rfm.fault.fail-at";

    private FaultInjection() {
    }

    static void check(SourceRecord r) {
        String at = System.getProperty(PROPERTY);
        if (at != null && at.equals(r.file() + ":" + r.line())) {
            System.clearProperty(PROPERTY);
            throw new IllegalStateException("injected fault at " + at + " (" + PROPERTY + ")");
        }
    }
}
