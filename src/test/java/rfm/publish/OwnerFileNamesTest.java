package rfm.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OwnerFileNamesTest {

    @Test
    void plainNamesStayAsTheyAre() {
        OwnerFileNames names = new OwnerFileNames();
        assertThat(names.of("李娜")).isEqualTo("李娜");
        assertThat(names.of("li_na-2")).isEqualTo("li_na-2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../etc/x", "..", ".", "con", "CON", "nul", "com1", "a/b", "a\\b", "x:y", "", " ", "王 芳", "*?"})
    void namesFromTheDataNeverEscapeTheFolder(String owner) {
        String name = new OwnerFileNames().of(owner);
        assertThat(name).matches("[\\p{L}\\p{N}_-]+");
        assertThat(name).isNotIn("con", "CON", "nul", "com1");
        Path folder = Path.of("/out/tasks");
        assertThat(folder.resolve(name + ".csv").normalize().getParent()).isEqualTo(folder);
    }

    @Test
    void ownersThatWouldShareAFileGetDifferentNames() {
        OwnerFileNames names = new OwnerFileNames();
        String a = names.of("a/b");
        String b = names.of("a:b");
        String c = names.of("Li");
        String d = names.of("li");
        assertThat(a).isNotEqualTo(b);
        assertThat(c.toLowerCase()).isNotEqualTo(d.toLowerCase());
        assertThat(names.of("a/b")).isEqualTo(a);
    }

    @Test
    void veryLongNamesAreCut() {
        assertThat(new OwnerFileNames().of("x".repeat(500)).length()).isLessThan(80);
    }
}
