package io.kana.sandbox.chain;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/** A test-only BCS writer, independent of the sandbox's reader. */
public final class TestBcs {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    public TestBcs uleb(long value) {
        long v = value;
        while (v >= 0x80) {
            out.write((int) (v & 0x7f) | 0x80);
            v >>>= 7;
        }
        out.write((int) v);
        return this;
    }

    TestBcs u8(int value) {
        out.write(value);
        return this;
    }

    public TestBcs bool(boolean value) {
        return u8(value ? 1 : 0);
    }

    TestBcs u64(long value) {
        for (int i = 0; i < 8; i++) {
            out.write((int) (value >>> (8 * i)) & 0xff);
        }
        return this;
    }

    /** A little-endian unsigned integer of {@code width} bytes. */
    public TestBcs unsigned(BigInteger value, int width) {
        byte[] bigEndian = value.toByteArray();
        for (int i = 0; i < width; i++) {
            int index = bigEndian.length - 1 - i;
            out.write(index >= 0 ? bigEndian[index] : 0);
        }
        return this;
    }

    TestBcs raw(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    TestBcs bytes(byte[] bytes) {
        return uleb(bytes.length).raw(bytes);
    }

    TestBcs string(String value) {
        return bytes(value.getBytes(StandardCharsets.UTF_8));
    }

    public TestBcs address(String hex) {
        String digits = hex.substring(2);
        return raw(java.util.HexFormat.of().parseHex("0".repeat(64 - digits.length()) + digits));
    }

    public byte[] toByteArray() {
        return out.toByteArray();
    }

    public static byte[] u64Arg(long value) {
        return new TestBcs().u64(value).toByteArray();
    }

    public static byte[] boolArg(boolean value) {
        return new TestBcs().bool(value).toByteArray();
    }

    public static byte[] u8Arg(int value) {
        return new TestBcs().u8(value).toByteArray();
    }
}
