package rfm.ingest;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
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
    private final int columns;
    /* Column of each field (-1 for one the file does not have), looked up once per file rather than on every row. */
    private final int customerId;
    private final int optOut;
    private final int createdAt;
    private final int name;
    private final int phone;
    private final int email;
    private final int company;
    private final int industry;
    private final int region;
    private final int owner;
    private final int preferredChannel;
    private static final int MAX_SHARED = 1 << 16;
    private final Map<String, String> sharedValues = new HashMap<>();

    public CustomerProfileParser(Header header, IngestSettings settings) {
        this.settings = settings;
        this.columns = header.size();
        this.customerId = header.index("customer_id");
        this.optOut = header.index("opt_out");
        this.createdAt = header.index("created_at");
        this.name = header.index("name");
        this.phone = header.index("phone");
        this.email = header.index("email");
        this.company = header.index("company");
        this.industry = header.index("industry");
        this.region = header.index("region");
        this.owner = header.index("owner");
        this.preferredChannel = header.index("preferred_channel");
        this.knownColumnsOnly = java.util.stream.IntStream.of(customerId, optOut, createdAt, name, phone, email, company,
                industry, region, owner, preferredChannel).filter(i -> i >= 0).distinct().count() == columns;
    }

    /**
     * The opt-out words of {@link #YES} and {@link #NO} as the byte path compares them: those written in ASCII in any
     * case, 是 and 否 (which have no case) as their UTF-8 bytes.
     */
    private static final String[] YES_ASCII = {"true", "1", "yes", "y"};
    private static final String[] NO_ASCII = {"false", "0", "no", "n"};
    private static final byte[] YES_ZH = "是".getBytes(StandardCharsets.UTF_8);
    private static final byte[] NO_ZH = "否".getBytes(StandardCharsets.UTF_8);

    /** Whether the byte path reads every column of a line (then it checks every field's bytes, ASCII or not). */
    private final boolean knownColumnsOnly;

    /** The row a plain line makes straight from its bytes (see {@link #fast(PlainLines)}), or null. */
    Parsed<CustomerProfile> parse(PlainLines line, LineSource source, long number) {
        CustomerProfile profile = fast(line);
        return profile == null ? null : new Parsed.Valid<>(source, number, line.offset(), profile);
    }

    /**
     * The usual row read from a plain line's bytes: the profile {@link #parse(SourceRecord)} makes of the line's
     * record, or null (a test holds the two to it). Read so: an id of printable ASCII; an opt-out word (是, 否, or one
     * in ASCII) or none; a creation date in one of the usual ISO patterns or none; and a name, phone and email that
     * are already what their text would be (see {@link PlainLines#isCleanText}), whose bytes the profile then keeps
     * as they are. A line with bytes outside ASCII is read when every column is one of this file's, each of which is
     * then checked or decoded.
     */
    CustomerProfile fast(PlainLines line) {
        if (line.fields() != columns || !line.ascii() && !knownColumnsOnly
                || !line.isPlainId(customerId, settings.maxIdLength())) {
            return null;
        }
        boolean out = false;
        if (!line.isEmpty(optOut)) {
            out = line.is(optOut, YES_ZH) || anyOf(line, YES_ASCII);
            if (!out && !line.is(optOut, NO_ZH) && !anyOf(line, NO_ASCII)) {
                return null;
            }
        }
        int createdDay = Integer.MIN_VALUE;
        if (!line.isEmpty(createdAt)) {
            createdDay = settings.dates().epochDay(line.bytes(), line.from(createdAt), line.to(createdAt));
            if (createdDay == DateTimeText.ASK_PARSE) {
                return null;
            }
        }
        if (!line.isCleanText(name) || !line.isCleanText(phone) || !line.isCleanText(email)) {
            return null;
        }
        byte[] contact = new byte[line.length(name) + line.length(phone) + line.length(email)];
        int nameEnd = line.copy(name, contact, 0);
        int phoneEnd = line.copy(phone, contact, nameEnd);
        line.copy(email, contact, phoneEnd);
        try {
            return CustomerProfile.ofUtf8(line.string(customerId), contact, nameEnd, phoneEnd, sharedText(line, company),
                    sharedText(line, industry), sharedText(line, region), sharedText(line, owner),
                    shared(SourceRecord.text(line.string(preferredChannel)).toUpperCase(Locale.ROOT)), out, createdDay);
        } catch (CharacterCodingException e) {
            return null; // the record's reading reports the bytes
        }
    }

    private boolean anyOf(PlainLines line, String[] words) {
        for (String w : words) {
            if (line.equalsIgnoreCase(optOut, w)) {
                return true;
            }
        }
        return false;
    }

    private String sharedText(PlainLines line, int column) throws CharacterCodingException {
        return shared(SourceRecord.text(line.string(column)));
    }

    public Parsed<CustomerProfile> parse(SourceRecord r) {
        Parsed<CustomerProfile> shape = Parsed.badShape(r, columns);
        if (shape != null) {
            return shape;
        }
        String id = r.value(customerId);
        Parsed<CustomerProfile> ids = Parsed.badIds(r, settings.maxIdLength(), "customer_id", id);
        if (ids != null) {
            return ids;
        }
        String optOutText = r.text(optOut).toLowerCase(Locale.ROOT);
        if (!YES.contains(optOutText) && !NO.contains(optOutText)) {
            // refusing beats guessing: a misread opt-out would send staff to a customer who said no
            return Parsed.bad(r, RejectReason.BAD_OPT_OUT, "opt_out '" + r.text(optOut)
                    + "' is not one of true/1/yes/y/是 or false/0/no/n/否");
        }
        String created = r.text(createdAt);
        LocalDate createdOn = null;
        if (!created.isEmpty()) {
            int day = settings.dates().epochDay(created); // the usual ISO text without the parser's objects
            if (day != DateTimeText.ASK_PARSE) {
                createdOn = LocalDate.ofEpochDay(day);
            } else {
                LocalDateTime parsed = settings.dates().parse(created);
                if (parsed == null) {
                    return Parsed.bad(r, RejectReason.BAD_DATE, "created_at '" + created
                            + "' matches none of the date formats (" + settings.dates().describe() + ")");
                }
                createdOn = parsed.toLocalDate();
            }
        }
        return new Parsed.Valid<>(r, new CustomerProfile(id, r.text(name), r.text(phone), r.text(email),
                shared(r.text(company)), shared(r.text(industry)), shared(r.text(region)), shared(r.text(owner)),
                shared(r.text(preferredChannel).toUpperCase(Locale.ROOT)), YES.contains(optOutText), createdOn));
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
}
