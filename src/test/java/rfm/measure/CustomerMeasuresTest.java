package rfm.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class CustomerMeasuresTest {

    private static final LocalDate FIRST = LocalDate.of(2023, 5, 1);
    private static final LocalDate LAST = LocalDate.of(2026, 11, 20);

    private static CustomerMeasures buyer() {
        return new CustomerMeasures("C1", 3, new BigDecimal("12.345"), FIRST, LAST, 2, 1299, 3, 1, 1, 4,
                LocalDate.of(2026, 11, 1), LocalDate.of(2026, 10, 2), 0, LocalDate.of(2026, 9, 3), NeedCategory.SERVICE);
    }

    @Test
    void givesBackWhatItWasMadeOf() {
        CustomerMeasures m = buyer();

        assertThat(m.customerId()).isEqualTo("C1");
        assertThat(m.frequency()).isEqualTo(3);
        assertThat(m.monetary()).isEqualByComparingTo("12.345");
        assertThat(m.firstOrderDate()).isEqualTo(FIRST);
        assertThat(m.lastOrderDate()).isEqualTo(LAST);
        assertThat(m.recencyDays()).isEqualTo(2);
        assertThat(m.tenureDays()).isEqualTo(1299);
        assertThat(m.purchaseDays()).isEqualTo(3);
        assertThat(m.ordersRecent()).isEqualTo(1);
        assertThat(m.ordersPrior()).isEqualTo(1);
        assertThat(m.interactions90d()).isEqualTo(4);
        assertThat(m.lastContactDate()).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(m.lastInboundDate()).isEqualTo(LocalDate.of(2026, 10, 2));
        assertThat(m.lastSatisfaction()).isZero(); // zero is a value, not "none"
        assertThat(m.lastSurveyDate()).isEqualTo(LocalDate.of(2026, 9, 3));
        assertThat(m.needCategory()).isEqualTo(NeedCategory.SERVICE);
        assertThat(m.buyer()).isTrue();
    }

    @Test
    void aProspectHasNullsWhereItHasNoOrders() {
        CustomerMeasures m = new CustomerMeasures("P1", 0, BigDecimal.ZERO, null, null, null, null, 0, 0, 0, 0,
                null, null, null, null, null);

        assertThat(m.buyer()).isFalse();
        assertThat(m.firstOrderDate()).isNull();
        assertThat(m.lastOrderDate()).isNull();
        assertThat(m.recencyDays()).isNull();
        assertThat(m.tenureDays()).isNull();
        assertThat(m.lastContactDate()).isNull();
        assertThat(m.lastInboundDate()).isNull();
        assertThat(m.lastSatisfaction()).isNull();
        assertThat(m.lastSurveyDate()).isNull();
        assertThat(m.needCategory()).isNull();
        // the epoch day 0 and a date before it are dates, not "none"
        CustomerMeasures early = new CustomerMeasures("P2", 0, BigDecimal.ZERO, null, null, null, null, 0, 0, 0, 0,
                LocalDate.EPOCH, LocalDate.of(1900, 1, 1), null, null, null);
        assertThat(early.lastContactDate()).isEqualTo(LocalDate.EPOCH);
        assertThat(early.lastInboundDate()).isEqualTo(LocalDate.of(1900, 1, 1));
    }

    @Test
    void theLedgersFormMakesTheSameValue() {
        int none = CustomerMeasures.NONE;
        CustomerMeasures fromDays = new CustomerMeasures("C1", 3, new BigDecimal("12.345"), (int) FIRST.toEpochDay(),
                (int) LAST.toEpochDay(), 2, 1299, 3, 1, 1, 4, (int) LocalDate.of(2026, 11, 1).toEpochDay(),
                (int) LocalDate.of(2026, 10, 2).toEpochDay(), 0, (int) LocalDate.of(2026, 9, 3).toEpochDay(),
                NeedCategory.SERVICE);

        assertThat(fromDays).isEqualTo(buyer()).hasSameHashCodeAs(buyer()).hasToString(buyer().toString());
        assertThat(new CustomerMeasures("C1", 3, new BigDecimal("12.345"), none, none, none, none, 3, 1, 1, 4,
                none, none, none, none, NeedCategory.SERVICE)).isNotEqualTo(buyer());
        assertThat(buyer().toString()).contains("lastOrderDate=2026-11-20", "recencyDays=2", "lastSatisfaction=0");
    }

    @Test
    void refusesWhatItCannotKeep() {
        assertThatThrownBy(() -> new CustomerMeasures("C1", 0, BigDecimal.ZERO, null, LocalDate.MAX, null, null, 0, 0,
                0, 0, null, null, null, null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CustomerMeasures("C1", 0, BigDecimal.ZERO, null, null, Integer.MIN_VALUE, null, 0,
                0, 0, 0, null, null, null, null, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
