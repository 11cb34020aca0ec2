package rfm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run with Spring's AOT start-up (spring.aot.enabled, as the run script starts the job) called from a JVM whose
 * main class is not the job's, as the bench's runs of the job in one JVM (bench.WarmRuns) and this test are: the
 * bean definitions generated at build time (by the package phase's process-aot, so this is an IT) are found by the
 * job's class, not by the caller's, which has none.
 */
class AotStartIT {

    @TempDir
    Path tmp;

    @Test
    void theBuildTimeBeanDefinitionsAreFoundWhicheverClassStartedTheJvm() {
        String before = System.getProperty("spring.aot.enabled");
        System.setProperty("spring.aot.enabled", "true");
        try {
            int code = RfmApplication.run("--input", "sample-data", "--output", tmp.resolve("out").toString(),
                    "--as-of", "2026-11-22", "--db", tmp.resolve("db").toString(), "--job", "sample-data/sample-shop.yml",
                    "--quiet");
            assertThat(code).isZero();
            assertThat(tmp.resolve("out/2026-11-22/customers_scored.csv")).exists();
        } finally {
            if (before == null) {
                System.clearProperty("spring.aot.enabled");
            } else {
                System.setProperty("spring.aot.enabled", before);
            }
        }
    }
}
