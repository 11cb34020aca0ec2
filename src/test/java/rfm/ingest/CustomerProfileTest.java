package rfm.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class CustomerProfileTest {

    private static CustomerProfile profile(String name, String phone, String email, LocalDate created) {
        return new CustomerProfile("C1", name, phone, email, "华东贸易", "零售", "上海", "王芳", "PHONE", true, created);
    }

    @Test
    void givesBackEveryValueAsItCame() {
        CustomerProfile p = profile("张伟", "+86 138-0013-8000", "zhang.wei@例子.cn", LocalDate.of(2019, 2, 28));

        assertThat(p.customerId()).isEqualTo("C1");
        assertThat(p.name()).isEqualTo("张伟");
        assertThat(p.phone()).isEqualTo("+86 138-0013-8000");
        assertThat(p.email()).isEqualTo("zhang.wei@例子.cn");
        assertThat(p.company()).isEqualTo("华东贸易");
        assertThat(p.industry()).isEqualTo("零售");
        assertThat(p.region()).isEqualTo("上海");
        assertThat(p.owner()).isEqualTo("王芳");
        assertThat(p.preferredChannel()).isEqualTo("PHONE");
        assertThat(p.optOut()).isTrue();
        assertThat(p.createdAt()).isEqualTo(LocalDate.of(2019, 2, 28));
        assertThat(p.rejected()).isFalse();
    }

    @Test
    void keepsEmptyValuesApartFromTheirNeighbours() {
        assertThat(profile("", "", "", null)).satisfies(p -> {
            assertThat(p.name()).isEmpty();
            assertThat(p.phone()).isEmpty();
            assertThat(p.email()).isEmpty();
            assertThat(p.createdAt()).isNull();
        });
        assertThat(profile("", "123", "", null).phone()).isEqualTo("123");
        assertThat(profile("", "", "a@b", null).email()).isEqualTo("a@b");
        assertThat(profile("Ann", "", "", null).name()).isEqualTo("Ann");
        CustomerProfile onlyNameAndEmail = profile("Zoë 😀", "", "é@x", LocalDate.of(1969, 12, 31));
        assertThat(onlyNameAndEmail.name()).isEqualTo("Zoë 😀");
        assertThat(onlyNameAndEmail.phone()).isEmpty();
        assertThat(onlyNameAndEmail.email()).isEqualTo("é@x");
        assertThat(onlyNameAndEmail.createdAt()).isEqualTo(LocalDate.of(1969, 12, 31));
    }

    @Test
    void equalsByValueAndSaysWhatItHolds() {
        CustomerProfile a = profile("李娜", "1", "x@y", LocalDate.of(2020, 1, 1));
        CustomerProfile b = profile("李娜", "1", "x@y", LocalDate.of(2020, 1, 1));

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        // the same bytes split differently are different values
        assertThat(profile("ab", "c", "", null)).isNotEqualTo(profile("a", "bc", "", null));
        assertThat(a).isNotEqualTo(profile("李娜", "1", "x@y", null));
        assertThat(CustomerProfile.unknown("C1")).isNotEqualTo(CustomerProfile.rejectedRow("C1"));
        assertThat(a.toString()).contains("name=李娜", "phone=1", "email=x@y", "createdAt=2020-01-01");
    }

    @Test
    void refusesNulls() {
        assertThatThrownBy(() -> profile(null, "", "", null)).isInstanceOf(NullPointerException.class)
                .hasMessage("name");
        assertThatThrownBy(() -> CustomerProfile.unknown(null)).isInstanceOf(NullPointerException.class);
    }
}
