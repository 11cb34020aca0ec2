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
        // not a method of the run returning "this": Spring's proxy would hand back itself
        resolved = scoped instanceof ScopedObject proxy ? (NightlyRun) proxy.getTargetObject() : scoped;
    }

    NightlyRun get() {
        return resolved;
    }
}
