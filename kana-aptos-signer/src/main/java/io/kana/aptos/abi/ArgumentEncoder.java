package io.kana.aptos.abi;

import io.kana.aptos.bcs.BcsWriter;
import io.kana.aptos.types.TypeTag;
import io.kana.core.error.InvalidRequestException;
import io.kana.core.model.AccountAddress;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Converts one JSON value to the BCS form of one Move parameter type, following the TypeScript SDK's
 * {@code parseArg}. Built once per ABI parameter; stateless and thread-safe.
 */
@FunctionalInterface
interface ArgumentEncoder {

    /**
     * @param typeArguments the call's concrete type arguments, for {@code T<n>} parameters
     * @throws ValueMismatch when the value does not fit the type
     */
    void write(BcsWriter out, Object value, List<TypeTag> typeArguments);

    ArgumentEncoder BOOL = (out, value, typeArguments) -> {
        if (value instanceof Boolean b) {
            out.bool(b);
        } else if ("true".equals(value)) {
            out.bool(true);
        } else if ("false".equals(value)) {
            out.bool(false);
        } else {
            throw new ValueMismatch("expected a bool: true/false or the string \"true\"/\"false\"", value);
        }
    };

    ArgumentEncoder U8 = (out, value, typeArguments) -> out.u8((int) IntegerValues.unsigned(value, 8));
    ArgumentEncoder U16 = (out, value, typeArguments) -> out.u16((int) IntegerValues.unsigned(value, 16));
    ArgumentEncoder U32 = (out, value, typeArguments) -> out.u32(IntegerValues.unsigned(value, 32));
    ArgumentEncoder U64 = (out, value, typeArguments) -> out.u64(IntegerValues.unsigned(value, 64));

    ArgumentEncoder U128 = (out, value, typeArguments) -> {
        // Order ids are u128 but usually small: skip BigInteger when the value fits a u64.
        long small = value instanceof String s ? IntegerValues.fastDecimal(s) : -1;
        if (small >= 0) {
            out.u128(small, 0L);
        } else {
            out.u128(IntegerValues.unsignedBig(value, 128));
        }
    };

    ArgumentEncoder U256 = (out, value, typeArguments) -> out.u256(IntegerValues.unsignedBig(value, 256));

    ArgumentEncoder ADDRESS = (out, value, typeArguments) -> {
        if (!(value instanceof String text)) {
            throw new ValueMismatch("expected an address as a 0x-prefixed hex string", value);
        }
        AccountAddress address;
        try {
            address = AccountAddress.parse(text);
        } catch (InvalidRequestException e) {
            throw new ValueMismatch(e.getMessage(), value);
        }
        out.address(address);
    };

    ArgumentEncoder STRING = (out, value, typeArguments) -> {
        if (!(value instanceof String text)) {
            throw new ValueMismatch("expected a string", value);
        }
        out.string(text);
    };

    /** {@code vector<u8>}: a string is its UTF-8 bytes (not hex), a list is read element by element. */
    ArgumentEncoder BYTES = (out, value, typeArguments) -> {
        if (value instanceof String text) {
            out.bytes(text.getBytes(StandardCharsets.UTF_8));
        } else if (value instanceof List<?> list) {
            Encoders.writeElements(out, list, U8, typeArguments);
        } else {
            throw new ValueMismatch("expected a vector<u8>: a string (its UTF-8 bytes) or a list of u8", value);
        }
    };

    static ArgumentEncoder signed(int bits) {
        BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
        return (out, value, typeArguments) -> {
            // Two's complement, little-endian, fixed width.
            BigInteger bitsOfValue = IntegerValues.signed(value, bits).and(mask);
            switch (bits) {
                case 8 -> out.u8(bitsOfValue.intValue());
                case 16 -> out.u16(bitsOfValue.intValue());
                case 32 -> out.u32(bitsOfValue.longValue());
                case 64 -> out.u64(bitsOfValue.longValue());
                case 128 -> out.u128(bitsOfValue);
                default -> out.u256(bitsOfValue);
            }
        };
    }
}
