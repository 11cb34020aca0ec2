package rfm.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import rfm.classify.SegmentRule;

class JobFileLoaderTest {

    static final Path NIGHTLY = Path.of("jobs/nightly.yml");

    @TempDir
    Path dir;

    private Path variant(String from, String to) throws IOException {
        String text = Files.readString(NIGHTLY);
        assertThat(text).contains(from);
        Path file = dir.resolve("job.yml");
        Files.writeString(file, text.replace(from, to));
        return file;
    }

    @Test
    void shippedJobFileHasSpecDefaults() {
        JobFile job = JobFileLoader.load(NIGHTLY);
        assertThat(job.lifecycle().dormantAfterDays()).isEqualTo(90);
        assertThat(job.lifecycle().churnedAfterDays()).isEqualTo(365);
        assertThat(job.churnRisk().overdueIntervalMultiple()).isEqualByComparingTo("2");
        assertThat(job.rejectLimit().percent()).isEqualByComparingTo(BigDecimal.ONE);
        assertThat(job.windows().monetaryDays()).isNull();
        assertThat(job.segments()).extracting(SegmentRule::code).containsExactly("CHAMPIONS", "LOYAL", "CANT_LOSE",
                "POTENTIAL_LOYALIST", "AT_RISK", "NEED_ATTENTION", "NEW_CUSTOMERS", "PROMISING", "ABOUT_TO_SLEEP",
                "HIBERNATING", "LOST", "PROSPECT");
        assertThat(job.scoring().method()).isEqualTo(Scoring.Method.QUANTILE);
        assertThat(job.zone().getId()).isEqualTo("Asia/Shanghai");
    }

    @Test
    void badValueNamesTheKey() throws IOException {
        Path file = variant("dormant-after-days: 90", "dormant-after-days: ninety");
        assertThatThrownBy(() -> JobFileLoader.load(file)).isInstanceOf(JobFileException.class)
                .hasMessageContaining("dormant-after-days").hasMessageContaining("ninety");
    }

    @Test
    void inconsistentThresholdsAreRefused() throws IOException {
        Path file = variant("churned-after-days: 365", "churned-after-days: 60");
        assertThatThrownBy(() -> JobFileLoader.load(file)).isInstanceOf(JobFileException.class)
                .hasMessageContaining("lifecycle").hasMessageContaining("churned-after-days");
    }

    @Test
    void unknownKeyIsRefusedWithItsName() throws IOException {
        Path file = variant("new-within-days: 60", "new-within-days: 60\n  loyal-min-frequencey: 4");
        assertThatThrownBy(() -> JobFileLoader.load(file)).isInstanceOf(JobFileException.class)
                .hasMessageContaining("unknown key").hasMessageContaining("lifecycle.loyal-min-frequencey");
    }

    @Test
    void missingKeyIsRefusedWithItsName() throws IOException {
        Path file = variant("  unhappy-within-days: 180\n", "");
        assertThatThrownBy(() -> JobFileLoader.load(file)).isInstanceOf(JobFileException.class)
                .hasMessageContaining("churn-risk.unhappy-within-days").hasMessageContaining("missing");
    }

    @Test
    void segmentTableWithAHoleIsRefused() throws IOException {
        Path file = variant("fm: \"< 2.5\"\n    name-zh: 流失客户", "fm: \"< 2\"\n    name-zh: 流失客户");
        assertThatThrownBy(() -> JobFileLoader.load(file)).isInstanceOf(JobFileException.class)
                .hasMessageContaining("segments").hasMessageContaining("no segment matches RFM codes [113, 122, 131]");
    }

    @Test
    void badScoreRangeIsRefused() throws IOException {
        Path file = variant("fm: \">= 4\"", "fm: \"four\"");
        assertThatThrownBy(() -> JobFileLoader.load(file)).isInstanceOf(JobFileException.class)
                .hasMessageContaining("segments[0].fm").hasMessageContaining("four");
    }

    @Test
    void badTimeZoneIsRefused() throws IOException {
        Path file = variant("time-zone: Asia/Shanghai", "time-zone: Mars/Base");
        assertThatThrownBy(() -> JobFileLoader.load(file)).isInstanceOf(JobFileException.class)
                .hasMessageContaining("time-zone").hasMessageContaining("Mars/Base");
    }

    @Test
    void missingFileIsRefused() {
        assertThatThrownBy(() -> JobFileLoader.load(dir.resolve("nope.yml"))).isInstanceOf(JobFileException.class)
                .hasMessageContaining("nope.yml").hasMessageContaining("does not exist");
    }

