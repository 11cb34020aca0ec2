package rfm.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class AmountFormatTest {

    static final AmountFormat CHINA = new AmountFormat(",", ".", List.of("¥", "￥", "RMB", "CNY", "元"));

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1299.00|1299.00", "¥1,299.00|1299.00", "￥1299|1299", "RMB 35|35", "35元|35", " CNY 1,000,000.5 |1000000.5",
            "-12.50|-12.50", "+7|7", ".5|0.5", "88.125|88.125"})
    void readsWhatExportsWrite(String text, String expected) {
        assertThat(CHINA.parse(text)).isEqualByComparingTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "1.2.3", "¥", "12abc", "1e3", "--1", "$12", "12,50", "1,2,3", "1,2345.00", ",100"})
    void refusesWhatIsNotAnAmount(String text) {
        assertThat(CHINA.parse(text)).isNull();
    }

    @Test
    void plainFormatReadsOnlyPlainDecimals() {
        assertThat(AmountFormat.plain().parse("1299.00")).isEqualByComparingTo("1299");
        assertThat(AmountFormat.plain().parse("1,299.00")).isNull();
        assertThat(AmountFormat.plain().parse("¥12")).isNull();
    }

    @Test
    void plainDecimalShapes() {
        for (String ok : new String[] {"0", "12", "12.", "12.5", ".5", "+3", "-3.25", "007"}) {
            assertThat(AmountFormat.isPlainDecimal(ok)).as(ok).isTrue();
            assertThat(AmountFormat.plain().parse(ok)).as(ok).isNotNull();
        }
        for (String bad : new String[] {"", ".", "+", "-", "1.2.3", "1e5", "12a", "+-1", "1 2", "١٢"}) {
            assertThat(AmountFormat.isPlainDecimal(bad)).as(bad).isFalse();
            assertThat(AmountFormat.plain().parse(bad)).as(bad).isNull();
        }
    }

    @Test
    void europeanStyle() {
        AmountFormat eu = new AmountFormat(".", ",", List.of("€"));
        assertThat(eu.parse("1.299,50 €")).isEqualByComparingTo("1299.50");
    }

    @Test
    void separatorsMustDiffer() {
        assertThatThrownBy(() -> new AmountFormat(",", ",", List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
