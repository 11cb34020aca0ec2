package rfm.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFolderTest {

    static final LocalDate D = LocalDate.of(2026, 11, 22);

    @TempDir
    Path root;

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void theRunPublishesUnderItsAsOfDate() {
        OutputFolder folder = new OutputFolder(root, D);
        assertThat(folder.published()).isEqualTo(root.resolve("2026-11-22"));
        assertThat(folder.staging().getParent()).isEqualTo(root);
        assertThat(folder.staging().getFileName().toString()).startsWith(".");
    }

    @Test
    void stagingStartsEmptyEvenAfterAFailedAttempt() throws IOException {
        OutputFolder folder = new OutputFolder(root, D);
        Path staging = folder.startStaging();
        Files.createDirectories(staging.resolve("segments"));
        Files.writeString(staging.resolve("segments/LOST.csv"), "half");
        Path again = folder.startStaging();
        assertThat(again).isEqualTo(staging).isEmptyDirectory();
    }

    @Test
    void publishingMovesTheStagingFolderIntoPlace() throws IOException {
        OutputFolder folder = new OutputFolder(root, D);
        Path staging = folder.startStaging();
        Files.createDirectories(staging.resolve("segments"));
        Files.writeString(staging.resolve("customers_scored.csv"), "new");
        Files.writeString(staging.resolve("segments/CHAMPIONS.csv"), "c");

        Path published = folder.publish();

        assertThat(published).isEqualTo(root.resolve("2026-11-22"));
        assertThat(published.resolve("customers_scored.csv")).hasContent("new");
        assertThat(published.resolve("segments/CHAMPIONS.csv")).hasContent("c");
        assertThat(names(root)).containsExactly("2026-11-22");
    }

    @Test
    void thePublishedFolderIsUntouchedUntilPublishThenReplacedWhole() throws IOException {
        Path earlier = Files.createDirectories(root.resolve("2026-11-22"));
        Files.writeString(earlier.resolve("customers_scored.csv"), "old");
        Files.writeString(earlier.resolve("only_in_old_run.csv"), "old");
        Files.writeString(earlier.resolve("summary.json"), "{}"); // written by this job
        Path otherDay = Files.createDirectories(root.resolve("2026-11-21"));
        Files.writeString(otherDay.resolve("customers_scored.csv"), "yesterday");

        OutputFolder folder = new OutputFolder(root, D);
        Path staging = folder.startStaging();
        Files.writeString(staging.resolve("customers_scored.csv"), "new");

        assertThat(earlier.resolve("customers_scored.csv")).hasContent("old");
        assertThat(names(earlier)).containsExactly("customers_scored.csv", "only_in_old_run.csv", "summary.json");

        folder.publish();

        assertThat(earlier.resolve("customers_scored.csv")).hasContent("new");
        assertThat(names(earlier)).containsExactly("customers_scored.csv");
        assertThat(otherDay.resolve("customers_scored.csv")).hasContent("yesterday");
        assertThat(names(root)).containsExactly("2026-11-21", "2026-11-22");
    }

    @Test
    void aFolderThisJobDidNotWriteIsNeverReplaced() throws IOException {
        Path exports = Files.createDirectories(root.resolve("2026-11-22"));
        Files.writeString(exports.resolve("orders.csv"), "the day's export");
        OutputFolder folder = new OutputFolder(root, D);
        assertThat(folder.problemWith(exports)).contains("inside").contains("choose another --output");
        assertThat(folder.problemWith(root.resolve("elsewhere"))).contains("was not written by this job");
        folder.startStaging();
        org.assertj.core.api.Assertions.assertThatThrownBy(folder::publish).hasMessageContaining("not replacing it");
        assertThat(exports.resolve("orders.csv")).hasContent("the day's export");
    }

    @Test
    void aCrashBetweenTheTwoRenamesBringsTheLastGoodOutputBack() throws IOException {
        Path replaced = Files.createDirectories(root.resolve(".2026-11-22.replaced"));
        Files.writeString(replaced.resolve("summary.json"), "{\"good\": true}");
        OutputFolder folder = new OutputFolder(root, D);
        assertThat(folder.problemWith(root.resolve("in"))).isNull();
        Path staging = folder.startStaging();
        Files.writeString(staging.resolve("summary.json"), "{\"new\": true}");
        folder.publish();
        assertThat(root.resolve("2026-11-22/summary.json")).hasContent("{\"new\": true}");
        assertThat(replaced).doesNotExist();
    }
}
