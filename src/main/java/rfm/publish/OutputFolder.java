package rfm.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A run's output folder {@code OUTPUT/<as-of>/}: everything is written into a hidden staging folder beside it
 * and renamed into place only when the run succeeds, so readers never see a half-written run.
 */
public final class OutputFolder {

    private static final Pattern DATED = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private final Path root;
    private final LocalDate asOf;

    public OutputFolder(Path root, LocalDate asOf) {
        this.root = root;
        this.asOf = asOf;
    }

    public Path published() {
        return root.resolve(asOf.toString());
    }

    public Path staging() {
        return root.resolve("." + asOf + ".staging");
    }

    /** Restart state of the run (ingest journals); removed once the run is published. */
    public Path journal() {
        return root.resolve("." + asOf + ".journal");
    }

    /**
     * Starts the staging and journal folders of a run: kept as they are when they belong to the same job
     * instance (a restart resumes from them), else emptied.
     */
    public void startRun(String runId) {
        try {
            Path owner = journal().resolve("run-id");
            if (Files.exists(owner) && Files.readString(owner).equals(runId) && Files.isDirectory(staging())) {
                return;
            }
            deleteTree(journal());
            startStaging();
            Files.createDirectories(journal());
            Files.writeString(owner, runId);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + staging(), e);
        }
    }

    /** Removes the journal folder of a published run. */
    public void finishRun() {
        try {
            deleteTree(journal());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + journal(), e);
        }
    }

    /** Starts a fresh, empty staging folder (what a failed earlier attempt left there is thrown away). */
    public Path startStaging() {
        try {
            Files.createDirectories(root);
            deleteTree(staging());
            return Files.createDirectories(staging());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the staging folder " + staging(), e);
        }
    }

    /** The file every published folder has; a folder without it was not written by this job and is never replaced. */
    public static final String MARKER = "summary.json";

    /**
     * Why this run must not write here, or null: the published folder exists but was not written by this job
     * (say it is the day's export folder), or the input folder lies inside what this run replaces.
     */
    public String problemWith(Path input) {
        Path in = input.toAbsolutePath().normalize();
        for (Path mine : List.of(published(), staging(), journal())) {
            if (in.startsWith(mine.toAbsolutePath().normalize())) {
                return "the input folder " + input + " is inside " + mine + ", which this run replaces; choose another --output";
            }
        }
        if (Files.exists(published()) && !Files.exists(published().resolve(MARKER))) {
            return published() + " exists and was not written by this job (it has no " + MARKER
                    + "); move it away or choose another --output";
        }
        return null;
    }

    /** Moves the staging folder into place with atomic renames, replacing an earlier folder of the same date. */
    public Path publish() {
        Path target = published();
        Path replaced = root.resolve("." + asOf + ".replaced");
        try {
            if (Files.exists(replaced) && !Files.exists(target)) {
                move(replaced, target); // a crash between the two renames below: the last good output comes back
            }
            deleteTree(replaced);
            if (Files.exists(target)) {
                if (!Files.exists(target.resolve(MARKER))) {
                    throw new IllegalStateException(target + " was not written by this job (no " + MARKER + "); not replacing it");
                }
                move(target, replaced);
            }
            move(staging(), target);
            deleteTree(replaced);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot publish " + staging() + " as " + target, e);
        }
    }

    /**
     * Deletes the oldest dated output folders so that {@code keep} remain; never this run's folder.
     *
     * @return the folders deleted
     */
    public List<Path> prune(int keep) {
        try (Stream<Path> children = Files.list(root)) {
            List<Path> dated = children.filter(Files::isDirectory)
                    .filter(p -> DATED.matcher(p.getFileName().toString()).matches())
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed())
                    .toList();
            List<Path> deleted = new ArrayList<>();
            for (Path p : dated.subList(Math.min(keep, dated.size()), dated.size())) {
                if (!p.equals(published())) {
                    deleteTree(p);
                    deleted.add(p);
                }
            }
            return deleted;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean up " + root, e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
