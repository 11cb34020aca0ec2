package rfm.revisit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import rfm.measure.CustomerWatch;

/** 回访效果: an order or a reply after the task was issued and at most N days after its due date converts it. */
class RevisitOutcomeTest {

    static final LocalDate ISSUED = LocalDate.of(2026, 10, 1);
    static final LocalDate DUE = ISSUED.plusDays(7);
    static final int WINDOW = 30;
    static final IssuedTask TASK = new IssuedTask("T1", ISSUED, "C1", "WIN_BACK", "PHONE", "李娜", 2, DUE);

    static int day(LocalDate d) {
        return (int) d.toEpochDay();
    }

    static RevisitOutcome outcome() {
        return new RevisitOutcome(TASK, WINDOW);
    }

    @Test
    void anOrderTheDayAfterTheTaskWasIssuedConverts() {
        RevisitOutcome o = outcome();
        o.countedOrder(day(ISSUED.plusDays(1)), new BigDecimal("120.50"));
        assertThat(o.converted()).isTrue();
        assertThat(o.ordersAfter()).isEqualTo(1);
        assertThat(o.revenueAfter()).isEqualByComparingTo("120.50");
    }

    @Test
    void anOrderOnTheLastDayOfTheWindowConverts() {
        RevisitOutcome o = outcome();
        o.countedOrder(day(DUE.plusDays(WINDOW)), BigDecimal.TEN);
        assertThat(o.converted()).isTrue();
    }

    @Test
    void anOrderOnTheIssuingDayOrBeforeCameBeforeTheTask() {
        RevisitOutcome o = outcome();
        o.countedOrder(day(ISSUED), BigDecimal.TEN);
        o.countedOrder(day(ISSUED.minusDays(3)), BigDecimal.TEN);
        assertThat(o.converted()).isFalse();
        assertThat(o.revenueAfter()).isEqualByComparingTo("0");
    }

    @Test
    void anOrderAfterTheWindowCameTooLate() {
        RevisitOutcome o = outcome();
        o.countedOrder(day(DUE.plusDays(WINDOW + 1)), BigDecimal.TEN);
        assertThat(o.converted()).isFalse();
    }

    @Test
    void aReplyConvertsButOurOwnCallDoesNot() {
        RevisitOutcome called = outcome();
        called.interaction(day(ISSUED.plusDays(2)), true);
        assertThat(called.converted()).isFalse();
        RevisitOutcome replied = outcome();
        replied.interaction(day(ISSUED.plusDays(2)), false);
        assertThat(replied.converted()).isTrue();
        assertThat(replied.ordersAfter()).isZero();
    }

    @Test
    void theWindowClosesNDaysAfterTheDueDate() {
        assertThat(TASK.followUpEnds(WINDOW)).isEqualTo(DUE.plusDays(30));
        assertThat(TASK.followUpClosedBy(DUE.plusDays(29), WINDOW)).isFalse();
        assertThat(TASK.followUpClosedBy(DUE.plusDays(30), WINDOW)).isTrue();
    }

    @Test
    void oneWatchPerCustomerFollowsAllOfItsTasks() {
        IssuedTask later = new IssuedTask("T2", ISSUED.plusDays(10), "C1", "CARE", "VISIT", "李娜", 3, DUE.plusDays(10));
        RevisitOutcome first = outcome();
        RevisitOutcome second = new RevisitOutcome(later, WINDOW);
        Map<String, CustomerWatch> watches = RevisitOutcome.watches(List.of(first, second));
        assertThat(watches).containsOnlyKeys("C1");
        watches.get("C1").countedOrder(day(ISSUED.plusDays(5)), BigDecimal.ONE); // before the second was issued
        assertThat(first.converted()).isTrue();
        assertThat(second.converted()).isFalse();
    }

    @Test
    void effectivenessTalliesByReasonChannelAndOwnerWithTotals() {
        RevisitEffectiveness e = new RevisitEffectiveness(WINDOW);
        RevisitOutcome converted = outcome();
        converted.countedOrder(day(ISSUED.plusDays(3)), new BigDecimal("100.005"));
        e.add(converted);
        e.add(new RevisitOutcome(new IssuedTask("T2", ISSUED, "C2", "WIN_BACK", "PHONE", "王芳", 2, DUE), WINDOW));
        e.add("CARE", "VISIT", "李娜", 3, 1, 2, new BigDecimal("50"), ISSUED.minusDays(20), ISSUED.minusDays(10));
        List<RevisitEffectiveness.Row> rows = e.rows();
        assertThat(rows.get(0)).satisfies(total -> {
            assertThat(total.breakdown()).isEqualTo("all");
            assertThat(total.tasks()).isEqualTo(5);
            assertThat(total.converted()).isEqualTo(2);
            assertThat(total.conversionRate()).isEqualByComparingTo("0.4000");
            assertThat(total.revenueAfter()).isEqualByComparingTo("150.005");
            assertThat(total.firstIssuedOn()).isEqualTo(ISSUED.minusDays(20));
            assertThat(total.lastIssuedOn()).isEqualTo(ISSUED);
        });
        assertThat(rows).filteredOn(r -> r.breakdown().equals("reason"))
                .extracting(RevisitEffectiveness.Row::reason, RevisitEffectiveness.Row::tasks, RevisitEffectiveness.Row::converted)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("CARE", 3L, 1L),
                        org.assertj.core.groups.Tuple.tuple("WIN_BACK", 2L, 1L));
        assertThat(rows).filteredOn(r -> r.breakdown().equals("owner")).extracting(RevisitEffectiveness.Row::owner)
                .containsExactly("李娜", "王芳");
        assertThat(rows).filteredOn(r -> r.breakdown().equals("reason+channel+owner")).hasSize(3);
        assertThat(new RevisitEffectiveness(WINDOW).total().conversionRate()).isEqualByComparingTo("0");
    }
}
