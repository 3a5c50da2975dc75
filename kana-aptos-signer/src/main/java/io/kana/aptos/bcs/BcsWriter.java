package io.kana.aptos.bcs;

import io.kana.core.model.AccountAddress;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Appends BCS-encoded values to a growable byte buffer. Integers are little-endian and fixed-width,
 * lengths and enum variant indexes are ULEB128, sequences are length-prefixed.
 *
 * <p>Not thread-safe; cheap to create. {@code u64} takes a {@code long} whose 64 bits are read as
 * unsigned, so {@code -1L} is 2<sup>64</sup>-1; the {@link BigInteger} overloads check the range.
 */
public final class BcsWriter {

    private byte[] buffer;
    private int size;

    public BcsWriter() {
        this(256);
    }

    public BcsWriter(int initialCapacity) {
        buffer = new byte[Math.max(16, initialCapacity)];
    }

    /** Encodes one value with {@code encoder} and returns its bytes. */
    public static <T> byte[] encode(T value, Encoder<? super T> encoder) {
        BcsWriter writer = new BcsWriter(64);
        encoder.write(writer, value);
        return writer.toByteArray();
    }

    public BcsWriter u8(int value) {
        if ((value & ~0xFF) != 0) {
            throw new BcsException("u8 must be in 0..255, got " + value);
        }
        ensure(1);
        buffer[size++] = (byte) value;
        return this;
    }

    public BcsWriter u16(int value) {
        if ((value & ~0xFFFF) != 0) {
            throw new BcsException("u16 must be in 0..65535, got " + value);
        }
        ensure(2);
        buffer[size++] = (byte) value;
        buffer[size++] = (byte) (value >>> 8);
        return this;
    }

    public BcsWriter u32(long value) {
        if ((value & ~0xFFFF_FFFFL) != 0) {
            throw new BcsException("u32 must be in 0..4294967295, got " + value);
        }
        ensure(4);
        writeLittleEndian(value, 4);
        return this;
    }

    /** A u64 from the 64 bits of {@code value}, read as unsigned. */
    public BcsWriter u64(long value) {
        ensure(8);
        writeLittleEndian(value, 8);
        return this;
    }

    public BcsWriter u64(BigInteger value) {
        return unsigned(value, 8, "u64");
    }

    /** A u128 from its low and high 64 bits (both read as unsigned). */
    public BcsWriter u128(long lowBits, long highBits) {
        ensure(16);
        writeLittleEndian(lowBits, 8);
        writeLittleEndian(highBits, 8);
        return this;
    }

    public BcsWriter u128(BigInteger value) {
        return unsigned(value, 16, "u128");
    }

    public BcsWriter u256(BigInteger value) {
        return unsigned(value, 32, "u256");
    }

    public BcsWriter bool(boolean value) {
        ensure(1);
        buffer[size++] = (byte) (value ? 1 : 0);
        return this;
    }

    /** An unsigned LEB128 value: a length or an enum variant index (0..2<sup>31</sup>-1). */
    public BcsWriter uleb128(int value) {
        if (value < 0) {
            throw new BcsException("a ULEB128 length or index cannot be negative, got " + value);
        }
        ensure(5);
        while ((value & ~0x7F) != 0) {
            buffer[size++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        buffer[size++] = (byte) value;
        return this;
    }

    /** The index of an enum variant; its fields follow. */
    public BcsWriter variant(int index) {
        return uleb128(index);
    }

    /** A byte vector: ULEB128 length, then the bytes. */
    public BcsWriter bytes(byte[] value) {
        uleb128(value.length);
        return fixedBytes(value, 0, value.length);
    }

    /** Raw bytes without a length prefix (fixed-size fields such as an address). */
    public BcsWriter fixedBytes(byte[] value) {
        return fixedBytes(value, 0, value.length);
    }

    public BcsWriter fixedBytes(byte[] value, int offset, int length) {
        ensure(length);
        System.arraycopy(value, offset, buffer, size, length);
        size += length;
        return this;
    }

    /** A string: ULEB128 byte length, then its UTF-8 bytes. */
    public BcsWriter string(String value) {
        int length = value.length();
        for (int i = 0; i < length; i++) {
            if (value.charAt(i) >= 0x80) {
                return bytes(value.getBytes(StandardCharsets.UTF_8));
            }
        }
        uleb128(length);
        ensure(length);
        for (int i = 0; i < length; i++) {
            buffer[size++] = (byte) value.charAt(i);
        }
        return this;
    }

    /** An address: its 32 bytes, no length prefix. */
    public BcsWriter address(AccountAddress address) {
        return fixedBytes(address.bytes());
    }

    /** A vector: ULEB128 element count, then each element. */
    public <T> BcsWriter vector(List<? extends T> values, Encoder<? super T> elementEncoder) {
        uleb128(values.size());
        for (T value : values) {
            elementEncoder.write(this, value);
        }
        return this;
    }

    /** An {@code Option<T>}: {@code 00} for null (none), else {@code 01} and the value. */
    public <T> BcsWriter option(T valueOrNull, Encoder<? super T> encoder) {
        if (valueOrNull == null) {
            return bool(false);
        }
        bool(true);
        encoder.write(this, valueOrNull);
        return this;
    }

    /** Number of bytes written so far. */
    public int size() {
        return size;
    }

    /** A copy of the bytes written so far. */
    public byte[] toByteArray() {
        return Arrays.copyOf(buffer, size);
    }

    /** A copy of {@code length} written bytes starting at {@code offset}. */
    public byte[] toByteArray(int offset, int length) {
        if (offset < 0 || length < 0 || offset + length > size) {
            throw new IndexOutOfBoundsException("range " + offset + "+" + length + " outside 0.." + size);
        }
        return Arrays.copyOfRange(buffer, offset, offset + length);
    }

    /** Forgets the bytes written, keeping the buffer for reuse. */
    public BcsWriter reset() {
        size = 0;
        return this;
    }

    private BcsWriter unsigned(BigInteger value, int width, String type) {
        if (value.signum() < 0 || value.bitLength() > width * 8) {
            throw new BcsException(type + " must be in 0..2^" + (width * 8) + "-1, got " + value);
        }
        ensure(width);
        if (width == 8) {
            writeLittleEndian(value.longValue(), 8);
            return this;
        }
        if (width == 16) {
            writeLittleEndian(value.longValue(), 8);
            writeLittleEndian(value.shiftRight(64).longValue(), 8);
            return this;
        }
        byte[] bigEndian = value.toByteArray();
        // toByteArray may carry a leading sign byte, or be shorter than width.
        int end = size + width;
        Arrays.fill(buffer, size, end, (byte) 0);
        for (int i = 0; i < width && i < bigEndian.length; i++) {
            buffer[size + i] = bigEndian[bigEndian.length - 1 - i];
        }
        size = end;
        return this;
    }

    private void writeLittleEndian(long value, int width) {
        for (int i = 0; i < width; i++) {
            buffer[size++] = (byte) (value >>> (8 * i));
        }
    }

    private void ensure(int extra) {
        int needed = size + extra;
        if (needed > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(needed, buffer.length * 2));
        }
    }

    /** Writes one value of type {@code T}. */
    @FunctionalInterface
    public interface Encoder<T> {
        void write(BcsWriter writer, T value);
    }
}
