package rfm.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.apache.commons.codec.digest.DigestUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunSummaryDigestTest {

    @TempDir
    Path dir;

    @Test
    void digestOfAFileSpanningSeveralReadsIsTheDigestOfItsBytes() throws Exception {
        byte[] bytes = new byte[(5 << 20) / 2 + 17]; // two and a half buffers and a bit
        new Random(7).nextBytes(bytes);
        Path file = Files.write(dir.resolve("big.csv"), bytes);

        assertThat(RunSummary.sha256(file)).isEqualTo(DigestUtils.sha256Hex(bytes));
    }

    @Test
    void digestOfAnEmptyFile() throws Exception {
        Path file = Files.write(dir.resolve("empty.csv"), new byte[0]);

        assertThat(RunSummary.sha256(file))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }
}
