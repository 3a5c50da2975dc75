package io.kana.aptos.abi;

import io.kana.core.model.AccountAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The ABI of a Move module, as {@code GET /v1/accounts/{address}/module/{name}} publishes it;
 * only what transaction building needs.
 *
 * @param address   the publishing account
 * @param name      the module name
 * @param functions the exposed functions
 */
public record ModuleAbi(AccountAddress address, String name, List<FunctionAbi> functions) {

    public ModuleAbi {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(name, "name");
        functions = List.copyOf(functions);
    }

    /** The exposed function called {@code functionName}, if any. */
    public Optional<FunctionAbi> function(String functionName) {
        return functions.stream().filter(f -> f.name().equals(functionName)).findFirst();
    }
}
