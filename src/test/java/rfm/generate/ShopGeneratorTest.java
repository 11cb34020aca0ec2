package rfm.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShopGeneratorTest {

    @TempDir
    Path tmp;

    @Test
    void sameSeedSameFilesWithTheAskedSizesAndAHeavyTail() throws Exception {
        new ShopGenerator(2_000, 20_000, 5_000, 7).write(tmp.resolve("a"));
        new ShopGenerator(2_000, 20_000, 5_000, 7).write(tmp.resolve("b"));
        for (String f : List.of("orders.csv", "interactions.csv", "customers.csv")) {
            assertThat(Files.readAllBytes(tmp.resolve("a").resolve(f))).as(f).isEqualTo(Files.readAllBytes(tmp.resolve("b").resolve(f)));
        }
        List<String> orders = Files.readAllLines(tmp.resolve("a/orders.csv"));
        assertThat(orders).hasSize(20_001);
        assertThat(Files.readAllLines(tmp.resolve("a/customers.csv"))).hasSize(2_001);
        assertThat(Files.readAllLines(tmp.resolve("a/interactions.csv"))).hasSize(5_001);
        Map<String, Integer> perCustomer = new HashMap<>();
        orders.stream().skip(1).forEach(l -> perCustomer.merge(l.split(",")[1], 1, Integer::sum));
        assertThat(perCustomer.size()).isBetween(1_700, 1_800); // about a tenth are prospects
        assertThat(perCustomer.values().stream().mapToInt(Integer::intValue).max().orElseThrow()).isGreaterThan(100);
        assertThat(perCustomer.values().stream().filter(v -> v == 1).count()).isGreaterThan(100);
    }
}
