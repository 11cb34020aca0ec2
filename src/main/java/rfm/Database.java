package rfm;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import org.apache.commons.codec.digest.DigestUtils;

/**
 * Where the job repository lives: an H2 file by default ({@code --db data/rfm}), or a PostgreSQL database
 * given as a JDBC URL ({@code --db jdbc:postgresql://host:5432/db}). Credentials never come from the command
 * line: they come from RFM_DB_USER and RFM_DB_PASSWORD, or from a properties file ({@code user=},
 * {@code password=}) named by {@code --db-credentials} or RFM_DB_CREDENTIALS.
 */
record Database(String url, String user, String password, Path lockFile) {

    private static final String H2_FILE = "jdbc:h2:file:";
    private static final String MIGRATIONS = "classpath:db/migration/";

    static Database of(String db, Path credentialsFile, Map<String, String> env) {
        if (!db.startsWith("jdbc:")) {
            Path file = Path.of(db).toAbsolutePath();
            // WRITE_DELAY=0: every commit (one per chunk) reaches the file at once, so a killed run resumes from its last
            // chunk; MAX_COMPACT_TIME=0: closing does not compact, DatabaseCompaction does when the file needs it
            return new Database(H2_FILE + file + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;MAX_COMPACT_TIME=0", "sa", "",
                    Path.of(db + ".lock"));
        }
        if (!db.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("--db takes an H2 file path or a jdbc:postgresql: URL, not " + db);
        }
        String lower = db.toLowerCase(Locale.ROOT);
        if (lower.contains("password=") || lower.matches("jdbc:postgresql://[^/]*:[^/@]*@.*")) {
            throw new IllegalArgumentException("--db must not carry a password: set RFM_DB_PASSWORD or use --db-credentials FILE");
        }
        String user = env.getOrDefault("RFM_DB_USER", "");
        String password = env.getOrDefault("RFM_DB_PASSWORD", "");
        Path file = credentialsFile != null ? credentialsFile
                : env.containsKey("RFM_DB_CREDENTIALS") ? Path.of(env.get("RFM_DB_CREDENTIALS")) : null;
        if (file != null) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read the database credentials file " + file + ": " + e.getMessage());
            }
            user = p.getProperty("user", user);
            password = p.getProperty("password", password);
        }
        // one run per database on this host; the file lives beside the temporary files, named after the URL
        Path lock = Path.of(System.getProperty("java.io.tmpdir"), "rfm-nightly-" + shortHash(db) + ".lock");
        return new Database(db, user, password, lock);
    }

    /** Whether this is an H2 file database (the default), not a server. */
    boolean isH2File() {
        return url.startsWith(H2_FILE);
    }

    /** The file of an H2 database ({@code <path>.mv.db}); only for an H2 file URL. */
    Path h2File() {
        if (!isH2File()) {
            throw new IllegalStateException("not an H2 file database: " + url);
        }
        int end = url.indexOf(';');
        return Path.of(url.substring(H2_FILE.length(), end < 0 ? url.length() : end) + ".mv.db");
    }

    Map<String, Object> springProperties() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("spring.datasource.url", url);
        p.put("spring.datasource.username", user);
        p.put("spring.datasource.password", password);
        // the migrations' folder for this database named here, not as db/migration/{vendor}: Boot works that one out
        // from a connection's metadata, so the main thread opened the database (the pool and the H2 file, 0.06 s of its
        // CPU at start) while it created Flyway, before the migrations' own thread could (docs/performance.md, the
        // twenty-sixth pass). Given as the application's default properties, so application.properties must not set it
        p.put("spring.flyway.locations", MIGRATIONS + (isH2File() ? "h2" : "postgresql") + "," + MIGRATIONS + "common");
        return p;
    }

    private static String shortHash(String s) {
        return DigestUtils.sha256Hex(s).substring(0, 12);
    }
}
