package rfm.ingest;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Objects;

/**
 * A row of customers.csv: who the customer is and who looks after it. Empty strings, never null.
 *
 * <p>A value class with record-style accessors, equality and text. A million of these live from ingest to the end
 * of the run, so the three values every customer has its own of (name, phone, email) are kept together as the
 * UTF-8 bytes of one array and made into strings when asked, and the creation date is kept as an epoch day. That is
 * one object where there were seven (three strings, their three arrays and a date). The values come from a
 * charset decoder, so they are well-formed UTF-16 and come back unchanged; the fields most customers share
 * (company, owner, region, ...) stay shared strings.
 */
public final class CustomerProfile {

    private static final byte[] NO_BYTES = {};
    private static final int NO_DAY = Integer.MIN_VALUE;

    private final String customerId;
    /** name, phone and email, one after the other, as UTF-8. */
    private final byte[] contact;
    private final int nameEnd;
    private final int phoneEnd;
    private final String company;
    private final String industry;
    private final String region;
    private final String owner;
    private final String preferredChannel;
    private final boolean optOut;
    private final boolean rejected;
    private final int createdDay;

    public CustomerProfile(String customerId, String name, String phone, String email, String company,
                           String industry, String region, String owner, String preferredChannel,
                           boolean optOut, LocalDate createdAt, boolean rejected) {
        this(customerId, Contact.of(name, phone, email), company, industry, region, owner, preferredChannel, optOut,
                day(createdAt), rejected);
    }

    /**
     * A profile whose name, phone and email are given as the UTF-8 bytes it keeps, one after the other in
     * {@code contact} (ending at {@code nameEnd}, {@code phoneEnd} and its end): the bytes a plain line holds for
     * them, which must be well-formed and already trimmed (see {@link PlainLines#isCleanText}). The creation date as an
     * epoch day, or {@link Integer#MIN_VALUE} for none.
     */
    static CustomerProfile ofUtf8(String customerId, byte[] contact, int nameEnd, int phoneEnd, String company,
                                  String industry, String region, String owner, String preferredChannel, boolean optOut,
                                  int createdDay) {
        return new CustomerProfile(customerId, new Contact(contact.length == 0 ? NO_BYTES : contact, nameEnd, phoneEnd),
                company, industry, region, owner, preferredChannel, optOut, createdDay, false);
    }

    private CustomerProfile(String customerId, Contact contact, String company, String industry, String region,
                            String owner, String preferredChannel, boolean optOut, int createdDay, boolean rejected) {
        this.customerId = Objects.requireNonNull(customerId, "customerId");
        this.contact = contact.bytes();
        this.nameEnd = contact.nameEnd();
        this.phoneEnd = contact.phoneEnd();
        this.company = Objects.requireNonNull(company, "company");
        this.industry = Objects.requireNonNull(industry, "industry");
        this.region = Objects.requireNonNull(region, "region");
        this.owner = Objects.requireNonNull(owner, "owner");
        this.preferredChannel = Objects.requireNonNull(preferredChannel, "preferredChannel");
        this.optOut = optOut;
        this.rejected = rejected;
        this.createdDay = createdDay;
    }

    /** Name, phone and email as one array of UTF-8 bytes, with where the name and the phone end. */
    private record Contact(byte[] bytes, int nameEnd, int phoneEnd) {

        static Contact of(String name, String phone, String email) {
            byte[] n = utf8(name, "name");
            byte[] p = utf8(phone, "phone");
            byte[] e = utf8(email, "email");
            if (n.length + p.length + e.length == 0) {
                return new Contact(NO_BYTES, 0, 0);
            }
            byte[] all = new byte[n.length + p.length + e.length];
            System.arraycopy(n, 0, all, 0, n.length);
            System.arraycopy(p, 0, all, n.length, p.length);
            System.arraycopy(e, 0, all, n.length + p.length, e.length);
            return new Contact(all, n.length, n.length + p.length);
        }
    }

