package rfm.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The header line of an input file: which column holds which field (names trimmed, case-insensitive). */
public final class Header {

    private final InputFile file;
    private final List<String> names;
    private final Map<String, List<String>> aliases;
    private final Map<String, Integer> indexByName = new HashMap<>();

    public Header(InputFile file, List<String> names) {
        this(file, names, Map.of());
    }

    /**
     * @param aliases per field, other header names it may have (lower case); the field's own name always works
     */
    public Header(InputFile file, List<String> names, Map<String, List<String>> aliases) {
        this.file = file;
        this.names = List.copyOf(names);
        this.aliases = aliases;
        for (int i = 0; i < names.size(); i++) {
            indexByName.putIfAbsent(clean(names.get(i)), i);
        }
    }

    /** Header names are compared trimmed and lower case, without a byte order mark of any encoding. */
    private static String clean(String name) {
        return name.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
    }

    /** Fields that several columns could be, with the column chosen: worth a line in the log. */
    public List<String> ambiguities() {
        List<String> notes = new ArrayList<>();
        for (String field : aliases.keySet()) {
            List<String> found = new ArrayList<>();
            for (String name : accepted(field)) {
                for (String column : names) {
                    if (clean(column).equals(name) && !found.contains(column)) {
                        found.add(column);
                    }
                }
            }
            if (found.size() > 1) {
                notes.add(field + " is read from column '" + found.get(0) + "' (also found: "
                        + String.join(", ", found.subList(1, found.size())) + "; the job file's alias order decides)");
            }
        }
        notes.sort(null);
        return notes;
    }

    /** The column of a field (by its own name first, then its aliases in order), or -1 when the file does not have it. */
    public int index(String field) {
        Integer i = indexByName.get(field);
        if (i != null) {
            return i;
        }
        for (String alias : aliases.getOrDefault(field, List.of())) {
            i = indexByName.get(alias);
            if (i != null) {
                return i;
            }
        }
        return -1;
    }

    /** The names a field is recognised by, for messages. */
    public List<String> accepted(String field) {
        List<String> all = new ArrayList<>();
        all.add(field);
        all.addAll(aliases.getOrDefault(field, List.of()));
        return all;
    }

    public int size() {
        return names.size();
    }

    public List<String> names() {
        return names;
    }

    public List<String> missingRequiredFields() {
        List<String> missing = new ArrayList<>();
        for (String field : file.requiredFields()) {
            if (index(field) < 0) {
                missing.add(field);
            }
        }
        return missing;
    }
}
