package rfm.ingest;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads a record of customers.csv into a {@link CustomerProfile}, or says why it is a bad row. */
public final class CustomerProfileParser {

    private static final Set<String> YES = Set.of("true", "1", "yes", "y", "是");
    private static final Set<String> NO = Set.of("false", "0", "no", "n", "否", "");

    private final IngestSettings settings;
    private final Header header;
    /** Column of each field, looked up once per file rather than on every row. */
    private final Map<String, Integer> columns = new HashMap<>();
    private static final int MAX_SHARED = 1 << 16;
    private final Map<String, String> sharedValues = new HashMap<>();

    public CustomerProfileParser(Header header, IngestSettings settings) {
        this.settings = settings;
        this.header = header;
    }

    public Parsed<CustomerProfile> parse(SourceRecord r) {
        Parsed<CustomerProfile> shape = Parsed.badShape(r, header.size());
        if (shape != null) {
            return shape;
        }
        String id = r.value(header.index("customer_id"));
        Parsed<CustomerProfile> ids = Parsed.badIds(r, settings.maxIdLength(), "customer_id", id);
        if (ids != null) {
            return ids;
        }
        String optOut = field(r, "opt_out").toLowerCase(Locale.ROOT);
        if (!YES.contains(optOut) && !NO.contains(optOut)) {
            // refusing beats guessing: a misread opt-out would send staff to a customer who said no
            return Parsed.bad(r, RejectReason.BAD_OPT_OUT, "opt_out '" + field(r, "opt_out")
                    + "' is not one of true/1/yes/y/是 or false/0/no/n/否");
        }
        String created = field(r, "created_at");
        LocalDateTime createdAt = null;
        if (!created.isEmpty()) {
            createdAt = settings.dates().parse(created);
            if (createdAt == null) {
                return Parsed.bad(r, RejectReason.BAD_DATE, "created_at '" + created
                        + "' matches none of the date formats (" + settings.dates().describe() + ")");
            }
        }
        return new Parsed.Valid<>(r, new CustomerProfile(id, field(r, "name"), field(r, "phone"), field(r, "email"),
                shared(field(r, "company")), shared(field(r, "industry")), shared(field(r, "region")),
                shared(field(r, "owner")), shared(field(r, "preferred_channel").toUpperCase(Locale.ROOT)), YES.contains(optOut),
                createdAt == null ? null : createdAt.toLocalDate()));
    }

    /**
     * One String for each repeated value of the fields most customers share (owner, region, ...): at a million
     * customers that saves a few hundred megabytes. Bounded, so a column of distinct values costs nothing more.
     */
    private String shared(String value) {
        if (value.isEmpty()) {
            return "";
        }
        String known = sharedValues.get(value);
        if (known != null) {
            return known;
        }
        if (sharedValues.size() < MAX_SHARED) {
            sharedValues.put(value, value);
        }
        return value;
    }

    private String field(SourceRecord r, String name) {
        return r.text(columns.computeIfAbsent(name, header::index));
    }
}
