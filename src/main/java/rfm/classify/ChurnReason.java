package rfm.classify;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.IntStream;

/** Why a NEW, ACTIVE or LOYAL customer is flagged as a churn risk; the order is the order in outputs. */
public enum ChurnReason {
    OVERDUE, DECLINING, UNHAPPY;

    /**
     * Every set of reasons, unmodifiable and in this order, at the index whose bits are its reasons' ordinals:
     * made once, so that a million customers share eight sets instead of each having its own.
     */
    private static final List<Set<ChurnReason>> SETS = IntStream.range(0, 1 << values().length)
            .mapToObj(bits -> {
                Set<ChurnReason> set = EnumSet.noneOf(ChurnReason.class);
                for (ChurnReason r : values()) {
                    if ((bits & bit(r)) != 0) {
                        set.add(r);
                    }
                }
                return Collections.unmodifiableSet(set);
            })
            .toList();

    /** The shared set of the reasons whose {@link #bit}s are set. */
    static Set<ChurnReason> setOf(int bits) {
        return SETS.get(bits);
    }

    /** The shared set of these reasons (see {@link #setOf(int)}). */
    static Set<ChurnReason> setOf(Collection<ChurnReason> reasons) {
        int bits = 0;
        for (ChurnReason r : reasons) {
            bits |= bit(Objects.requireNonNull(r, "churn reason"));
        }
        return SETS.get(bits);
    }

    static int bit(ChurnReason reason) {
        return 1 << reason.ordinal();
    }
}
