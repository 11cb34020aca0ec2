package rfm.job;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.io.input.BoundedInputStream;

import rfm.ingest.CustomerProfile;
import rfm.ingest.InteractionRow;
import rfm.ingest.OrderRow;
import rfm.ingest.PackedId;
import rfm.ingest.PackedOrderId;
import rfm.measure.CustomerLedger;
import rfm.publish.UncachedFile;

/**
 * What an ingest step has folded into the ledger, as a compact append-only file beside the staging folder.
 * The ledger lives in memory; after a crash it is rebuilt by replaying the journal of every finished step,
 * and of the failed step up to its last committed chunk, instead of reading and checking those rows again.
 * The journal starts with a fingerprint of the input files, so a changed input is never replayed.
 * <p>
 * A record is written short, as a large night's journals came to about as many bytes as its inputs (750 MB) and
 * writing them cost the job 1.5 s: numbers and lengths as variable-length integers; an order's id as the part that
 * differs from the order before's (exports list orders in id order: {@code SO10000123} after {@code SO10000122} is
 * 3 bytes) and its day as the difference from that order's; a customer id of the usual shape ({@code C0819302})
 * as the number of its shape and its digits as a number; the values rows share (channels, topics, companies,
 * owners, ...) as a number once seen. Each record therefore depends on those before it: a journal is only ever
 * read from its start, and a resumed journal goes on from what its replay left. (Large set: 754 MB of journal
 * before, 243 MB since.)
 */
final class IngestJournal implements AutoCloseable {

    /** "RJN3": front-coded order ids, customer ids by shape, shared values, varints. */
    private static final int MAGIC = 0x524A4E33;
    private static final int AMOUNT_AS_TEXT = -128;
    private static final int OUTBOUND = 1;
    private static final int SATISFACTION = 2;
    private static final int OPT_OUT = 1;
    private static final int CREATED = 2;

    /**
     * What the records so far leave to the next ones: the last order's id and day, the customer ids' shapes seen,
     * and the shared values seen, each numbered from 1 in the order first written. Only values of at most
     * {@link #SHARED_LENGTH} characters are numbered, at most {@link #SHARED_COUNT} of them (free-text topics would
     * fill it for nothing).
     */
    private static final class Context {
        static final int SHARED_LENGTH = 32;
        static final int SHARED_COUNT = 4096;

        static final int SHAPES = 64;
        static final int MAX_DIGITS = 18;

        /** The last order's id: as text, or packed ({@link PackedOrderId}) when {@code lastOrderCode} is not 0. */
        String lastOrderId = "";
        long lastOrderCode;
        int lastOrderDay;
        /** A packed order id's characters, for writing them. */
        final byte[] orderChars = new byte[PackedOrderId.MAX_LENGTH];

        String lastOrderText() {
            return lastOrderCode != 0 ? PackedOrderId.text(lastOrderCode) : lastOrderId;
        }
        final List<String> values = new ArrayList<>();
        final Map<String, Integer> numbers = new HashMap<>();
        final List<Shape> shapes = new ArrayList<>();

        void seen(String value) {
            if (value.length() <= SHARED_LENGTH && values.size() < SHARED_COUNT) {
                values.add(value);
                numbers.put(value, values.size());
            }
        }
    }

    /**
     * A customer id's shape: the text before its trailing digits, and how many digits; and the head in
     * {@link PackedId}'s words when it has at most 16 characters from U+0001 to U+00FF ({@code packs}), the
     * characters of the empty head included, for the packed ids' comparison.
     */
    private record Shape(String head, int width, boolean packs, long head0, long head1) {
        static Shape of(String head, int width) {
            boolean packs = head.isEmpty() || PackedId.packs(head);
            return new Shape(head, width, packs, packs ? PackedId.word(head, 0) : 0, packs ? PackedId.word(head, 8) : 0);
        }
    }

    /** Where a replay's rows go: the ledger, or a test's list. */
    interface Rows {
        void order(OrderRow o);

        void interaction(InteractionRow i);

        void profile(CustomerProfile p);

        void profileRejected(String customerId);

        static Rows into(CustomerLedger ledger) {
            return new Rows() {
                @Override
                public void order(OrderRow o) {
                    ledger.add(o);
                }

                @Override
                public void interaction(InteractionRow i) {
                    ledger.add(i);
                }

                @Override
                public void profile(CustomerProfile p) {
                    ledger.add(p);
                }

                @Override
                public void profileRejected(String customerId) {
                    ledger.profileRejected(customerId);
                }
            };
        }
    }

    private final Path file;
    private final JournalOutput out;
    private final Context context;

    private IngestJournal(Path file, JournalOutput out, Context context) {
        this.file = file;
        this.out = out;
        this.context = context;
    }

