package rfm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the job's H2 file from filling up with dead space. H2 writes changed pages to new places in its file, so
 * every night's commits (the ingest chunks', the history's) leave old pages behind. Left to itself, H2 spends up to
 * its MAX_COMPACT_TIME moving some of them whenever the database closes: that took 0.8-1.1 s at the end of every
 * run at a million customers, and still let the file grow (68 MB after eight nights of the medium benchmark, for
 * 15 MB of live data). Instead the job's URL turns that off ({@code MAX_COMPACT_TIME=0}, see {@link Database}),
 * and after a run whose file (16 MB or more) is less than half live data the file is rewritten with only its live
 * pages ({@code SHUTDOWN COMPACT}), once the job's own connections are closed. PostgreSQL looks after its own files.
 */
final class DatabaseCompaction {

    private static final Logger log = LoggerFactory.getLogger(DatabaseCompaction.class);

    /** Compacted when less of the file than this, in percent, holds live pages. */
    static final int LIVE_PERCENT_TO_COMPACT = 50;
    /** A smaller file is never compacted: its dead space costs nothing worth a rewrite (a sample shop's is 1 MB). */
    static final long SMALLEST_FILE_TO_COMPACT = 16L << 20;

    private DatabaseCompaction() {
    }

    /**
     * How much of an H2 database's file holds live pages, in percent, from H2's own figures: the share of the file
     * in chunks times the share of the chunks' pages still live.
     */
    static int livePercent(DataSource h2) throws SQLException {
        try (Connection c = h2.getConnection()) {
            int fileInChunks = 100;
            int chunksLive = 100;
            try (Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT SETTING_NAME, SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                         + " WHERE SETTING_NAME IN ('info.FILL_RATE', 'info.CHUNKS_FILL_RATE')")) {
                while (r.next()) {
                    int percent = Integer.parseInt(r.getString(2).trim());
                    if (r.getString(1).equals("info.FILL_RATE")) {
                        fileInChunks = percent;
                    } else {
                        chunksLive = percent;
                    }
                }
            }
            return fileInChunks * chunksLive / 100;
        }
    }

    /**
     * After a run that completed, with the job's connections closed: rewrites the H2 file when it is mostly dead
     * space. A failure is logged and left alone: the run's results are committed, and H2 keeps the old file until the
     * new one is complete.
     */
    static void compactIfMostlyDead(Database db, int livePercent) {
        if (livePercent >= LIVE_PERCENT_TO_COMPACT || !db.isH2File()) {
            return;
        }
        Path file = db.h2File();
        long before = size(file);
        if (before < SMALLEST_FILE_TO_COMPACT) {
            return;
        }
        long started = System.nanoTime();
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
             Statement s = c.createStatement()) {
            s.execute("SHUTDOWN COMPACT");
        } catch (SQLException | RuntimeException e) {
            log.warn("Could not compact the database file {} ({}% live data): {}", file, livePercent, e.getMessage());
            return;
        }
        long after = size(file);
        if (after >= before) { // H2 reports a compaction that failed (a full disk) only in its trace file
            log.warn("Could not compact the database file {} ({}% live data): still {} MB; H2's {} may say why", file,
                    livePercent, after >> 20, file.resolveSibling(file.getFileName().toString().replace(".mv.db", ".trace.db")));
            return;
        }
        log.info("Compacted the database file {}: {}% of it was live data, {} MB -> {} MB in {} ms", file, livePercent,
                before >> 20, after >> 20, (System.nanoTime() - started) / 1_000_000);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }
}
