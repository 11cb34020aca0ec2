package rfm.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SHA-256 of each file {@link CsvOutput} wrote whole, taken from its bytes as they were written, so that the
 * summary does not read some 700 MB of output again (at a million customers) to hash it: {@link OutputDigests} takes
 * a file's digest from here when there is one. A digest is given only while the file has the size and modification
 * time it had when it was closed; a file written again, or appended to after a restart, is hashed from disk. A file
 * written before a restart, by another process, was never here.
 */
final class WrittenDigests {

    private record Written(long size, FileTime modified, String sha256) {
    }

    private static final Map<Path, Written> BY_FILE = new ConcurrentHashMap<>();

    private WrittenDigests() {
    }

    /** The file was just written whole and closed; {@code sha256} is of every byte in it. */
    static void record(Path file, String sha256) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        BY_FILE.put(key(file), new Written(a.size(), a.lastModifiedTime(), sha256));
    }

    /** The file is about to change otherwise (appended to). */
    static void forget(Path file) {
        BY_FILE.remove(key(file));
    }

    /** The digest recorded for the file, if it is still as it was written, else null; either way it is not kept. */
    static String take(Path file) {
        Written w = BY_FILE.remove(key(file));
        if (w == null) {
            return null;
        }
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return a.size() == w.size() && a.lastModifiedTime().equals(w.modified()) ? w.sha256() : null;
        } catch (IOException e) {
            return null; // hashed from disk, which reports the problem
        }
    }

    private static Path key(Path file) {
        return file.toAbsolutePath().normalize();
    }
}
