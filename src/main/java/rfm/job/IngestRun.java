package rfm.job;

import org.springframework.aop.scope.ScopedObject;

/**
 * The run an ingest step's reader, processor, writer and skip listener work for. {@link NightlyRun} is a
 * job-scoped proxy: every call through it looks the run up again, which costs on every row; so the step's
 * {@link IngestCheckpoint} resolves it once, when the step opens, and the parts read it from here.
 */
final class IngestRun {

    private final NightlyRun scoped;
    private NightlyRun resolved;

    IngestRun(NightlyRun scoped) {
        this.scoped = scoped;
    }

    /** Called when the step opens: binds the parts to this execution's run. */
    void resolve() {
        resolved = unproxied(scoped);
    }

    /**
     * The run behind the job-scoped proxy, for use on other threads (the job scope belongs to the thread that
     * runs the step) or on every row. Must be called on the step's thread. Not a method of the run returning
     * "this": Spring's proxy would hand back itself.
     */
    static NightlyRun unproxied(NightlyRun run) {
        return run instanceof ScopedObject proxy ? (NightlyRun) proxy.getTargetObject() : run;
    }

    NightlyRun get() {
        return resolved;
    }
}
