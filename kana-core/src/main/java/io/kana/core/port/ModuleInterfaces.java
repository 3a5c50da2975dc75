package io.kana.core.port;

import io.kana.core.contract.OnChainFunction;
import io.kana.core.model.AccountAddress;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The chain's view of a published Move module: what its functions look like, as the node's ABI says.
 * The trader checks the contract against it before the first signature of each operation.
 */
public interface ModuleInterfaces {

    /**
     * The functions of {@code module} published by {@code publisher}, by name (entry or not; the
     * check judges). Completes exceptionally with a {@link io.kana.core.error.KanaException} when
     * the node cannot answer.
     */
    CompletableFuture<Map<String, OnChainFunction>> functions(AccountAddress publisher, String module);
}
