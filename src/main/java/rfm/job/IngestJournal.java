package rfm.job;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;

import org.apache.commons.io.input.BoundedInputStream;

import rfm.ingest.CustomerProfile;
import rfm.ingest.InteractionRow;
import rfm.ingest.OrderRow;
import rfm.measure.CustomerLedger;

/**
 * What an ingest step has folded into the ledger, as a compact append-only file beside the staging folder.
 * The ledger lives in memory; after a crash it is rebuilt by replaying the journal of every finished step,
 * and of the failed step up to its last committed chunk, instead of reading and checking those rows again.
 * The journal starts with a fingerprint of the input files, so a changed input is never replayed.
 */
final class IngestJournal implements AutoCloseable {

    private static final int MAGIC = 0x524A4E32; // "RJN2": amounts as scale and unscaled long
    private static final int AMOUNT_AS_TEXT = -128;

    private final Path file;
    private final JournalOutput out;

    private IngestJournal(Path file, JournalOutput out) {
        this.file = file;
        this.out = out;
    }

    /** Starts a new, empty journal for inputs with this fingerprint. */
    static IngestJournal create(Path file, String fingerprint) {
        try {
            Files.createDirectories(file.getParent());
            JournalOutput out = new JournalOutput(Files.newOutputStream(file));
            out.writeInt(MAGIC);
            out.writeString(fingerprint);
            IngestJournal journal = new IngestJournal(file, out);
            journal.flush();
            return journal;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** The fingerprint a journal was written for, or null when there is no readable journal. */
    static String fingerprintOf(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            return in.readInt() == MAGIC ? readString(in) : null;
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
        try {
            long size = Files.size(file);
            long upTo = length < 0 ? size : length;
            if (size < upTo) {
                return null;
            }
            try (InputStream bounded = BoundedInputStream.builder().setInputStream(Files.newInputStream(file))
                    .setMaxCount(upTo).get();
                 DataInputStream in = new DataInputStream(new BufferedInputStream(bounded, 1 << 16))) {
                in.readInt();
                readString(in);
                replay(in, ledger);
            }
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.truncate(upTo);
            }
            return new IngestJournal(file, new JournalOutput(Files.newOutputStream(file, StandardOpenOption.APPEND)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot replay " + file, e);
        }
    }

    private static void replay(DataInputStream in, CustomerLedger ledger) throws IOException {
        while (true) {
            int type;
            try {
                type = in.readByte();
            } catch (EOFException end) {
                return;
            }
            switch (type) {
                case 'O' -> ledger.add(new OrderRow(readString(in), readString(in), LocalDate.ofEpochDay(in.readInt()),
                        readAmount(in), in.readBoolean()));
                case 'I' -> {
                    String customer = readString(in);
                    long at = in.readLong();
                    String channel = readString(in);
                    boolean outbound = in.readBoolean();
                    int satisfaction = in.readInt();
                    ledger.add(new InteractionRow(customer, at, channel, outbound, satisfaction < 0 ? null : satisfaction,
                            readString(in)));
                }
                case 'C' -> {
                    String[] s = new String[9];
                    for (int i = 0; i < s.length; i++) {
                        s[i] = readString(in);
                    }
                    boolean optOut = in.readBoolean();
                    long created = in.readLong();
                    ledger.add(new CustomerProfile(s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7], s[8], optOut,
                            created == Long.MIN_VALUE ? null : LocalDate.ofEpochDay(created)));
                }
                case 'R' -> ledger.profileRejected(readString(in));
                default -> throw new IOException("unknown record type " + type);
            }
        }
    }

    void order(OrderRow o) throws IOException {
        out.writeByte('O');
        out.writeString(o.orderId());
        out.writeString(o.customerId());
        out.writeInt(o.orderDay());
        if (o.bigAmount() == null) { // the common case, written as writeAmount would, without a BigDecimal
            out.writeByte(o.scale());
            out.writeLong(o.units());
        } else {
            writeAmount(o.bigAmount());
        }
        out.writeBoolean(o.counted());
    }

    /** An amount as its scale and unscaled value when they fit (nearly always), else as text. */
    private void writeAmount(BigDecimal amount) throws IOException {
        int scale = amount.scale();
        if (scale > AMOUNT_AS_TEXT && scale <= Byte.MAX_VALUE) {
            java.math.BigInteger unscaled = amount.unscaledValue();
            if (unscaled.bitLength() < Long.SIZE) {
                out.writeByte(scale);
                out.writeLong(unscaled.longValue());
                return;
            }
        }
        out.writeByte(AMOUNT_AS_TEXT);
        out.writeString(amount.toString());
    }

    private static BigDecimal readAmount(DataInputStream in) throws IOException {
        int scale = in.readByte();
        return scale == AMOUNT_AS_TEXT ? new BigDecimal(readString(in)) : BigDecimal.valueOf(in.readLong(), scale);
    }

    void interaction(InteractionRow i) throws IOException {
        out.writeByte('I');
        out.writeString(i.customerId());
        out.writeLong(i.occurredSecond());
        out.writeString(i.channel());
        out.writeBoolean(i.outbound());
        out.writeInt(i.satisfaction() == null ? -1 : i.satisfaction());
        out.writeString(i.topic());
    }

    void profile(CustomerProfile p) throws IOException {
        out.writeByte('C');
        for (String s : new String[] {p.customerId(), p.name(), p.phone(), p.email(), p.company(), p.industry(),
                p.region(), p.owner(), p.preferredChannel()}) {
            out.writeString(s);
        }
        out.writeBoolean(p.optOut());
        out.writeLong(p.createdAt() == null ? Long.MIN_VALUE : p.createdAt().toEpochDay());
    }

    void profileRejected(String customerId) throws IOException {
        out.writeByte('R');
        out.writeString(customerId);
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

    private static String readString(DataInputStream in) throws IOException {
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }
}
