package rfm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {

    @TempDir
    Path tmp;

    @Test
    void anH2FileByDefault() {
        Database db = Database.of("data/rfm", null, Map.of());
        assertThat(db.url()).startsWith("jdbc:h2:file:").contains("data/rfm");
        assertThat(db.lockFile()).isEqualTo(Path.of("data/rfm.lock"));
    }

    @Test
    void postgresCredentialsFromTheEnvironmentOrAFile() throws Exception {
        Database fromEnv = Database.of("jdbc:postgresql://db:5432/rfm", null, Map.of("RFM_DB_USER", "rfm", "RFM_DB_PASSWORD", "s3cret"));
        assertThat(fromEnv.user()).isEqualTo("rfm");
        assertThat(fromEnv.password()).isEqualTo("s3cret");
        Path file = tmp.resolve("db.properties");
        Files.writeString(file, "user=ops\npassword=from-file\n");
        Database fromFile = Database.of("jdbc:postgresql://db:5432/rfm", file, Map.of("RFM_DB_USER", "rfm"));
        assertThat(fromFile.user()).isEqualTo("ops");
        assertThat(fromFile.password()).isEqualTo("from-file");
        assertThat(fromFile.lockFile()).isEqualTo(fromEnv.lockFile());
    }

    @Test
    void theMigrationsOfItsVendorAndTheCommonOnes() {
        assertThat(Database.of("data/rfm", null, Map.of()).springProperties())
                .containsEntry("spring.flyway.locations", "classpath:db/migration/h2,classpath:db/migration/common");
        Map<String, Object> postgres = Database.of("jdbc:postgresql://db:5432/rfm", null, Map.of()).springProperties();
        assertThat(postgres)
                .containsEntry("spring.flyway.locations", "classpath:db/migration/postgresql,classpath:db/migration/common");
        for (String folder : ((String) postgres.get("spring.flyway.locations") + ",classpath:db/migration/h2").split(",")) {
            assertThat(getClass().getClassLoader().getResource(folder.substring("classpath:".length()))).as(folder).isNotNull();
        }
    }

    @Test
    void aPasswordOnTheCommandLineIsRefused() {
        assertThatThrownBy(() -> Database.of("jdbc:postgresql://db:5432/rfm?user=a&password=b", null, Map.of()))
                .hasMessageContaining("must not carry a password");
        assertThatThrownBy(() -> Database.of("jdbc:postgresql://a:b@db:5432/rfm", null, Map.of()))
                .hasMessageContaining("must not carry a password");
        assertThatThrownBy(() -> Database.of("jdbc:mysql://db/rfm", null, Map.of())).hasMessageContaining("jdbc:postgresql");
    }
}
