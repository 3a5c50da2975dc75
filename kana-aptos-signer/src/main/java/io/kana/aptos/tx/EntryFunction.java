package io.kana.aptos.tx;

import io.kana.aptos.bcs.BcsWriter;
import io.kana.aptos.types.MoveIdentifier;
import io.kana.aptos.types.TypeTag;
import io.kana.core.error.InvalidRequestException;
import io.kana.core.model.AccountAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A call of a Move entry function with BCS-encoded arguments: the {@code EntryFunction} transaction
 * payload (variant 2). Immutable; argument arrays are copied in and out.
 */
public final class EntryFunction {

    /** The {@code TransactionPayload} variant index of an entry function. */
    public static final int PAYLOAD_VARIANT = 2;

    private final AccountAddress moduleAddress;
    private final byte[] moduleAddressBytes;
    private final String moduleName;
    private final String functionName;
    private final List<TypeTag> typeArguments;
    private final byte[][] arguments;

    /**
     * @param arguments each argument's BCS bytes, without the length prefix the payload adds
     */
    public EntryFunction(AccountAddress moduleAddress, String moduleName, String functionName,
            List<TypeTag> typeArguments, List<byte[]> arguments) {
        this(moduleAddress, moduleName, functionName, typeArguments, copy(arguments));
    }

    private EntryFunction(AccountAddress moduleAddress, String moduleName, String functionName,
            List<TypeTag> typeArguments, byte[][] arguments) {
        this.moduleAddress = Objects.requireNonNull(moduleAddress, "moduleAddress");
        this.moduleAddressBytes = moduleAddress.bytes();
        this.moduleName = MoveIdentifier.require(moduleName, "module name");
        this.functionName = MoveIdentifier.require(functionName, "function name");
        this.typeArguments = List.copyOf(typeArguments);
        for (TypeTag typeArgument : this.typeArguments) {
            if (typeArgument.isGeneric() || typeArgument instanceof TypeTag.Reference) {
                throw new InvalidRequestException("typeArguments",
                        "a type argument must be a concrete type, got " + typeArgument);
            }
        }
        this.arguments = arguments;
    }

    public AccountAddress moduleAddress() {
        return moduleAddress;
    }

    public String moduleName() {
        return moduleName;
    }

    public String functionName() {
        return functionName;
    }

    /** {@code <address>::<module>::<function>} with the short address form for {@code 0x0..0xf}. */
    public String functionId() {
        return moduleAddress.toShortString() + "::" + moduleName + "::" + functionName;
    }

    public List<TypeTag> typeArguments() {
        return typeArguments;
    }

    /** Each argument's BCS bytes (fresh copies). */
    public List<byte[]> arguments() {
        List<byte[]> out = new ArrayList<>(arguments.length);
        for (byte[] argument : arguments) {
            out.add(argument.clone());
        }
        return out;
    }

    /** Writes the full {@code TransactionPayload}: variant 2, then this entry function. */
    public void encodeAsPayload(BcsWriter writer) {
        writer.variant(PAYLOAD_VARIANT);
        writer.fixedBytes(moduleAddressBytes);
        writer.string(moduleName);
        writer.string(functionName);
        writer.uleb128(typeArguments.size());
        for (TypeTag typeArgument : typeArguments) {
            typeArgument.encode(writer);
        }
        writer.uleb128(arguments.length);
        for (byte[] argument : arguments) {
            writer.bytes(argument);
        }
    }

    /** The BCS bytes of the {@code TransactionPayload}, starting with {@code 02}. */
    public byte[] payloadBytes() {
        BcsWriter writer = new BcsWriter(128);
        encodeAsPayload(writer);
        return writer.toByteArray();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EntryFunction other
                && moduleAddress.equals(other.moduleAddress)
                && moduleName.equals(other.moduleName)
                && functionName.equals(other.functionName)
                && typeArguments.equals(other.typeArguments)
                && Arrays.deepEquals(arguments, other.arguments);
    }

    @Override
    public int hashCode() {
        return Objects.hash(moduleAddress, moduleName, functionName, typeArguments) * 31 + Arrays.deepHashCode(arguments);
    }

    @Override
    public String toString() {
        return "EntryFunction[" + functionId() + (typeArguments.isEmpty() ? "" : typeArguments.toString())
                + ", " + arguments.length + " arguments]";
    }

    private static byte[][] copy(List<byte[]> arguments) {
        byte[][] out = new byte[arguments.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = Objects.requireNonNull(arguments.get(i), "argument").clone();
        }
        return out;
    }
}
