package rfm;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import rfm.config.JobFile;

/** The job's log files: {@code <log-dir>/rfm-nightly-<date>.log}, one per day, kept for the job file's number of days. */
final class LogFiles {

    private static final String PREFIX = "rfm-nightly-";
    private static final String SUFFIX = ".log";

    private LogFiles() {
    }

    static Path today(JobFile job) {
        return Path.of(job.operations().logDir()).resolve(PREFIX + LocalDate.now(job.zone()) + SUFFIX);
    }

    /** Deletes log files older than log-retention-days; a log folder that cannot be read is left alone. */
    static void deleteOld(JobFile job) {
        Path dir = Path.of(job.operations().logDir());
        LocalDate oldestKept = LocalDate.now(job.zone()).minusDays(job.operations().logRetentionDays() - 1L);
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, PREFIX + "*" + SUFFIX)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                try {
                    LocalDate day = LocalDate.parse(name.substring(PREFIX.length(), name.length() - SUFFIX.length()));
                    if (day.isBefore(oldestKept)) {
                        Files.delete(f);
                    }
                } catch (DateTimeParseException | IndexOutOfBoundsException e) {
                    // not one of ours
                }
            }
        } catch (IOException e) {
            System.err.println("rfm-nightly: cannot clean up old log files in " + dir + ": " + e.getMessage());
        }
    }
}
