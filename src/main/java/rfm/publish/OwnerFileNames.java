package rfm.publish;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.codec.digest.DigestUtils;

/**
 * Turns names from the data (owners) into file names that stay inside their folder and open on every
 * system: letters (any script), digits, '-' and '_' are kept, anything else becomes '_', Windows device
 * names and dot files are avoided, and a name that had to change gets a short hash of the real name so two
 * owners never share a file. The real name stays inside the file.
 */
public final class OwnerFileNames {

    private static final Set<String> WINDOWS_DEVICES = Set.of("CON", "PRN", "AUX", "NUL",
            "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
            "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9");
    private static final int MAX_LENGTH = 60;

    private final Map<String, String> taken = new HashMap<>();

    /** The file name (without extension) for an owner; the same owner always gets the same name. */
    public String of(String owner) {
        StringBuilder safe = new StringBuilder();
        owner.codePoints().limit(MAX_LENGTH).forEach(cp -> {
            boolean keep = Character.isLetterOrDigit(cp) || cp == '-' || cp == '_';
            safe.appendCodePoint(keep ? cp : '_');
        });
        String name = safe.toString();
        boolean changed = !name.equals(owner) || WINDOWS_DEVICES.contains(name.toUpperCase(Locale.ROOT)) || name.isEmpty();
        if (changed) {
            name = (name.isEmpty() ? "owner" : name) + "-" + shortHash(owner);
        }
        String previous = taken.putIfAbsent(name.toLowerCase(Locale.ROOT), owner);
        if (previous != null && !previous.equals(owner)) { // differs only in case: clashes on Windows and macOS
            name = name + "-" + shortHash(owner);
            taken.put(name.toLowerCase(Locale.ROOT), owner);
        }
        return name;
    }

    private static String shortHash(String s) {
        return DigestUtils.sha256Hex(s).substring(0, 8);
    }
}
