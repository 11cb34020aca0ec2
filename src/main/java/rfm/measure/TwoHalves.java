package rfm.measure;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Work over a million customers done on both cores of the machine: one half on a thread of its own, the other on
 * the caller's, both finished before it returns. Below {@link #MIN_SPLIT} items the caller does it all; a thread
 * costs more than it saves there. The halves must touch disjoint data.
 */
public final class TwoHalves {

    /** Fewer items than this are not split. */
    public static final int MIN_SPLIT = 50_000;

    /** What one half does with its items {@code [from, to)}. */
    @FunctionalInterface
    public interface Range {
        void run(int from, int to);
    }

    private TwoHalves() {
    }

    /** Runs {@code body} over {@code [0, n)}, in two halves at once from {@link #MIN_SPLIT} items on. */
    public static void run(int n, Range body) {
        if (n < MIN_SPLIT) {
            body.run(0, n);
            return;
        }
        int mid = n / 2;
        both(() -> body.run(0, mid), () -> body.run(mid, n));
    }

    /**
     * Sorts the array as {@link Arrays#sort(Object[], Comparator)} does (stable): from {@link #MIN_SPLIT} items on,
     * each half on its own core, then the two merged.
     */
    public static <T> void sort(T[] a, Comparator<? super T> order) {
        sort(a, 0, a.length, order);
    }

    /** As {@link #sort(Object[], Comparator)}, the items {@code [from, to)} only. */
    public static <T> void sort(T[] a, int from, int to, Comparator<? super T> order) {
        int n = to - from;
        if (n < MIN_SPLIT) {
            Arrays.sort(a, from, to, order);
            return;
        }
        T[] left = Arrays.copyOfRange(a, from, from + n / 2);
        T[] right = Arrays.copyOfRange(a, from + n / 2, to);
        both(() -> Arrays.sort(left, order), () -> Arrays.sort(right, order));
        int i = 0;
        int j = 0;
        int k = from;
        while (i < left.length && j < right.length) {
            a[k++] = order.compare(right[j], left[i]) < 0 ? right[j++] : left[i++]; // a tie takes the left: stable
        }
        while (i < left.length) {
            a[k++] = left[i++];
        }
        while (j < right.length) {
            a[k++] = right[j++];
        }
    }

    /** Runs {@code first} on a new thread and {@code second} on this one; throws the first failure of either. */
    private static void both(Runnable first, Runnable second) {
        Throwable[] failed = new Throwable[1];
        Thread other = new Thread(() -> {
            try {
                first.run();
            } catch (Throwable t) {
                failed[0] = t;
            }
        }, Thread.currentThread().getName() + "-half");
        other.start();
        Throwable mine = null;
        try {
            second.run();
        } catch (Throwable t) {
            mine = t;
        }
        boolean interrupted = false;
        while (true) {
            try {
                other.join(); // the other half must be done before its data is used or its failure thrown
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        Throwable t = failed[0] != null ? failed[0] : mine;
        if (t instanceof RuntimeException e) {
            throw e;
        }
        if (t instanceof Error e) {
            throw e;
        }
        if (t != null) {
            throw new IllegalStateException(t);
        }
    }
}
