package rfm.ingest;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What became of every row of one input file. Rows read always equal the sum of the other counts:
 * nothing is dropped without being counted somewhere.
 */
public final class FileCounts {

    private static final int EXAMPLES = 5;

    private final String file;
    private final InputFile input;
    private boolean present;
    private String encoding = "";
    private long rowsRead;
    private long used;
    private long notCountedStatus;
    private long afterAsOf;
    private final Map<RejectReason, Long> rejects = new EnumMap<>(RejectReason.class);
    private final List<RejectedRow> firstBadRows = new ArrayList<>();
    private String sha256 = "";

    public FileCounts(String file, InputFile input) {
        this.file = file;
        this.input = input;
    }

    public FileCounts(String file) {
        this(file, null);
    }

    /** Which input (orders, interactions, customers) this file belongs to. */
    public InputFile input() {
        return input;
    }

    public void encoding(String how) {
        this.encoding = how;
    }

    public String encoding() {
        return encoding;
    }

    public void present(boolean present) {
        this.present = present;
    }

    public void read() {
        rowsRead++;
    }

    public void used() {
        used++;
    }

    public void notCountedStatus() {
        notCountedStatus++;
    }

    public void afterAsOf() {
        afterAsOf++;
    }

    public void rejected(RejectedRow row) {
        rejects.merge(row.reason(), 1L, Long::sum);
        if (row.reason().bad() && firstBadRows.size() < EXAMPLES) {
            firstBadRows.add(row);
        }
    }

    public void sha256(String hex) {
        this.sha256 = hex;
    }

    public String file() {
        return file;
    }

    public boolean present() {
        return present;
    }

    public long rowsRead() {
        return rowsRead;
    }

    public long rowsUsed() {
        return used;
    }

    public long rowsNotCountedStatus() {
        return notCountedStatus;
    }

    public long rowsAfterAsOf() {
        return afterAsOf;
    }

    public long rejected(RejectReason reason) {
        return rejects.getOrDefault(reason, 0L);
    }

    public long badRows() {
        return rejects.entrySet().stream().filter(e -> e.getKey().bad()).mapToLong(Map.Entry::getValue).sum();
    }

    public long rejectedRows() {
        return rejects.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Rows rejected per reason, by the reason's name in name order (as summary.json and the report list them). */
    public Map<String, Long> rejectsByReason() {
        Map<String, Long> byName = new java.util.TreeMap<>();
        rejects.forEach((reason, n) -> byName.put(reason.name(), n));
        return byName;
    }

    public List<RejectedRow> firstBadRows() {
        return List.copyOf(firstBadRows);
    }

    public String sha256() {
        return sha256;
    }

    /** The counts as one line of text, to restore after a crash (see {@link #restore(String)}). */
    public String snapshot() {
        StringBuilder b = new StringBuilder();
        b.append(rowsRead).append('|').append(used).append('|').append(notCountedStatus).append('|').append(afterAsOf)
                .append('|').append(sha256).append('|');
        rejects.forEach((reason, n) -> b.append(reason.name()).append('=').append(n).append(';'));
        return b.toString();
    }

    /** Takes back the counts of a {@link #snapshot()}. */
    public void restore(String snapshot) {
        String[] parts = snapshot.split("\\|", -1);
        rowsRead = Long.parseLong(parts[0]);
        used = Long.parseLong(parts[1]);
        notCountedStatus = Long.parseLong(parts[2]);
        afterAsOf = Long.parseLong(parts[3]);
        sha256 = parts[4];
        rejects.clear();
        for (String entry : parts[5].split(";")) {
            if (!entry.isEmpty()) {
                String[] kv = entry.split("=");
                rejects.put(RejectReason.valueOf(kv[0]), Long.parseLong(kv[1]));
            }
        }
    }

    /** True when every row read is accounted for exactly once. */
    public boolean balanced() {
        return rowsRead == used + notCountedStatus + afterAsOf + rejectedRows();
    }
}