    /** A creation date as the epoch day kept, {@link #NO_DAY} for none. */
    private static int day(LocalDate createdAt) {
        if (createdAt != null && (createdAt.toEpochDay() <= NO_DAY || createdAt.toEpochDay() > Integer.MAX_VALUE)) {
            throw new IllegalArgumentException("createdAt out of range: " + createdAt);
        }
        return createdAt == null ? NO_DAY : (int) createdAt.toEpochDay();
    }

    public CustomerProfile(String customerId, String name, String phone, String email, String company, String industry,
                           String region, String owner, String preferredChannel, boolean optOut, LocalDate createdAt) {
        this(customerId, name, phone, email, company, industry, region, owner, preferredChannel, optOut, createdAt, false);
    }

    private static byte[] utf8(String value, String what) {
        return Objects.requireNonNull(value, what).isEmpty() ? NO_BYTES : value.getBytes(StandardCharsets.UTF_8);
    }

    /** The profile of a customer that appears in orders or interactions but not in customers.csv. */
    public static CustomerProfile unknown(String customerId) {
        return new CustomerProfile(customerId, "", "", "", "", "", "", "", "", false, null);
    }

    /**
     * The profile of a customer whose only customers.csv rows were bad rows: nothing is known of it, not even
     * whether it opted out, so it gets no revisit task.
     */
    public static CustomerProfile rejectedRow(String customerId) {
        return new CustomerProfile(customerId, "", "", "", "", "", "", "", "", false, null, true);
    }

    private String text(int from, int to) {
        return from == to ? "" : new String(contact, from, to - from, StandardCharsets.UTF_8);
    }

    public String customerId() {
        return customerId;
    }

    public String name() {
        return text(0, nameEnd);
    }

    public String phone() {
        return text(nameEnd, phoneEnd);
    }

    public String email() {
        return text(phoneEnd, contact.length);
    }

    /** {@link #name()} as the UTF-8 bytes kept, for writers that copy them as they are (no String made). */
    public Utf8Text nameUtf8() {
        return new Utf8Text(contact, 0, nameEnd);
    }

    /** {@link #phone()} as the UTF-8 bytes kept. */
    public Utf8Text phoneUtf8() {
        return new Utf8Text(contact, nameEnd, phoneEnd);
    }

    /** {@link #email()} as the UTF-8 bytes kept. */
    public Utf8Text emailUtf8() {
        return new Utf8Text(contact, phoneEnd, contact.length);
    }

    public String company() {
        return company;
    }

    public String industry() {
        return industry;
    }

    public String region() {
        return region;
    }

    public String owner() {
        return owner;
    }

    public String preferredChannel() {
        return preferredChannel;
    }

    public boolean optOut() {
        return optOut;
    }

    public LocalDate createdAt() {
        return createdDay == NO_DAY ? null : LocalDate.ofEpochDay(createdDay);
    }

    public boolean rejected() {
        return rejected;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CustomerProfile p && customerId.equals(p.customerId) && nameEnd == p.nameEnd
                && phoneEnd == p.phoneEnd && Arrays.equals(contact, p.contact) && company.equals(p.company)
                && industry.equals(p.industry) && region.equals(p.region) && owner.equals(p.owner)
                && preferredChannel.equals(p.preferredChannel) && optOut == p.optOut && rejected == p.rejected
                && createdDay == p.createdDay;
    }

    @Override
    public int hashCode() {
        return Objects.hash(customerId, Arrays.hashCode(contact), nameEnd, phoneEnd, company, industry,
                region, owner, preferredChannel, optOut, rejected, createdDay);
    }

    @Override
    public String toString() {
        return "CustomerProfile[customerId=" + customerId + ", name=" + name() + ", phone=" + phone()
                + ", email=" + email() + ", company=" + company + ", industry=" + industry + ", region=" + region
                + ", owner=" + owner + ", preferredChannel=" + preferredChannel + ", optOut=" + optOut
                + ", createdAt=" + createdAt() + ", rejected=" + rejected + "]";
    }
}
