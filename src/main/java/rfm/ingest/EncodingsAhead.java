package rfm.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Encodings detected ahead of need. Detection reads a file through (the orders of a large shop: 500 MB, most of a
 * second), so a run starts it on a thread of its own as soon as it knows its input files, while Spring starts and
 * one core is mostly idle; the prepare step then finds the answers waiting instead of reading the files itself.
 * <p>
 * An answer is used only for the same file unchanged since its detection started: same file (its inode, where
 * the file system has one), size and modification time. Any other file, or one whose detection failed, is
 * detected when asked, as without this class.
 */
public final class EncodingsAhead {

    private static final EncodingsAhead NONE = new EncodingsAhead(Map.of(), Encodings::detect);

    private record Ahead(Object fileKey, long size, FileTime modified, CompletableFuture<Encodings.Detected> detected) {

        boolean sameFileAs(BasicFileAttributes now) {
            return now != null && Objects.equals(now.fileKey(), fileKey) && now.size() == size
                    && now.lastModifiedTime().equals(modified);
        }
    }

    private final Map<Path, Ahead> ahead;
    private final Function<Path, Encodings.Detected> detector;

    private EncodingsAhead(Map<Path, Ahead> ahead, Function<Path, Encodings.Detected> detector) {
        this.ahead = ahead;
        this.detector = detector;
    }

    /** Nothing detected ahead: every file is detected when asked. */
    public static EncodingsAhead none() {
        return NONE;
    }

    /** Starts detecting these files' encodings, largest first, on one daemon thread. */
    public static EncodingsAhead start(List<Path> files) {
        return start(files, Encodings::detect);
    }

    /** The same with another detector (tests count the files it reads). */
    static EncodingsAhead start(List<Path> files, Function<Path, Encodings.Detected> detector) {
        Map<Path, Ahead> ahead = new HashMap<>();
        List<Path> bySize = new ArrayList<>();
        for (Path file : files) {
            Path key = key(file);
            BasicFileAttributes attributes = attributes(key);
            if (attributes != null && !ahead.containsKey(key)) {
                ahead.put(key, new Ahead(attributes.fileKey(), attributes.size(), attributes.lastModifiedTime(),
                        new CompletableFuture<>()));
                bySize.add(key);
            }
        }
        if (ahead.isEmpty()) {
            return new EncodingsAhead(Map.of(), detector);
        }
        bySize.sort(Comparator.comparingLong((Path p) -> ahead.get(p).size()).reversed());
        Thread thread = new Thread(() -> {
            for (Path file : bySize) {
                CompletableFuture<Encodings.Detected> result = ahead.get(file).detected();
                try {
                    result.complete(detector.apply(file));
                } catch (RuntimeException | Error e) {
                    result.completeExceptionally(e);
                }
            }
        }, "rfm-encodings");
        thread.setDaemon(true);
        thread.start();
        return new EncodingsAhead(Map.copyOf(ahead), detector);
    }

    /** The file's encoding: the answer detected ahead when there is one for the file as it is now, else detected now. */
    public Encodings.Detected detect(Path file) {
        Ahead a = ahead.get(key(file));
        if (a != null && a.sameFileAs(attributes(key(file)))) {
            try {
                return a.detected().join();
            } catch (RuntimeException e) {
                // detected again below, which reports the problem as detection always has
            }
        }
        return detector.apply(file);
    }

    /** The answer detected ahead for this file, waiting for it; null when none was started (for tests). */
    Encodings.Detected ahead(Path file) {
        Ahead a = ahead.get(key(file));
        return a == null ? null : a.detected().join();
    }

    private static Path key(Path file) {
        return file.toAbsolutePath().normalize();
    }

    private static BasicFileAttributes attributes(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return attributes.isRegularFile() ? attributes : null;
        } catch (IOException e) {
            return null; // not there or not readable: the prepare step says so when it looks
        }
    }
}
