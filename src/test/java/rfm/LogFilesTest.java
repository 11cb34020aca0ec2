package rfm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import rfm.config.JobFile;
import rfm.config.JobFileLoader;

class LogFilesTest {

    @TempDir
    Path tmp;

    @Test
    void oneDatedFilePerDayAndOnlyTheLastDaysAreKept() throws Exception {
        Path job = tmp.resolve("job.yml");
        Files.writeString(job, "extends: " + Path.of("jobs/nightly.yml").toAbsolutePath()
                + "\noperations:\n  log-dir: " + tmp.resolve("logs") + "\n  log-retention-days: 3\n");
        JobFile jobFile = JobFileLoader.load(job);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        assertThat(LogFiles.today(jobFile)).isEqualTo(tmp.resolve("logs/rfm-nightly-" + today + ".log"));
        Path logs = Files.createDirectories(tmp.resolve("logs"));
        for (int daysAgo = 0; daysAgo < 6; daysAgo++) {
            Files.writeString(logs.resolve("rfm-nightly-" + today.minusDays(daysAgo) + ".log"), "x");
        }
        Files.writeString(logs.resolve("rfm-nightly-notes.log"), "not ours");
        LogFiles.deleteOld(jobFile);
        try (var files = Files.list(logs)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList()).containsExactly(
                    "rfm-nightly-" + today.minusDays(2) + ".log", "rfm-nightly-" + today.minusDays(1) + ".log",
                    "rfm-nightly-" + today + ".log", "rfm-nightly-notes.log");
        }
    }
}