    @Test
    void thresholdScoringNeedsIncreasingBounds() throws IOException {
        Path file = variant("method: quantile", "method: thresholds");
        assertThat(JobFileLoader.load(file).scoring().method()).isEqualTo(Scoring.Method.THRESHOLDS);
        Path bad = dir.resolve("bad.yml");
        Files.writeString(bad, Files.readString(file).replace("frequency: [2, 3, 5, 10]", "frequency: [2, 3, 3, 10]"));
        assertThatThrownBy(() -> JobFileLoader.load(bad)).isInstanceOf(JobFileException.class)
                .hasMessageContaining("frequency bounds must increase");
    }

    @Test
    void jobFileCanExtendAnotherAndOverrideSomeKeys() throws IOException {
        Path file = dir.resolve("shop.yml");
        Files.writeString(file, "extends: " + NIGHTLY.toAbsolutePath() + "\nreject-limit:\n  percent: 5\nlifecycle:\n  dormant-after-days: 120\n");
        JobFile job = JobFileLoader.load(file);
        assertThat(job.rejectLimit().percent()).isEqualByComparingTo("5");
        assertThat(job.lifecycle().dormantAfterDays()).isEqualTo(120);
        assertThat(job.lifecycle().churnedAfterDays()).isEqualTo(365);
        assertThat(job.segments()).hasSize(12);
    }

    @Test
    void extendingItselfIsRefused() throws IOException {
        Path file = dir.resolve("loop.yml");
        Files.writeString(file, "extends: loop.yml\n");
        assertThatThrownBy(() -> JobFileLoader.load(file)).isInstanceOf(JobFileException.class)
                .hasMessageContaining("extends itself");
    }

    @Test
    void revisitRulesLoadWithTheirConditions() {
        JobFile job = JobFileLoader.load(NIGHTLY);
        assertThat(job.revisit().rules()).extracting(r -> r.reason()).containsExactly("CHURN_RISK", "SERVICE_RECOVERY",
                "WIN_BACK", "CARE", "ONBOARDING", "REACTIVATE", "CONVERT", "LAPSED");
        var care = job.revisit().rules().get(3);
        assertThat(care.when().anyOf()).hasSize(2);
        assertThat(care.when().noContactWithinDays()).isEqualTo(30);
        assertThat(care.channels()).containsExactly("PREFERRED", "VISIT");
        assertThat(care.enabled()).isTrue();
        assertThat(job.revisit().capacity().perDay("anyone")).isEqualTo(20);
        assertThat(job.revisit().cooldownDays()).isEqualTo(7);
    }

    @Test
    void perOwnerCapacityWithChineseNames() {
        JobFile job = JobFileLoader.load(Path.of("sample-data/sample-shop.yml"));
        assertThat(job.revisit().capacity().perDay("李娜")).isEqualTo(1);
        assertThat(job.revisit().capacity().perDay("陈静")).isEqualTo(2);
    }

    @Test
    void aMisspelledConditionIsRefused() throws IOException {
        Path file = variant("when: { stages: [DORMANT], value-tiers: [A, B] }", "when: { stage: [DORMANT], value-tiers: [A, B] }");
        assertThatThrownBy(() -> JobFileLoader.load(file)).isInstanceOf(JobFileException.class)
                .hasMessageContaining("unknown key").hasMessageContaining("when.stage");
    }

    @Test
    void aConditionNamingAnUnknownTierIsRefused() throws IOException {
        Path file = variant("value-tiers: [C, D]", "value-tiers: [C, E]");
        assertThatThrownBy(() -> JobFileLoader.load(file)).isInstanceOf(JobFileException.class)
                .hasMessageContaining("value tier E");
    }

    @Test
    void inputsCarryAliasesEncodingsAndAmountFormats() {
        JobFile job = JobFileLoader.load(NIGHTLY);
        var orders = job.inputs().orders();
        assertThat(orders.file()).isEqualTo("orders.csv");
        assertThat(orders.charset()).isNull(); // auto
        assertThat(orders.aliases("order_id")).contains("订单号", "order_no");
        assertThat(orders.amountFormat().parse("¥1,299.00")).isEqualByComparingTo("1299.00");
        assertThat(job.maxIdLength()).isEqualTo(64);
        assertThat(job.rejectLimit(rfm.ingest.InputFile.ORDERS).percent()).isEqualByComparingTo("1");
    }

    @Test
    void anAliasForAFieldTheFileDoesNotHaveIsRefused() throws IOException {
        Path file = variant("      order_id: [订单号", "      order_key: [订单号");
        assertThatThrownBy(() -> JobFileLoader.load(file)).isInstanceOf(JobFileException.class)
                .hasMessageContaining("inputs.orders.columns: order_key is not a field of orders.csv");
    }

    @Test
    void anUnknownEncodingIsRefused() throws IOException {
        Path file = variant("    file: orders.csv\n    encoding: auto", "    file: orders.csv\n    encoding: klingon");
        assertThatThrownBy(() -> JobFileLoader.load(file)).isInstanceOf(JobFileException.class)
                .hasMessageContaining("encoding 'klingon' is not known");
    }
}