    /** Starts a new, empty journal for inputs with this fingerprint. */
    static IngestJournal create(Path file, String fingerprint) {
        try {
            Files.createDirectories(file.getParent());
            JournalOutput out = new JournalOutput(UncachedFile.create(file)); // never read but after a crash
            try {
                out.writeInt(MAGIC);
                out.writeString(fingerprint);
                IngestJournal journal = new IngestJournal(file, out, new Context());
                journal.flush();
                return journal;
            } catch (IOException | RuntimeException e) {
                try {
                    out.close();
                } catch (IOException | RuntimeException again) {
                    e.addSuppressed(again);
                }
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** The fingerprint a journal was written for, or null when there is no readable journal. */
    static String fingerprintOf(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try (InputStream stream = Files.newInputStream(file)) {
            JournalInput in = new JournalInput(stream);
            return in.readInt() == MAGIC ? in.readString() : null;
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Replays the first {@code length} bytes of a journal into the ledger (all of it when length is -1), cuts
     * off what came after them (a chunk that was written but never committed), and goes on appending.
     * Returns null when the file is shorter than that length: it cannot be trusted, so the step starts over.
     */
    static IngestJournal resume(Path file, long length, CustomerLedger ledger) {
        return resume(file, length, Rows.into(ledger));
    }

    /** As above, the rows going to {@code rows}. */
    static IngestJournal resume(Path file, long length, Rows rows) {
        try {
            long size = Files.size(file);
            long upTo = length < 0 ? size : length;
            if (size < upTo) {
                return null;
            }
            Context context = new Context();
            try (InputStream bounded = BoundedInputStream.builder().setInputStream(Files.newInputStream(file))
                    .setMaxCount(upTo).get()) {
                JournalInput in = new JournalInput(bounded);
                in.readInt();
                in.readString();
                replay(in, rows, context);
            }
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.truncate(upTo);
            }
            JournalOutput out = new JournalOutput(Files.newOutputStream(file, StandardOpenOption.APPEND));
            return new IngestJournal(file, out, context);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot replay " + file, e);
        }
    }

    private static void replay(JournalInput in, Rows rows, Context context) throws IOException {
        while (!in.atEnd()) {
            int type = in.readByte();
            switch (type) {
                case 'O', 'o' -> rows.order(readOrder(in, context, type == 'O'));
                case 'I' -> {
                    String customer = readCustomerId(in, context);
                    long at = in.readSignedVarLong();
                    String channel = readShared(in, context);
                    int flags = in.readByte();
                    Integer satisfaction = (flags & SATISFACTION) != 0 ? in.readSignedVarInt() : null;
                    rows.interaction(new InteractionRow(customer, at, channel, (flags & OUTBOUND) != 0, satisfaction,
                            readShared(in, context)));
                }
                case 'C' -> {
                    String[] s = new String[9];
                    for (int i = 0; i < s.length; i++) {
                        s[i] = i == 0 ? readCustomerId(in, context) : i < 4 ? in.readString() : readShared(in, context);
                    }
                    int flags = in.readByte();
                    LocalDate created = (flags & CREATED) != 0 ? LocalDate.ofEpochDay(in.readSignedVarLong()) : null;
                    rows.profile(new CustomerProfile(s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7], s[8],
                            (flags & OPT_OUT) != 0, created));
                }
                case 'R' -> rows.profileRejected(readCustomerId(in, context));
                default -> throw new IOException("unknown record type " + type);
            }
        }
    }

    private static OrderRow readOrder(JournalInput in, Context context, boolean counted) throws IOException {
        long shared = in.readVarLong();
        String lastOrderId = context.lastOrderText();
        if (shared < 0 || shared > lastOrderId.length()) {
            throw new IOException("an order id shares " + shared + " characters with one of "
                    + lastOrderId.length());
        }
        String orderId = lastOrderId.substring(0, (int) shared) + in.readString();
        String customer = readCustomerId(in, context);
        long day = context.lastOrderDay + in.readSignedVarLong();
        if (day != (int) day) {
            throw new IOException("an order's day is out of range: " + day);
        }
        context.lastOrderId = orderId;
        context.lastOrderCode = 0;
        context.lastOrderDay = (int) day;
        int scale = in.readByte();
        if (scale == AMOUNT_AS_TEXT) {
            return new OrderRow(orderId, customer, LocalDate.ofEpochDay(day), new BigDecimal(in.readString()), counted);
        }
        return new OrderRow(orderId, customer, (int) day, in.readSignedVarLong(), scale, null, counted);
    }

    void order(OrderRow o) throws IOException {
        out.writeByte(o.counted() ? 'O' : 'o');
        if (o.orderCode() != 0) {
            writeOrderId(o.orderCode());
        } else {
            writeOrderId(o.unpackedOrderId());
        }
        writeCustomerId(o.idWord0(), o.idWord1(), o.unpackedCustomerId());
        out.writeSignedVarLong((long) o.orderDay() - context.lastOrderDay);
        context.lastOrderDay = o.orderDay();
        if (o.bigAmount() == null && o.scale() < Byte.MAX_VALUE) { // the common case: units and a scale of 0 or more
            out.writeByte(o.scale());
            out.writeSignedVarLong(o.units());
        } else {
            out.writeByte(AMOUNT_AS_TEXT);
            out.writeString(o.amount().toString());
        }
    }

    void interaction(InteractionRow i) throws IOException {
        out.writeByte('I');
        writeCustomerId(i.idWord0(), i.idWord1(), i.unpackedCustomerId());
        out.writeSignedVarLong(i.occurredSecond());
        writeShared(i.channel());
        out.writeByte((i.outbound() ? OUTBOUND : 0) | (i.satisfaction() != null ? SATISFACTION : 0));
        if (i.satisfaction() != null) {
            out.writeSignedVarLong(i.satisfaction());
        }
        writeShared(i.topic());
    }

    void profile(CustomerProfile p) throws IOException {
        out.writeByte('C');
        writeCustomerId(p.customerId());
        out.writeUtf8(p.nameUtf8()); // the bytes the profile keeps, not decoded and encoded again
        out.writeUtf8(p.phoneUtf8());
        out.writeUtf8(p.emailUtf8());
        for (String s : new String[] {p.company(), p.industry(), p.region(), p.owner(), p.preferredChannel()}) {
            writeShared(s);
        }
        LocalDate created = p.createdAt();
        out.writeByte((p.optOut() ? OPT_OUT : 0) | (created != null ? CREATED : 0));
        if (created != null) {
            out.writeSignedVarLong(created.toEpochDay());
        }
    }

    void profileRejected(String customerId) throws IOException {
        out.writeByte('R');
        writeCustomerId(customerId);
    }

    /** An order id as text: how many characters it shares with the last order's id, then the rest. */
    private void writeOrderId(String id) throws IOException {
        String last = context.lastOrderText();
        int shared = 0;
        int most = Math.min(id.length(), last.length());
        while (shared < most && id.charAt(shared) == last.charAt(shared)) {
            shared++;
        }
        if (shared > 0 && shared < id.length() && Character.isLowSurrogate(id.charAt(shared))) {
            shared--; // never between the two halves of a character
        }
        out.writeVarLong(shared);
        out.writeString(id, shared, id.length());
        context.lastOrderId = id;
        context.lastOrderCode = 0;
    }

    /** As {@link #writeOrderId(String)}, the same bytes, for an id packed ({@link PackedOrderId}), without a string. */
    private void writeOrderId(long code) throws IOException {
        int n = PackedOrderId.length(code);
        long last = context.lastOrderCode;
        String lastText = context.lastOrderId;
        int lastLength = last != 0 ? PackedOrderId.length(last) : lastText.length();
        int shared = 0;
        if (last != 0 && lastLength == n) {
            // the usual case, ids of one length: the first character that differs holds the highest differing bit
            long diff = code ^ last;
            shared = diff == 0 ? n : n - 1 - (63 - Long.numberOfLeadingZeros(diff)) / 6;
        } else {
            int most = Math.min(n, lastLength);
            while (shared < most && PackedOrderId.charAt(code, n, shared)
                    == (last != 0 ? PackedOrderId.charAt(last, lastLength, shared) : lastText.charAt(shared))) {
                shared++;
            }
        }
        byte[] chars = context.orderChars;
        for (int i = shared; i < n; i++) {
            chars[i - shared] = (byte) PackedOrderId.charAt(code, n, i);
        }
        out.writeVarLong(shared);
        out.writeAscii(chars, 0, n - shared);
        context.lastOrderCode = code;
        context.lastOrderId = null;
    }

    /**
     * A customer id (9 of an order record's 18 bytes written as text): where it is some text and then up to 18 digits
     * ({@code C0819302}, {@code 2026001234}), the number of that shape and the digits as a number; a shape not seen
     * before is numbered next, and its text and digit count follow the number. Any other id: 0 and the id as text.
     */
    private void writeCustomerId(String id) throws IOException {
        if (PackedId.packs(id)) {
            writeCustomerId(PackedId.word(id, 0), PackedId.word(id, 8), null);
            return;
        }
        int n = id.length();
        int start = n;
        while (start > 0 && n - start < Context.MAX_DIGITS) {
            char c = id.charAt(start - 1);
            if (c < '0' || c > '9') {
                break;
            }
            start--;
        }
        int width = n - start;
        if (width == 0 || start > Context.SHARED_LENGTH) {
            writeIdAsText(id);
            return;
        }
        long digits = 0;
        for (int i = start; i < n; i++) {
            digits = digits * 10 + (id.charAt(i) - '0');
        }
        writeShaped(id, 0, 0, start, width, digits);
    }

    /**
     * As {@link #writeCustomerId(String)}, the same bytes, for a row's customer id: in {@link PackedId}'s words when
     * the first is not 0 (read from them, without a string), else {@code id}.
     */
    private void writeCustomerId(long w0, long w1, String id) throws IOException {
        if (w0 == 0) {
            writeCustomerId(id);
            return;
        }
        int n = PackedId.length(w0, w1); // at most 16: the head is never longer than SHARED_LENGTH
        int start = n;
        while (start > 0 && n - start < Context.MAX_DIGITS) {
            char c = PackedId.charAt(w0, w1, start - 1);
            if (c < '0' || c > '9') {
                break;
            }
            start--;
        }
        int width = n - start;
        if (width == 0) {
            writeIdAsText(PackedId.text(w0, w1));
            return;
        }
        long digits = 0;
        for (int i = start; i < n; i++) {
            digits = digits * 10 + (PackedId.charAt(w0, w1, i) - '0');
        }
        writeShaped(null, w0, w1, start, width, digits);
    }

    /**
     * An id of a shape (its head, the first {@code start} characters, then {@code width} digits): the shape's
     * number and the digits, the shape's head and width first when it is new; the id as text once the numbered
     * shapes are used up. The id is {@code id}, or when that is null the id in {@link PackedId}'s words {@code w0}
     * and {@code w1}, whose head is compared as words and whose text is made only when it is written.
     */
    private void writeShaped(String id, long w0, long w1, int start, int width, long digits) throws IOException {
        boolean packed = id == null;
        long head0 = start >= 8 ? w0 : w0 & ((1L << (start << 3)) - 1);
        long head1 = start <= 8 ? 0 : w1 & ((1L << ((start - 8) << 3)) - 1); // start < 16: a digit follows
        List<Shape> shapes = context.shapes;
        for (int k = 0; k < shapes.size(); k++) {
            Shape shape = shapes.get(k);
            if (shape.width() == width && shape.head().length() == start && (packed
                    ? shape.packs() && shape.head0() == head0 && shape.head1() == head1 : id.startsWith(shape.head()))) {
                out.writeVarLong(k + 1);
                out.writeVarLong(digits);
                return;
            }
        }
        String text = packed ? PackedId.text(w0, w1) : id;
        if (shapes.size() >= Context.SHAPES) {
            writeIdAsText(text);
            return;
        }
        shapes.add(Shape.of(text.substring(0, start), width));
        out.writeVarLong(shapes.size());
        out.writeString(text, 0, start);
        out.writeVarLong(width);
        out.writeVarLong(digits);
    }

    /** A customer id of no numbered shape: 0, then the id as text. */
    private void writeIdAsText(String id) throws IOException {
        out.writeVarLong(0);
        out.writeString(id);
    }

    private static String readCustomerId(JournalInput in, Context context) throws IOException {
        long number = in.readVarLong();
        if (number == 0) {
            return in.readString();
        }
        if (number == context.shapes.size() + 1 && number <= Context.SHAPES) {
            String head = in.readString();
            long width = in.readVarLong();
            if (width < 1 || width > Context.MAX_DIGITS) {
                throw new IOException("a customer id's digits are " + width + " long");
            }
            context.shapes.add(Shape.of(head, (int) width));
        } else if (number > context.shapes.size()) {
            throw new IOException("customer id shape " + number + " was never written");
        }
        Shape shape = context.shapes.get((int) number - 1);
        String head = shape.head();
        int width = shape.width();
        long digits = in.readVarLong();
        char[] id = new char[head.length() + width];
        head.getChars(0, head.length(), id, 0);
        for (int i = id.length - 1; i >= head.length(); i--) {
            id[i] = (char) ('0' + digits % 10);
            digits /= 10;
        }
        if (digits != 0) {
            throw new IOException("a customer id's number has more than " + width + " digits");
        }
        return new String(id);
    }

    /** A value many rows share: its number once seen, else 0 and the value itself. */
    private void writeShared(String value) throws IOException {
        Integer number = context.numbers.get(value);
        if (number != null) {
            out.writeVarLong(number);
        } else {
            out.writeVarLong(0);
            out.writeString(value);
            context.seen(value);
        }
    }

    private static String readShared(JournalInput in, Context context) throws IOException {
        long number = in.readVarLong();
        if (number == 0) {
            String value = in.readString();
            context.seen(value);
            return value;
        }
        if (number > context.values.size()) {
            throw new IOException("shared value " + number + " was never written");
        }
        return context.values.get((int) number - 1);
    }

    /** Hands everything written so far to the operating system; returns the journal's length. */
    long flush() {
        try {
            out.flush();
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
