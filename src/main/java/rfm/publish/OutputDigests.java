package rfm.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.stream.Stream;

import org.apache.commons.codec.binary.Hex;
import org.apache.commons.codec.digest.DigestUtils;

/**
 * SHA-256 of the files of an output folder, worked out beside other work. {@link #start} lists the files already
 * there and hashes them, one after another, on a thread of its own while the caller goes on (the summary step works
 * out the report's figures meanwhile, on the other core). {@link #of} gives a file's digest: the first call hashes,
 * on the caller's thread and last file first, the files the other thread has not started, so that both cores finish
 * them; a file written after the start, or one the caller names as rewritten, is hashed when asked for. The CSV
 * files, nearly all of the bytes, are not read at all: their digests were taken as they were written.
 */
public final class OutputDigests implements AutoCloseable {

    private final Map<Path, FutureTask<String>> started = new HashMap<>();
    private final List<FutureTask<String>> inOrder = new ArrayList<>();
    private final ExecutorService thread;
    private boolean helped;

    private OutputDigests(List<Path> files) {
        thread = Executors.newSingleThreadExecutor(task -> {
            Thread t = new Thread(task, "output-digests");
            t.setDaemon(true);
            return t;
        });
        for (Path file : files) {
            FutureTask<String> task = new FutureTask<>(() -> sha256(file));
            started.put(file, task);
            inOrder.add(task);
            thread.execute(task);
        }
    }

    /**
     * Starts hashing the files in {@code folder} and below, but those named in {@code rewritten} (relative to the
     * folder, '/' between names), which the caller is about to write again. The files started must not change.
     */
    public static OutputDigests start(Path folder, Set<String> rewritten) {
        return new OutputDigests(files(folder).stream()
                .filter(p -> !rewritten.contains(name(folder, p)))
                .toList());
    }

    /** The regular files in a folder and below, in name order. */
    static List<Path> files(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file's name relative to the folder, '/' between names. */
    static String name(Path folder, Path file) {
        return folder.relativize(file).toString().replace('\\', '/');
    }

    /** The file's SHA-256, hex. */
    public String of(Path file) {
        if (!helped) {
            helped = true;
            for (int i = inOrder.size() - 1; i >= 0; i--) {
                inOrder.get(i).run(); // hashes it here unless the other thread has started it (then nothing)
            }
        }
        FutureTask<String> task = started.get(file);
        try {
            if (task == null) {
                return sha256(file);
            }
            return task.get();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw new UncheckedIOException("cannot read " + file, io);
            }
            throw new IllegalStateException("hashing " + file + " failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while hashing " + file, e);
        }
    }

    /** Stops the thread (any file it has not hashed is left). */
    @Override
    public void close() {
        thread.shutdownNow();
    }

    /**
     * The file's SHA-256: as {@link CsvOutput} worked it out while writing the file ({@link WrittenDigests}) when the
     * file is still as written, else read from the file in large parts ({@link UncachedFile#read}; the 1 KiB reads of
     * {@code DigestUtils.sha256Hex(InputStream)} cost more than the hashing at some 700 MB of output).
     */
    static String sha256(Path p) throws IOException {
        String written = WrittenDigests.take(p);
        if (written != null) {
            return written;
        }
        MessageDigest digest = DigestUtils.getSha256Digest();
        UncachedFile.read(p, (bytes, n) -> digest.update(bytes, 0, n));
        return Hex.encodeHexString(digest.digest());
    }
}
