package io.kana.aptos.abi;

import io.kana.aptos.tx.EntryFunction;
import io.kana.aptos.types.TypeTag;
import io.kana.core.error.InvalidRequestException;
import io.kana.core.model.AccountAddress;
import io.kana.core.model.EntryFunctionPayload;
import java.util.TreeSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A module ABI with every function compiled once. Thread-safe. */
final class CompiledModule {

    /** Payloads repeat the same few type arguments; the bound only guards against unbounded growth. */
    private static final int MAX_CACHED_TYPE_ARGUMENTS = 256;

    private final ModuleAbi abi;
    private final String moduleId;
    private final Map<String, CompiledFunction> functions;
    private final Map<String, TypeTag> typeArgumentCache = new ConcurrentHashMap<>();

    private CompiledModule(ModuleAbi abi) {
        this.abi = abi;
        this.moduleId = abi.address().toShortString() + "::" + abi.name();
        Map<String, CompiledFunction> compiled = new HashMap<>();
        for (FunctionAbi function : abi.functions()) {
            compiled.putIfAbsent(function.name(), CompiledFunction.compile(abi.address(), abi.name(), function));
        }
        this.functions = Map.copyOf(compiled);
    }

    static CompiledModule compile(ModuleAbi abi) {
        return new CompiledModule(abi);
    }

    ModuleAbi abi() {
        return abi;
    }

    EntryFunction encode(EntryFunctionPayload payload) {
        String function = payload.function();
        int moduleStart = function.indexOf("::") + 2;
        int functionStart = function.indexOf("::", moduleStart) + 2;
        String moduleName = function.substring(moduleStart, functionStart - 2);
        String functionName = function.substring(functionStart);
        if (!moduleName.equals(abi.name()) || !sameAddress(function.substring(0, moduleStart - 2), function)) {
            throw new AbiEncodingException(function, "the payload calls module "
                    + function.substring(0, functionStart - 2) + " but the ABI given is of " + moduleId);
        }
        CompiledFunction compiled = functions.get(functionName);
        if (compiled == null) {
            throw new AbiEncodingException(function, "module " + moduleId + " has no function '" + functionName
                    + "'; its functions are " + new TreeSet<>(functions.keySet()));
        }
        return compiled.encode(function, typeArguments(function, payload.typeArguments()), payload.functionArguments());
    }

    private boolean sameAddress(String text, String function) {
        AccountAddress expected = abi.address();
        if (text.equals(expected.hex()) || text.equals(expected.toShortString())) {
            return true;
        }
        try {
            return AccountAddress.parse(text).equals(expected);
        } catch (InvalidRequestException e) {
            throw new AbiEncodingException(function, "the payload's module address is invalid: " + e.getMessage());
        }
    }

    private List<TypeTag> typeArguments(String function, List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        TypeTag[] tags = new TypeTag[texts.size()];
        for (int i = 0; i < tags.length; i++) {
            String text = texts.get(i);
            TypeTag tag = typeArgumentCache.get(text);
            if (tag == null) {
                tag = parseTypeArgument(function, i, text);
                if (typeArgumentCache.size() >= MAX_CACHED_TYPE_ARGUMENTS) {
                    typeArgumentCache.clear();
                }
                typeArgumentCache.put(text, tag);
            }
            tags[i] = tag;
        }
        return List.of(tags);
    }

    private static TypeTag parseTypeArgument(String function, int index, String text) {
        TypeTag tag;
        try {
            tag = TypeTag.parse(text);
        } catch (InvalidRequestException e) {
            throw new AbiEncodingException(function, "typeArguments[" + index + "] is not a Move type: " + e.getMessage());
        }
        if (tag.isGeneric() || tag instanceof TypeTag.Reference) {
            throw new AbiEncodingException(function, "typeArguments[" + index + "] must be a concrete type, got " + tag);
        }
        return tag;
    }
}
