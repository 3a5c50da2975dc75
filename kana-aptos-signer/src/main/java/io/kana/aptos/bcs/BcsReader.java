package io.kana.aptos.bcs;

import io.kana.core.model.AccountAddress;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Reads BCS-encoded values from a byte array, strictly: non-canonical ULEB128, a bool other than
 * 0/1, invalid UTF-8 or a length beyond the remaining input is a {@link BcsException}.
 *
 * <p>Not thread-safe. The array is not copied.
 */
public final class BcsReader {

    private final byte[] input;
    private int position;

    public BcsReader(byte[] input) {
        this.input = input;
    }

    public int u8() {
        require(1, "u8");
        return input[position++] & 0xFF;
    }

    public int u16() {
        return (int) readLittleEndian(2, "u16");
    }

    public long u32() {
        return readLittleEndian(4, "u32");
    }

    /** A u64 as a {@code long} whose 64 bits are the unsigned value. */
    public long u64() {
        return readLittleEndian(8, "u64");
    }

    public BigInteger u128() {
        return unsigned(16, "u128");
    }

    public BigInteger u256() {
        return unsigned(32, "u256");
    }

    public boolean bool() {
        int value = u8();
        if (value > 1) {
            throw new BcsException("a bool is 0 or 1, got " + value + " at offset " + (position - 1));
        }
        return value == 1;
    }

    /** A canonical ULEB128 value that fits in 32 bits (BCS lengths and variant indexes). */
    public int uleb128() {
        int start = position;
        long value = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            require(1, "ULEB128");
            int b = input[position++] & 0xFF;
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                if (b == 0 && shift > 0) {
                    throw new BcsException("non-canonical ULEB128 at offset " + start);
                }
                if (value > Integer.MAX_VALUE) {
                    throw new BcsException("ULEB128 value " + value + " at offset " + start + " is too large");
                }
                return (int) value;
            }
        }
        throw new BcsException("ULEB128 at offset " + start + " is longer than 5 bytes");
    }

    public int variant() {
        return uleb128();
    }

    /** A length-prefixed byte vector. */
    public byte[] bytes() {
        int length = uleb128();
        return fixedBytes(length);
    }

    /** {@code length} raw bytes. */
    public byte[] fixedBytes(int length) {
        require(length, length + " bytes");
        byte[] out = Arrays.copyOfRange(input, position, position + length);
        position += length;
        return out;
    }

    public String string() {
        int length = uleb128();
        require(length, "a string of " + length + " bytes");
        try {
            String value = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(input, position, length))
                    .toString();
            position += length;
            return value;
        } catch (CharacterCodingException e) {
            throw new BcsException("invalid UTF-8 in the string at offset " + position);
        }
    }

    public AccountAddress address() {
        return AccountAddress.ofBytes(fixedBytes(AccountAddress.LENGTH));
    }

    public <T> List<T> vector(Decoder<? extends T> elementDecoder) {
        int count = uleb128();
        // Each element takes at least one byte: a larger count is corrupt input, not a reason to allocate.
        if (count > remaining()) {
            throw new BcsException("vector of " + count + " elements at offset " + position
                    + " is longer than the " + remaining() + " remaining bytes");
        }
        List<T> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            values.add(elementDecoder.read(this));
        }
        return values;
    }

    public <T> Optional<T> option(Decoder<? extends T> decoder) {
        int tag = u8();
        if (tag == 0) {
            return Optional.empty();
        }
        if (tag != 1) {
            throw new BcsException("an Option tag is 0 or 1, got " + tag + " at offset " + (position - 1));
        }
        return Optional.of(decoder.read(this));
    }

    public int remaining() {
        return input.length - position;
    }

    public int position() {
        return position;
    }

    /** Fails unless every byte was read. */
    public void finish() {
        if (remaining() != 0) {
            throw new BcsException(remaining() + " unexpected trailing bytes at offset " + position);
        }
    }

    private long readLittleEndian(int width, String type) {
        require(width, type);
        long value = 0;
        for (int i = 0; i < width; i++) {
            value |= (long) (input[position + i] & 0xFF) << (8 * i);
        }
        position += width;
        return value;
    }

    private BigInteger unsigned(int width, String type) {
        require(width, type);
        byte[] bigEndian = new byte[width + 1];
        for (int i = 0; i < width; i++) {
            bigEndian[width - i] = input[position + i];
        }
        position += width;
        return new BigInteger(bigEndian);
    }

    private void require(int length, String what) {
        if (length < 0 || length > input.length - position) {
            throw new BcsException("unexpected end of input reading " + what + " at offset " + position
                    + " (" + (input.length - position) + " bytes left)");
        }
    }

    /** Reads one value of type {@code T}. */
    @FunctionalInterface
    public interface Decoder<T> {
        T read(BcsReader reader);
    }
}
