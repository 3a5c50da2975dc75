package io.kana.aptos.abi;

import io.kana.aptos.tx.EntryFunction;
import io.kana.aptos.tx.RawTransaction;
import io.kana.aptos.tx.SignedTransaction;
import io.kana.aptos.tx.TransactionParameters;
import io.kana.core.model.EntryFunctionPayload;
import io.kana.core.port.WalletSigner;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a trade-API payload into a signed Aptos transaction: converts the JSON arguments by the
 * function's ABI (as the Aptos TypeScript SDK does), builds the raw transaction and signs it.
 *
 * <p>Each {@link ModuleAbi} is compiled once (parameter types parsed, encoders built) and cached, so
 * repeated calls cost little more than the signature. Thread-safe; share one instance.
 *
 * <pre>{@code
 * SignedTransaction tx = factory.sign(payload, abi,
 *         new TransactionParameters(signer.address(), sequenceNumber, 20_000, gasUnitPrice, expiry, 1), signer);
 * post(tx.bytes());  // tx.hash() is the hash the node reports
 * }</pre>
 *
 * <p>Bad payloads raise {@link AbiEncodingException} before anything is signed.
 */
public final class TransactionFactory {

    /** ABIs are refetched rarely; the bound only keeps a misbehaving caller from growing the cache forever. */
    private static final int MAX_CACHED_MODULES = 64;

    private final Map<ModuleAbi, CompiledModule> modules = new ConcurrentHashMap<>();
    /** The last module used: skips hashing the ABI record when the same instance comes again. */
    private volatile CompiledModule lastUsed;

    /** The entry function {@code payload} calls, with its arguments BCS-encoded by the ABI. */
    public EntryFunction encode(EntryFunctionPayload payload, ModuleAbi abi) {
        Objects.requireNonNull(payload, "payload");
        return compiled(abi).encode(payload);
    }

    /** The unsigned transaction. */
    public RawTransaction rawTransaction(EntryFunctionPayload payload, ModuleAbi abi, TransactionParameters parameters) {
        Objects.requireNonNull(parameters, "parameters");
        return new RawTransaction(parameters, encode(payload, abi));
    }

    /** The transaction signed by {@code signer}, ready for {@code POST /v1/transactions}. */
    public SignedTransaction sign(EntryFunctionPayload payload, ModuleAbi abi, TransactionParameters parameters,
            WalletSigner signer) {
        Objects.requireNonNull(signer, "signer");
        return rawTransaction(payload, abi, parameters).sign(signer);
    }

    /**
     * The transaction for {@code POST /v1/transactions/simulate}: a zero signature, which the node
     * requires. Needs only the sender's public key.
     */
    public SignedTransaction simulation(EntryFunctionPayload payload, ModuleAbi abi, TransactionParameters parameters,
            byte[] publicKey) {
        return rawTransaction(payload, abi, parameters).forSimulation(publicKey);
    }

    private CompiledModule compiled(ModuleAbi abi) {
        Objects.requireNonNull(abi, "abi");
        CompiledModule last = lastUsed;
        if (last != null && last.abi() == abi) {
            return last;
        }
        CompiledModule module = modules.get(abi);
        if (module == null) {
            if (modules.size() >= MAX_CACHED_MODULES) {
                modules.clear();
            }
            module = modules.computeIfAbsent(abi, CompiledModule::compile);
        }
        lastUsed = module;
        return module;
    }
}
