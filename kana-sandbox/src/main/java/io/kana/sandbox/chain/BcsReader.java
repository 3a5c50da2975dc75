package io.kana.sandbox.chain;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A strict BCS reader: it accepts only canonical encodings (minimal ULEB128, bool 0 or 1, valid
 * UTF-8), so re-encoding what it read gives the same bytes, and the transaction hash can be taken
 * over the bytes as received.
 */
final class BcsReader {

    /** BCS caps sequence lengths and enum indexes at 2^31 - 1. */
    private static final long MAX_LENGTH = Integer.MAX_VALUE;

    private final byte[] bytes;
    private int position;

    BcsReader(byte[] bytes) {
        this.bytes = bytes;
    }

    int position() {
        return position;
    }

    boolean atEnd() {
        return position == bytes.length;
    }

    void requireEnd(String what) {
        if (!atEnd()) {
            throw new BcsException((bytes.length - position) + " unexpected trailing bytes after " + what);
        }
    }

    /** The bytes between two positions, e.g. the raw transaction inside a signed one. */
    byte[] slice(int from, int to) {
        byte[] out = new byte[to - from];
        System.arraycopy(bytes, from, out, 0, out.length);
        return out;
    }

    int u8() {
        need(1, "u8");
        return bytes[position++] & 0xff;
    }

    boolean bool() {
        int b = u8();
        if (b > 1) {
            throw new BcsException("a bool is 0 or 1, got " + b + " at offset " + (position - 1));
        }
        return b == 1;
    }

    /** A little-endian unsigned integer of {@code width} bytes. */
    BigInteger unsigned(int width) {
        need(width, "u" + width * 8);
        byte[] bigEndian = new byte[width + 1];
        for (int i = 0; i < width; i++) {
            bigEndian[width - i] = bytes[position + i];
        }
        position += width;
        return new BigInteger(bigEndian);
    }

    /** A u64 as a Java long holding the same 64 bits (unsigned). */
    long u64() {
        need(8, "u64");
        long value = 0;
        for (int i = 7; i >= 0; i--) {
            value = (value << 8) | (bytes[position + i] & 0xff);
        }
        position += 8;
        return value;
    }

    /** A ULEB128 length or variant index, rejecting non-minimal forms. */
    int uleb128() {
        long value = 0;
        int shift = 0;
        int start = position;
        while (true) {
            int b = u8();
            value |= (long) (b & 0x7f) << shift;
            if (value > MAX_LENGTH) {
                throw new BcsException("ULEB128 value at offset " + start + " exceeds 2^31 - 1");
            }
            if ((b & 0x80) == 0) {
                if (b == 0 && shift > 0) {
                    throw new BcsException("non-canonical ULEB128 at offset " + start);
                }
                return (int) value;
            }
            shift += 7;
        }
    }

    byte[] fixedBytes(int length) {
        need(length, length + " bytes");
        byte[] out = slice(position, position + length);
        position += length;
        return out;
    }

    /** A length-prefixed byte vector. */
    byte[] byteVector() {
        return fixedBytes(uleb128());
    }

    byte[] address() {
        return fixedBytes(32);
    }

    String string() {
        byte[] utf8 = byteVector();
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(utf8))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new BcsException("a string is not valid UTF-8 at offset " + (position - utf8.length));
        }
    }

    private void need(int count, String what) {
        if (count < 0 || bytes.length - position < count) {
            throw new BcsException("input ends at offset " + bytes.length + " while reading " + what
                    + " at offset " + position);
        }
    }

    /** The input is not the canonical BCS of the expected type. */
    static final class BcsException extends RuntimeException {
        BcsException(String message) {
            super(message);
        }
    }
}
