package rfm.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadedJobFileTest {

    @Test
    void theSameFileIsNotReadAgainHoweverItsPathIsSpelled() {
        JobFile job = JobFileLoader.load(JobFileLoaderTest.NIGHTLY);
        LoadedJobFile loaded = new LoadedJobFile(JobFileLoaderTest.NIGHTLY, job);

        assertThat(loaded.at(JobFileLoaderTest.NIGHTLY)).isSameAs(job);
        assertThat(loaded.at(JobFileLoaderTest.NIGHTLY.toAbsolutePath())).isSameAs(job);
        assertThat(loaded.at(Path.of("jobs/../jobs/./nightly.yml"))).isSameAs(job);
    }

    @Test
    void anotherFileIsRead(@TempDir Path dir) throws Exception {
        JobFile job = JobFileLoader.load(JobFileLoaderTest.NIGHTLY);
        Path other = dir.resolve("other.yml");
        Files.writeString(other, "extends: " + JobFileLoaderTest.NIGHTLY.toAbsolutePath() + "\ntime-zone: Europe/Berlin\n");

        JobFile read = new LoadedJobFile(JobFileLoaderTest.NIGHTLY, job).at(other);

        assertThat(read).isNotSameAs(job);
        assertThat(read.timeZone()).isEqualTo("Europe/Berlin");
        assertThat(job.timeZone()).isEqualTo("Asia/Shanghai");
    }
}
