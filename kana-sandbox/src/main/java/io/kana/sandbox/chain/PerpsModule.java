package io.kana.sandbox.chain;

import java.math.BigDecimal;
import java.util.List;

/**
 * The seam between the simulated chain ({@link SandboxNode}) and the simulated exchange: the chain
 * decodes and authenticates a transaction, then asks the module to run it.
 *
 * <p>Implemented by the exchange side. {@link #execute} calls arrive one at a time, in commit order;
 * {@link #simulate} calls may arrive on any thread at any time, also while a transaction executes.
 */
public interface PerpsModule {

    /** The module id, {@code 0x<64 hex>::perpetual_scripts}. */
    String moduleId();

    /** Every entry function of the module, as the node's module-ABI endpoint publishes it. */
    List<EntryFunctionAbi> entryFunctions();

    /**
     * Runs an entry function for {@code sender} (the wallet, long-form hex).
     *
     * @param args decoded by the chain from BCS according to the ABI's parameter types (signer
     *             parameters omitted): {@code Boolean} for bool; {@code java.math.BigInteger} for
     *             u8..u256; {@code String} (long-form {@code 0x} hex) for address and Object; {@code
     *             String} for 0x1::string::String; {@code byte[]} for vector&lt;u8&gt;;
     *             {@code java.util.Optional} for Option; {@code List} for other vectors
     * @param timestampMicros the block timestamp
     * @param version         the transaction's ledger version on the chain, greater than every version
     *                        executed before; what the module reports as {@code transaction_version}
     * @return success, or a Move abort that the chain records as a committed failed transaction
     * @throws IllegalArgumentException if {@code version} does not exceed the previous one
     */
    ExecutionResult execute(String sender, String function, List<String> typeArguments, List<Object> args,
            long timestampMicros, long version);

    /**
     * Runs an entry function exactly as {@link #execute} would against the latest committed state,
     * then discards every change it made (balances, books, positions, histories, id counters): the
     * dry run behind the node's simulate endpoint. The arguments are those of {@link #execute}.
     *
     * @return what {@link #execute} would return if this transaction committed next
     */
    ExecutionResult simulate(String sender, String function, List<String> typeArguments, List<Object> args,
            long timestampMicros);

    /** Credits a wallet with quote coins (human units, e.g. 10000 USDC); the sandbox's faucet. */
    void fundWallet(String wallet, BigDecimal quoteAmount);

    /** Moves a market's mark price (used for PnL, margin and liquidation prices). */
    void setMarkPrice(long marketId, BigDecimal price);

    /**
     * An entry function's ABI.
     *
     * @param name              function name
     * @param typeParameterCount number of generic type parameters
     * @param params            Move parameter types in order, including a leading {@code &signer}
     */
    record EntryFunctionAbi(String name, int typeParameterCount, List<String> params) {
        public EntryFunctionAbi {
            params = List.copyOf(params);
        }
    }

    /**
     * The result of running an entry function.
     *
     * @param success  true when it executed
     * @param codeName abort code name (e.g. {@code E_INSUFFICIENT_MARGIN}) when it aborted
     * @param code     abort code when it aborted
     * @param reason   a human description of the abort
     */
    record ExecutionResult(boolean success, String codeName, long code, String reason) {
        public static ExecutionResult ok() {
            return new ExecutionResult(true, null, 0, null);
        }

        public static ExecutionResult abort(String codeName, long code, String reason) {
            return new ExecutionResult(false, codeName, code, reason);
        }
    }
}
