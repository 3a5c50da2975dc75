package io.kana.aptos.abi;

import io.kana.aptos.bcs.BcsWriter;
import io.kana.aptos.types.TypeTag;
import java.util.List;

/** Builds the {@link ArgumentEncoder} of a Move parameter type, once per ABI parameter. */
final class Encoders {

    private Encoders() {
    }

    static ArgumentEncoder forType(TypeTag type) {
        if (type instanceof TypeTag.Primitive primitive) {
            return switch (primitive) {
                case BOOL -> ArgumentEncoder.BOOL;
                case U8 -> ArgumentEncoder.U8;
                case U16 -> ArgumentEncoder.U16;
                case U32 -> ArgumentEncoder.U32;
                case U64 -> ArgumentEncoder.U64;
                case U128 -> ArgumentEncoder.U128;
                case U256 -> ArgumentEncoder.U256;
                case ADDRESS -> ArgumentEncoder.ADDRESS;
                case I8 -> ArgumentEncoder.signed(8);
                case I16 -> ArgumentEncoder.signed(16);
                case I32 -> ArgumentEncoder.signed(32);
                case I64 -> ArgumentEncoder.signed(64);
                case I128 -> ArgumentEncoder.signed(128);
                case I256 -> ArgumentEncoder.signed(256);
                case SIGNER -> unsupported("a signer parameter is supplied by the transaction, not an argument; "
                        + "only leading signer parameters are allowed");
            };
        }
        if (type instanceof TypeTag.Vector vector) {
            if (vector.element() == TypeTag.Primitive.U8) {
                return ArgumentEncoder.BYTES;
            }
            return vector(forType(vector.element()));
        }
        if (type instanceof TypeTag.Struct struct) {
            if (struct.isString()) {
                return ArgumentEncoder.STRING;
            }
            if (struct.isObject()) {
                return ArgumentEncoder.ADDRESS;
            }
            if (struct.isOption()) {
                return option(forType(struct.typeArguments().get(0)));
            }
            return unsupported("struct " + struct + " cannot be built from a JSON value (only String, "
                    + "Option<T> and Object<T> can)");
        }
        if (type instanceof TypeTag.Generic generic) {
            int index = generic.index();
            return (out, value, typeArguments) -> {
                TypeTag actual = typeArguments.get(index);
                try {
                    forType(actual).write(out, value, typeArguments);
                } catch (ValueMismatch e) {
                    throw e.within(generic + " = " + actual);
                }
            };
        }
        return unsupported("reference type " + type + " cannot be passed to an entry function");
    }

    static void writeElements(BcsWriter out, List<?> values, ArgumentEncoder element, List<TypeTag> typeArguments) {
        out.uleb128(values.size());
        for (int i = 0; i < values.size(); i++) {
            try {
                element.write(out, values.get(i), typeArguments);
            } catch (ValueMismatch e) {
                throw e.within("element " + i);
            }
        }
    }

    /** {@code vector<T>} from a list, or from a string holding a JSON array (as the TypeScript SDK accepts). */
    private static ArgumentEncoder vector(ArgumentEncoder element) {
        return (out, value, typeArguments) -> {
            if (value instanceof List<?> list) {
                writeElements(out, list, element, typeArguments);
            } else if (value instanceof String text && text.stripLeading().startsWith("[")) {
                writeElements(out, JsonArrayText.parse(text), element, typeArguments);
            } else {
                throw new ValueMismatch("expected a vector: a list or a JSON array string", value);
            }
        };
    }

    /** {@code Option<T>}: null is none, anything else is some(value as T). */
    private static ArgumentEncoder option(ArgumentEncoder inner) {
        return (out, value, typeArguments) -> {
            if (value == null) {
                out.bool(false);
                return;
            }
            out.bool(true);
            try {
                inner.write(out, value, typeArguments);
            } catch (ValueMismatch e) {
                throw e.within("option value");
            }
        };
    }

    private static ArgumentEncoder unsupported(String reason) {
        return (out, value, typeArguments) -> {
            throw new ValueMismatch(reason, value);
        };
    }
}
