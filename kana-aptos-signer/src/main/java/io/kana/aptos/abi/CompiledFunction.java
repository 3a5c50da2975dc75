package io.kana.aptos.abi;

import io.kana.aptos.bcs.BcsWriter;
import io.kana.aptos.tx.EntryFunction;
import io.kana.aptos.types.TypeTag;
import io.kana.core.error.InvalidRequestException;
import io.kana.core.model.AccountAddress;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * One entry function of an ABI, with its parameter types parsed once into encoders. Immutable and
 * thread-safe; building a call allocates only the output.
 */
final class CompiledFunction {

    private final AccountAddress moduleAddress;
    private final String moduleName;
    private final FunctionAbi abi;
    private final String functionId;
    /** Why the function cannot be called, or null. */
    private final String unusable;
    /** The parameters after the leading signers, as the ABI spells them. */
    private final String[] parameterTypes;
    private final ArgumentEncoder[] encoders;

    private CompiledFunction(AccountAddress moduleAddress, String moduleName, FunctionAbi abi, String unusable,
            String[] parameterTypes, ArgumentEncoder[] encoders) {
        this.moduleAddress = moduleAddress;
        this.moduleName = moduleName;
        this.abi = abi;
        this.functionId = moduleAddress.toShortString() + "::" + moduleName + "::" + abi.name();
        this.unusable = unusable;
        this.parameterTypes = parameterTypes;
        this.encoders = encoders;
    }

    static CompiledFunction compile(AccountAddress moduleAddress, String moduleName, FunctionAbi abi) {
        if (!abi.entry()) {
            return unusable(moduleAddress, moduleName, abi, "it is not an entry function, so no transaction can call it");
        }
        String[] types = abi.paramsAfterSigners().toArray(new String[0]);
        ArgumentEncoder[] encoders = new ArgumentEncoder[types.length];
        for (int i = 0; i < types.length; i++) {
            try {
                TypeTag type = TypeTag.parse(types[i]);
                if (type instanceof TypeTag.Generic g && g.index() >= abi.typeParameterCount()) {
                    return unusable(moduleAddress, moduleName, abi, "parameter " + types[i] + " refers to a type "
                            + "parameter the function does not declare (it has " + abi.typeParameterCount() + ")");
                }
                encoders[i] = Encoders.forType(type);
            } catch (InvalidRequestException e) {
                return unusable(moduleAddress, moduleName, abi, "its ABI has an unreadable parameter type: " + e.getMessage());
            }
        }
        return new CompiledFunction(moduleAddress, moduleName, abi, null, types, encoders);
    }

    private static CompiledFunction unusable(AccountAddress address, String module, FunctionAbi abi, String reason) {
        return new CompiledFunction(address, module, abi, reason, new String[0], new ArgumentEncoder[0]);
    }

    EntryFunction encode(String payloadFunction, List<TypeTag> typeArguments, List<Object> arguments) {
        if (unusable != null) {
            throw new AbiEncodingException(payloadFunction, "cannot call " + functionId + ": " + unusable);
        }
        if (typeArguments.size() != abi.typeParameterCount()) {
            throw new AbiEncodingException(payloadFunction, functionId + " takes " + abi.typeParameterCount()
                    + " type argument(s), the payload has " + typeArguments.size() + " " + typeArguments);
        }
        if (arguments.size() != encoders.length) {
            throw new AbiEncodingException(payloadFunction, functionId + " takes " + encoders.length
                    + " argument(s) " + Arrays.toString(parameterTypes) + " after its signer, the payload has "
                    + arguments.size());
        }
        BcsWriter out = new BcsWriter(64 + 16 * encoders.length);
        byte[][] encoded = new byte[encoders.length][];
        for (int i = 0; i < encoders.length; i++) {
            int start = out.size();
            Object value = arguments.get(i);
            try {
                encoders[i].write(out, value, typeArguments);
            } catch (ValueMismatch e) {
                throw new AbiEncodingException(payloadFunction, i, parameterTypes[i],
                        "cannot encode functionArguments[" + i + "] of " + functionId + " as " + parameterTypes[i]
                                + ": " + e.getMessage() + "; got " + render(e.value())
                                + (e.value() == value ? "" : " in " + render(value)));
            }
            encoded[i] = out.toByteArray(start, out.size() - start);
        }
        return new EntryFunction(moduleAddress, moduleName, abi.name(), typeArguments, Arrays.asList(encoded));
    }

    static String render(Object value) {
        String text;
        if (value == null) {
            text = "null";
        } else if (value instanceof String s) {
            text = '"' + s + '"';
        } else if (value instanceof BigDecimal d) {
            text = d.toPlainString().length() <= 100 ? d.toPlainString() : d.toString();
        } else if (value instanceof Number || value instanceof Boolean) {
            text = value + (value instanceof Double || value instanceof Float ? " (" + value.getClass().getSimpleName()
                    + ")" : "");
        } else if (value instanceof List<?> list) {
            StringBuilder out = new StringBuilder("[");
            for (int i = 0; i < list.size() && out.length() < 100; i++) {
                out.append(i == 0 ? "" : ", ").append(render(list.get(i)));
            }
            text = out.append(out.length() >= 100 ? ", ...(" + list.size() + " elements)]" : "]").toString();
        } else {
            text = "a " + value.getClass().getName();
        }
        return text.length() <= 120 ? text : text.substring(0, 117) + "...";
    }
}
