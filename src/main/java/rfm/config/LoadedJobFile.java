package rfm.config;

import java.nio.file.Path;

/**
 * A job file as the command read and checked it when it started. The run uses it instead of reading the file a
 * second time (about 40 ms of Spring's binder and the YAML parser, though warm by then), so a run also uses exactly
 * the settings that were checked; a backfill's nights all use them too.
 */
public record LoadedJobFile(Path path, JobFile job) {

    public LoadedJobFile {
        path = path.toAbsolutePath().normalize();
    }

    /** The job file at {@code file}: the one loaded when it is the same path, else read now. */
    public JobFile at(Path file) {
        return file.toAbsolutePath().normalize().equals(path) ? job : JobFileLoader.load(file);
    }
}
