package io.kana.sandbox.chain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The published interface of the perps module, parsed once: how the chain resolves an
 * entry-function call and decodes its arguments before it runs it.
 */
public final class ModuleInterface {

    private final String address;
    private final String name;
    private final Map<String, Function> functions = new LinkedHashMap<>();

    /** One entry function; {@code parameters} excludes the leading signers. */
    public record Function(PerpsModule.EntryFunctionAbi abi, List<MoveType> parameters) {
    }

    /** A call the chain can hand to the module, or the VM status that stops it. */
    public sealed interface Resolution {
    }

    /** A resolved call with its arguments decoded. */
    public record Call(String function, List<String> typeArguments, List<MoveType> parameterTypes, List<Object> arguments)
            implements Resolution {
    }

    /** A call that fails before it runs, committed with this status. */
    record Unresolved(StatusCode status) implements Resolution {
    }

    public ModuleInterface(PerpsModule module) {
        String[] id = module.moduleId().split("::");
        if (id.length != 2) {
            throw new IllegalArgumentException("a module id is <address>::<name>, got '" + module.moduleId() + "'");
        }
        this.address = Hex.longAddress(id[0]);
        this.name = id[1];
        for (PerpsModule.EntryFunctionAbi abi : module.entryFunctions()) {
            List<MoveType> parameters = new ArrayList<>();
            for (String param : abi.params()) {
                MoveType type = MoveType.parse(param);
                if (!type.isSigner()) {
                    parameters.add(type);
                }
            }
            functions.put(abi.name(), new Function(abi, List.copyOf(parameters)));
        }
    }

    public String address() {
        return address;
    }

    public String name() {
        return name;
    }

    public Iterable<Function> functions() {
        return functions.values();
    }

    /** Resolves the call as the VM would: module, function, type-argument and argument checks. */
    Resolution resolve(SignedTransaction.EntryFunction call) {
        if (!call.moduleAddress().equals(address) || !call.moduleName().equals(name)) {
            return new Unresolved(StatusCode.LINKER_ERROR);
        }
        Function function = functions.get(call.function());
        if (function == null) {
            return new Unresolved(StatusCode.FUNCTION_RESOLUTION_FAILURE);
        }
        if (call.typeArguments().size() != function.abi().typeParameterCount()) {
            return new Unresolved(StatusCode.NUMBER_OF_TYPE_ARGUMENTS_MISMATCH);
        }
        if (call.arguments().size() != function.parameters().size()) {
            return new Unresolved(StatusCode.NUMBER_OF_ARGUMENTS_MISMATCH);
        }
        List<MoveType> types = function.parameters().stream().map(t -> t.substitute(call.typeArguments())).toList();
        List<Object> arguments = new ArrayList<>(types.size());
        try {
            for (int i = 0; i < types.size(); i++) {
                arguments.add(ArgumentCodec.decode(types.get(i), call.arguments().get(i)));
            }
        } catch (BcsReader.BcsException e) {
            return new Unresolved(StatusCode.FAILED_TO_DESERIALIZE_ARGUMENT);
        }
        List<String> typeArguments = call.typeArguments().stream().map(MoveType::text).toList();
        return new Call(call.function(), typeArguments, types, List.copyOf(arguments));
    }
}
