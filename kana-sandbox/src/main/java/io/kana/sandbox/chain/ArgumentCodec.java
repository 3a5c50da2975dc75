package io.kana.sandbox.chain;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decodes entry-function arguments from BCS by their ABI types into the Java values {@link
 * PerpsModule#execute} takes, and renders them as the node's JSON does.
 */
public final class ArgumentCodec {

    private ArgumentCodec() {
    }

    /**
     * Decodes one argument; the whole byte string must be one value of the type.
     *
     * @throws BcsReader.BcsException when it is not
     */
    static Object decode(MoveType type, byte[] bytes) {
        BcsReader in = new BcsReader(bytes);
        Object value = read(type, in);
        in.requireEnd("an argument of type " + type.text());
        return value;
    }

    private static Object read(MoveType type, BcsReader in) {
        if (type instanceof MoveType.Primitive p) {
            return switch (p) {
                case BOOL -> in.bool();
                case ADDRESS -> Hex.longAddress(in.address());
                case SIGNER -> throw new BcsReader.BcsException("a signer cannot be passed as an argument");
                default -> p.signed() ? signed(in.unsigned(p.width()), p.width()) : in.unsigned(p.width());
            };
        }
        if (type instanceof MoveType.Vector v) {
            if (v.element() == MoveType.Primitive.U8) {
                return in.byteVector();
            }
            int count = in.uleb128();
            List<Object> elements = new ArrayList<>(Math.min(count, 1024));
            for (int i = 0; i < count; i++) {
                elements.add(read(v.element(), in));
            }
            return List.copyOf(elements);
        }
        if (type instanceof MoveType.Struct s) {
            if (s.is("string", "String")) {
                return in.string();
            }
            if (s.is("object", "Object")) {
                return Hex.longAddress(in.address());
            }
            if (s.is("option", "Option") && s.typeArguments().size() == 1) {
                int count = in.uleb128();
                if (count > 1) {
                    throw new BcsReader.BcsException("an Option holds at most one value, got " + count);
                }
                return count == 0 ? Optional.empty() : Optional.of(read(s.typeArguments().get(0), in));
            }
        }
        throw new BcsReader.BcsException("type " + type.text() + " cannot be an entry-function argument");
    }

    private static BigInteger signed(BigInteger unsigned, int width) {
        return unsigned.testBit(width * 8 - 1) ? unsigned.subtract(BigInteger.ONE.shiftLeft(width * 8)) : unsigned;
    }

    /**
     * The node's JSON for a decoded value: u8..u32 as numbers, wider integers as strings, vector&lt;u8&gt;
     * as hex, Option as {@code {"vec":[…]}}, Object as {@code {"inner":…}}.
     */
    public static Object toJson(MoveType type, Object value) {
        if (type instanceof MoveType.Primitive p) {
            return switch (p) {
                case BOOL -> value;
                case ADDRESS -> Hex.standardAddress(Hex.address((String) value));
                case U8, U16, U32, I8, I16, I32 -> ((BigInteger) value).longValueExact();
                default -> value.toString();
            };
        }
        if (type instanceof MoveType.Vector v) {
            if (value instanceof byte[] bytes) {
                return Hex.of(bytes);
            }
            List<Object> out = new ArrayList<>();
            for (Object element : (List<?>) value) {
                out.add(toJson(v.element(), element));
            }
            return out;
        }
        MoveType.Struct s = (MoveType.Struct) type;
        Map<String, Object> wrapper = new LinkedHashMap<>();
        if (s.is("object", "Object")) {
            wrapper.put("inner", Hex.standardAddress(Hex.address((String) value)));
            return wrapper;
        }
        if (value instanceof Optional<?> option) {
            wrapper.put("vec", option.map(inner -> List.of(toJson(s.typeArguments().get(0), inner))).orElse(List.of()));
            return wrapper;
        }
        return value;
    }
}
