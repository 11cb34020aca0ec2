package rfm.config;

/**
 * How the job looks after itself when run from cron.
 *
 * @param keepRuns how many dated output folders to keep (the one just written is never deleted)
 * @param logDir folder of the log files, relative to the working directory unless absolute
 * @param logRetentionDays how many days of log files to keep
 * @param textfileDir a node_exporter textfile-collector folder to write {@code rfm_nightly.prom} to; empty for none
 * @param chunkSize rows per chunk of the ingest steps: each chunk commit costs a job-repository round trip,
 *                  and a restart resumes after the last committed chunk
 */
public record Operations(Integer keepRuns, String logDir, Integer logRetentionDays, String textfileDir, Integer chunkSize) {

    public Operations {
        if (keepRuns == null || keepRuns < 1) {
            throw new IllegalArgumentException("keep-runs must be at least 1");
        }
        if (logDir == null || logDir.isBlank()) {
            throw new IllegalArgumentException("log-dir must name a folder");
        }
        if (logRetentionDays == null || logRetentionDays < 1) {
            throw new IllegalArgumentException("log-retention-days must be at least 1");
        }
        textfileDir = textfileDir == null ? "" : textfileDir.strip();
        if (chunkSize == null || chunkSize < 1) {
            throw new IllegalArgumentException("chunk-size must be at least 1");
        }
    }
}
