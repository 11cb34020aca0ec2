package rfm.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

class PackedIdTest {

    @Test
    void idsOfOneToSixteenLatin1CharactersPack() {
        assertThat(PackedId.packs("C")).isTrue();
        assertThat(PackedId.packs("C0819302")).isTrue();
        assertThat(PackedId.packs("ABCDEFGH12345678")).isTrue();
        assertThat(PackedId.packs("\u00e9t\u00e9-7")).isTrue(); // Latin-1 beyond ASCII
        assertThat(PackedId.packs("")).isFalse();
        assertThat(PackedId.packs("ABCDEFGH123456789")).as("17 characters").isFalse();
        assertThat(PackedId.packs("客户1")).isFalse();
        assertThat(PackedId.packs("A\u00001")).as("a NUL would end the id early").isFalse();
    }

    @Test
    void theWordsHoldTheCharactersFirstLowestAndGiveThemBack() {
        long w0 = PackedId.word("C0819302X", 0);
        long w1 = PackedId.word("C0819302X", 8);
        assertThat(w0 & 0xFF).isEqualTo('C');
        assertThat(w0 >>> 56).isEqualTo('2');
        assertThat(w1).isEqualTo('X');
        assertThat(PackedId.length(w0, w1)).isEqualTo(9);
        assertThat(PackedId.charAt(w0, w1, 8)).isEqualTo('X');
        assertThat(PackedId.text(w0, w1)).isEqualTo("C0819302X");
        for (String id : new String[] {"C", "C1234567", "C12345678", "ABCDEFGH12345678", "\u00e9t\u00e9-\u00ff"}) {
            assertThat(PackedId.text(PackedId.word(id, 0), PackedId.word(id, 8))).isEqualTo(id);
            assertThat(PackedId.length(PackedId.word(id, 0), PackedId.word(id, 8))).isEqualTo(id.length());
        }
    }

    /** The words read from a line's bytes equal the words of the text, wherever the id lies in the buffer. */
    @Test
    void wordsFromBytesEqualWordsFromText() {
        for (String id : new String[] {"C", "C1234567", "C12345678", "ABCDEFGH1234567", "ABCDEFGH12345678", "-0"}) {
            byte[] ascii = id.getBytes(StandardCharsets.US_ASCII);
            for (int before = 0; before < 3; before++) {
                for (int after = 0; after < 10; after++) { // at the buffer's end (read byte by byte) or not
                    byte[] b = new byte[before + ascii.length + after];
                    Arrays.fill(b, (byte) ',');
                    System.arraycopy(ascii, 0, b, before, ascii.length);
                    int end = before + ascii.length;
                    assertThat(PackedId.word(b, before, end, 0)).as(id + " " + before + " " + after)
                            .isEqualTo(PackedId.word(id, 0));
                    assertThat(PackedId.word(b, before, end, 8)).as(id + " " + before + " " + after)
                            .isEqualTo(PackedId.word(id, 8));
                }
            }
        }
    }

    @Test
    void aRowKeepsAnIdThatPacksAsWordsAndOthersAsText() {
        OrderRow packed = new OrderRow("O1", "C0819302", 20_000, 100, 2, null, true);
        assertThat(packed.unpackedCustomerId()).isNull();
        assertThat(packed.idWord0()).isEqualTo(PackedId.word("C0819302", 0));
        assertThat(packed.customerId()).isEqualTo("C0819302");
        assertThat(packed).as("given as words or as text, the same row")
                .isEqualTo(new OrderRow("O1", null, 20_000, 100, 2, null, true, packed.idWord0(), packed.idWord1()));

        OrderRow text = new OrderRow("O1", "客户-0819302", 20_000, 100, 2, null, true);
        assertThat(text.unpackedCustomerId()).isEqualTo("客户-0819302");
        assertThat(text.idWord0()).isZero();
        assertThat(text.customerId()).isEqualTo("客户-0819302");

        InteractionRow interaction = new InteractionRow("LONG-CUSTOMER-ID-1", 1L, "PHONE", true, null, "");
        assertThat(interaction.unpackedCustomerId()).isEqualTo("LONG-CUSTOMER-ID-1");
        assertThat(new InteractionRow("C7", 1L, "PHONE", true, null, "").customerId()).isEqualTo("C7");
    }
}
