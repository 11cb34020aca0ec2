package rfm.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class PackedOrderIdTest {

    @Test
    void idsOfOneToTenDigitsLettersAndDashesPack() {
        assertThat(PackedOrderId.pack("SO10000123")).isNotZero();
        assertThat(PackedOrderId.pack("a-Z9")).isNotZero();
        assertThat(PackedOrderId.pack("")).isZero();
        assertThat(PackedOrderId.pack("SO100001234")).as("11 characters").isZero();
        assertThat(PackedOrderId.pack("SO_1")).isZero();
        assertThat(PackedOrderId.pack("订单1")).isZero();
    }

    @Test
    void packedIdsGiveTheirTextBackAndOrderAsTheIdsDo() {
        Random random = new Random(3);
        String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-";
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            StringBuilder id = new StringBuilder();
            for (int k = 1 + random.nextInt(10); k > 0; k--) {
                id.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            ids.add(id.toString());
        }
        for (String id : ids) {
            long packed = PackedOrderId.pack(id);
            assertThat(PackedOrderId.text(packed)).isEqualTo(id);
            assertThat(PackedOrderId.length(packed)).isEqualTo(id.length());
            byte[] line = ("x," + id + ",y").getBytes(StandardCharsets.US_ASCII);
            assertThat(PackedOrderId.pack(line, 2, 2 + id.length())).as("from bytes").isEqualTo(packed);
        }
        for (int i = 1; i < ids.size(); i++) { // by length, then character by character in the alphabet's order
            String a = ids.get(i - 1);
            String b = ids.get(i);
            int byText = a.length() != b.length() ? Integer.compare(a.length(), b.length())
                    : Integer.compare(alphabet.indexOf(firstDifference(a, b, a)), alphabet.indexOf(firstDifference(a, b, b)));
            assertThat(Long.signum(Long.compare(PackedOrderId.pack(a), PackedOrderId.pack(b)))).isEqualTo(Integer.signum(byText));
        }
        byte[] notAscii = "订单1".getBytes(StandardCharsets.UTF_8);
        assertThat(PackedOrderId.pack(notAscii, 0, notAscii.length)).isZero();
    }

    private static char firstDifference(String a, String b, String of) {
        for (int i = 0; i < a.length(); i++) {
            if (a.charAt(i) != b.charAt(i)) {
                return of.charAt(i);
            }
        }
        return of.isEmpty() ? ' ' : of.charAt(0);
    }

    @Test
    void anOrderRowKeepsAnIdThatPacksAsItsLongAndOthersAsText() {
        OrderRow packed = new OrderRow("SO10000123", "C1", 20_000, 100, 2, null, true);
        assertThat(packed.unpackedOrderId()).isNull();
        assertThat(packed.orderCode()).isEqualTo(PackedOrderId.pack("SO10000123"));
        assertThat(packed.orderId()).isEqualTo("SO10000123");
        assertThat(packed).isEqualTo(new OrderRow(null, "C1", 20_000, 100, 2, null, true, packed.idWord0(),
                packed.idWord1(), packed.orderCode()));
        OrderRow text = new OrderRow("SO_1", "C1", 20_000, 100, 2, null, true);
        assertThat(text.unpackedOrderId()).isEqualTo("SO_1");
        assertThat(text.orderCode()).isZero();
        assertThat(text.orderId()).isEqualTo("SO_1");
    }
}
