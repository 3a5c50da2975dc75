package io.kana.aptos.submit;

import io.kana.aptos.abi.FunctionAbi;
import io.kana.aptos.abi.ModuleAbi;
import io.kana.core.contract.OnChainFunction;
import io.kana.core.model.AccountAddress;
import io.kana.core.port.ModuleInterfaces;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The drift guard's view of a module: the ABI the submitter fetched (once) to encode arguments, so
 * checking the contract costs no extra request.
 */
final class CachedModuleInterfaces implements ModuleInterfaces {

    private final NodeCaches caches;

    CachedModuleInterfaces(NodeCaches caches) {
        this.caches = caches;
    }

    @Override
    public CompletableFuture<Map<String, OnChainFunction>> functions(AccountAddress publisher, String module) {
        return caches.abi(publisher, module).thenApply(CachedModuleInterfaces::byName);
    }

    static Map<String, OnChainFunction> byName(ModuleAbi abi) {
        Map<String, OnChainFunction> functions = new HashMap<>();
        for (FunctionAbi function : abi.functions()) {
            functions.put(function.name(), new OnChainFunction(function.name(), function.entry(),
                    function.paramsAfterSigners(), function.typeParameterCount()));
        }
        return Map.copyOf(functions);
    }
}
