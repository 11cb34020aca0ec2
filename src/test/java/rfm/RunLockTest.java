package rfm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunLockTest {

    @TempDir
    Path tmp;

    @Test
    void aSecondRunOnTheSameDatabaseExitsThreeAtOnce() {
        Path db = tmp.resolve("db");
        try (RunLock held = RunLock.tryAcquire(Path.of(db + ".lock"))) {
            assertThat(held).isNotNull();
            PrintStream old = System.err;
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code;
            try {
                System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
                code = RfmApplication.run("--input", "sample-data", "--output", tmp.resolve("out").toString(),
                        "--as-of", "2026-11-22", "--db", db.toString(), "--job", "sample-data/sample-shop.yml");
            } finally {
                System.setErr(old);
            }
            assertThat(code).isEqualTo(3);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("another run holds the lock").contains("pid ");
            assertThat(tmp.resolve("out")).doesNotExist();
        }
        assertThat(RunLock.tryAcquire(Path.of(db + ".lock"))).as("released").isNotNull();
    }
}
