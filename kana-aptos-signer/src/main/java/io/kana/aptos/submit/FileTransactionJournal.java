package io.kana.aptos.submit;

import io.kana.core.model.AccountAddress;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * A {@link TransactionJournal} in one append-only file, forced to disk before each send.
 *
 * <p><b>Format.</b> An 8-byte magic, then records, each framed as {@code int length}, {@code int crc32c}
 * (of the length and the body) and {@code length} body bytes. A body is a <em>signed</em> record (the
 * {@link JournalEntry}) or a <em>settled</em> record (a hash and its {@link Settlement}).
 *
 * <p><b>Crashes.</b> A crash can tear only the last record: a frame running past the end of the file, or a
 * last frame whose checksum fails, is dropped on open (the file is cut back to the records before it, which
 * are kept). A checksum failure with records after it is not a torn write but damage: opening fails, since
 * a lost entry could hide a transaction that may still commit.
 *
 * <p><b>Size.</b> Settled entries are dropped by {@link #compact()}, which rewrites the file atomically
 * (a new file, forced, renamed over the old one); it runs on open and after every
 * {@value #COMPACT_AFTER} settlements.
 *
 * <p>Thread-safe. The file is locked while open, so two processes never share a journal.
 */
public final class FileTransactionJournal implements TransactionJournal {

    static final int COMPACT_AFTER = 4096;
    private static final byte[] MAGIC = {'K', 'A', 'N', 'A', 'J', 'N', 'L', '1'};
    private static final int FRAME_HEADER = 8;
    /** Far beyond any signed transaction (the node takes at most 64 KiB); a larger length is damage. */
    private static final int MAX_BODY = 1 << 20;
    private static final byte SIGNED = 1;
    private static final byte SETTLED = 2;

    private final Path path;
    private FileChannel channel;
    private FileLock lock;
    private final Map<String, JournalEntry> unsettled = new LinkedHashMap<>();
    private int settledSinceCompaction;

    private FileTransactionJournal(Path path) {
        this.path = path;
    }

    /**
     * Opens the journal at {@code path}, creating it if absent; keeps the unsettled entries it holds.
     *
     * @throws JournalException when the file cannot be read or locked, or is damaged before its last record
     */
    public static FileTransactionJournal open(Path path) {
        FileTransactionJournal journal = new FileTransactionJournal(path.toAbsolutePath());
        try {
            journal.load();
            journal.compact();
        } catch (RuntimeException e) {
            journal.close();
            throw e;
        }
        return journal;
    }

    /** The journal's file. */
    public Path path() {
        return path;
    }

    @Override
    public synchronized void signed(JournalEntry entry) {
        append(encodeSigned(entry), true);
        unsettled.put(entry.hash(), entry);
    }

    /** Appended without a sync: a settlement lost in a crash only makes the next start look the hash up. */
    @Override
    public synchronized void settled(String hash, Settlement settlement) {
        if (unsettled.remove(hash) == null) {
            return;
        }
        append(encodeSettled(hash, settlement), false);
        if (++settledSinceCompaction >= COMPACT_AFTER) {
            compact();
        }
    }

    @Override
    public synchronized List<JournalEntry> unsettled() {
        return List.copyOf(unsettled.values());
    }

    /** Rewrites the file with only the unsettled entries, atomically. */
    public synchronized void compact() {
        requireOpen();
        Path fresh = path.resolveSibling(path.getFileName() + ".compacting");
        try (FileChannel out = FileChannel.open(fresh, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            writeFully(out, ByteBuffer.wrap(MAGIC));
            for (JournalEntry entry : unsettled.values()) {
                writeFully(out, frame(encodeSigned(entry)));
            }
            out.force(true);
        } catch (IOException e) {
            throw new JournalException("cannot compact the transaction journal " + path + ": " + e.getMessage(), e);
        }
        try {
            // The lock is on the old file; the new one is locked before anyone else can open it by name.
            FileChannel reopened = FileChannel.open(fresh, StandardOpenOption.WRITE, StandardOpenOption.READ);
            FileLock newLock = reopened.tryLock();
            Files.move(fresh, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            syncDirectory();
            releaseQuietly();
            channel = reopened;
            lock = newLock;
            channel.position(channel.size());
            settledSinceCompaction = 0;
        } catch (IOException e) {
            throw new JournalException("cannot compact the transaction journal " + path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        releaseQuietly();
        channel = null;
    }

    @Override
    public String toString() {
        return "FileTransactionJournal[" + path + ", " + unsettledCount() + " unsettled]";
    }

    private synchronized int unsettledCount() {
        return unsettled.size();
    }

    // ---- reading ----

    private void load() {
        try {
            channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            lock = channel.tryLock();
        } catch (IOException | OverlappingFileLockException e) {
            throw new JournalException("cannot open the transaction journal " + path + ": " + e.getMessage(), e);
        }
        if (lock == null) {
            throw new JournalException("the transaction journal " + path + " is in use by another process", null);
        }
        try {
            long size = channel.size();
            if (size < MAGIC.length) {
                ByteBuffer start = ByteBuffer.allocate((int) size);
                channel.read(start, 0);
                if (!Arrays.equals(start.array(), Arrays.copyOf(MAGIC, (int) size))) {
                    throw new JournalException("the file " + path + " is not a Kana transaction journal", null);
                }
                // New, or torn while its header was written: nothing was ever journaled in it.
                channel.truncate(0);
                writeFully(channel, ByteBuffer.wrap(MAGIC));
                channel.force(true);
                return;
            }
            ByteBuffer all = ByteBuffer.allocate(Math.toIntExact(size));
            while (all.hasRemaining() && channel.read(all, all.position()) >= 0) {
                // read until full
            }
            all.flip();
            byte[] magic = new byte[MAGIC.length];
            all.get(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new JournalException("the file " + path + " is not a Kana transaction journal", null);
            }
            long kept = readRecords(all);
            if (kept < size) {
                channel.truncate(kept);
                channel.force(true);
            }
            channel.position(kept);
        } catch (IOException | ArithmeticException e) {
            throw new JournalException("cannot read the transaction journal " + path + ": " + e.getMessage(), e);
        }
    }

    /** Applies every intact record; returns the offset after the last one. */
    private long readRecords(ByteBuffer all) {
        while (all.remaining() >= FRAME_HEADER) {
            int start = all.position();
            int length = all.getInt();
            int crc = all.getInt();
            boolean fits = length > 0 && length <= MAX_BODY && length <= all.remaining();
            if (!fits) {
                if (length > all.remaining() || onlyZeros(all)) {
                    return start; // torn: the frame runs past the end, or space was allocated but never written
                }
                throw damaged(start, "an impossible record length " + length);
            }
            byte[] body = new byte[length];
            all.get(body);
            if (crc != checksum(length, body)) {
                if (!all.hasRemaining()) {
                    return start; // the last record, torn
                }
                throw damaged(start, "a checksum mismatch");
            }
            apply(body, start);
        }
        return all.position();
    }

    private void apply(byte[] body, int offset) {
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(body))) {
            byte type = in.readByte();
            if (type == SIGNED) {
                String intentId = in.readUTF();
                String hash = in.readUTF();
                AccountAddress sender = AccountAddress.parse(in.readUTF());
                long sequenceNumber = in.readLong();
                long expiry = in.readLong();
                String function = in.readUTF();
                String arguments = in.readUTF();
                byte[] bytes = new byte[in.readInt()];
                in.readFully(bytes);
                unsettled.put(hash, new JournalEntry(intentId, hash, sender, sequenceNumber, expiry, function,
                        arguments, bytes));
            } else if (type == SETTLED) {
                String hash = in.readUTF();
                int kind = in.readByte();
                if (kind < 0 || kind >= Settlement.values().length) {
                    throw damaged(offset, "an unknown settlement " + kind);
                }
                unsettled.remove(hash);
            } else {
                throw damaged(offset, "an unknown record type " + type);
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof JournalException journal) {
                throw journal;
            }
            throw damaged(offset, "an unreadable record (" + e + ")");
        }
    }

    private JournalException damaged(int offset, String what) {
        return new JournalException("the transaction journal " + path + " is damaged at byte " + offset + ": " + what
                + " with records after it; it is not a torn last write, so nothing was dropped. Restore it, or settle"
                + " its transactions by hash yourself before moving it away", null);
    }

    private static boolean onlyZeros(ByteBuffer rest) {
        for (int i = rest.position(); i < rest.limit(); i++) {
            if (rest.get(i) != 0) {
                return false;
            }
        }
        return true;
    }

    // ---- writing ----

    private void append(byte[] body, boolean force) {
        requireOpen();
        try {
            writeFully(channel, frame(body));
            if (force) {
                channel.force(false);
            }
        } catch (IOException e) {
            throw new JournalException("cannot write the transaction journal " + path + ": " + e.getMessage(), e);
        }
    }

    static ByteBuffer frame(byte[] body) {
        ByteBuffer frame = ByteBuffer.allocate(FRAME_HEADER + body.length);
        frame.putInt(body.length).putInt(checksum(body.length, body)).put(body).flip();
        return frame;
    }

    private static int checksum(int length, byte[] body) {
        CRC32C crc = new CRC32C();
        crc.update(ByteBuffer.allocate(4).putInt(0, length));
        crc.update(body);
        return (int) crc.getValue();
    }

    private static byte[] encodeSigned(JournalEntry entry) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 + entry.signedBytes().length);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(SIGNED);
            out.writeUTF(entry.intentId());
            out.writeUTF(entry.hash());
            out.writeUTF(entry.sender().hex());
            out.writeLong(entry.sequenceNumber());
            out.writeLong(entry.expirationTimestampSecs());
            out.writeUTF(entry.function());
            out.writeUTF(entry.arguments().length() > 16_000 ? entry.arguments().substring(0, 16_000)
                    : entry.arguments());
            byte[] signed = entry.signedBytes();
            out.writeInt(signed.length);
            out.write(signed);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e);
        }
        return bytes.toByteArray();
    }

    private static byte[] encodeSettled(String hash, Settlement settlement) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(80);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(SETTLED);
            out.writeUTF(hash);
            out.writeByte(settlement.ordinal());
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e);
        }
        return bytes.toByteArray();
    }

    private static void writeFully(FileChannel out, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            out.write(buffer);
        }
    }

    /** Makes the rename itself durable (Linux, macOS); where a directory cannot be opened, the rename stands. */
    private void syncDirectory() {
        Path directory = path.getParent();
        if (directory == null) {
            return;
        }
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows cannot open a directory; its rename is durable on its own terms.
        }
    }

    private void requireOpen() {
        if (channel == null) {
            throw new JournalException("the transaction journal " + path + " is closed", null);
        }
    }

    private void releaseQuietly() {
        try {
            if (lock != null && lock.isValid()) {
                lock.release();
            }
        } catch (IOException ignored) {
            // closing the channel releases it too
        }
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException ignored) {
            // nothing more to release
        }
        lock = null;
    }
}
