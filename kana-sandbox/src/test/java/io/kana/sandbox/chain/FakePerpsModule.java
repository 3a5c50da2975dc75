package io.kana.sandbox.chain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A stand-in for the exchange: the ABI of the signing vectors' functions, recording every call. */
public final class FakePerpsModule implements PerpsModule {

    /** One call; {@code version} is 0 for a simulation. */
    public record Call(String sender, String function, List<String> typeArguments, List<Object> args, long timestampMicros,
            long version) {
    }

    public final List<Call> calls = new CopyOnWriteArrayList<>();
    public final List<Call> simulations = new CopyOnWriteArrayList<>();
    public final Map<String, BigDecimal> funded = new ConcurrentHashMap<>();
    public final Map<Long, BigDecimal> markPrices = new ConcurrentHashMap<>();
    /** Functions that abort, with the result they abort with. */
    public final Map<String, ExecutionResult> aborts = new ConcurrentHashMap<>();
    final ChainAccounts chain;
    private final String moduleAddress;

    public FakePerpsModule(ChainAccounts chain) {
        this(chain, TestTransaction.MODULE);
    }

    public FakePerpsModule(ChainAccounts chain, String moduleAddress) {
        this.chain = chain;
        this.moduleAddress = moduleAddress;
    }

    @Override
    public String moduleId() {
        return moduleAddress + "::perpetual_scripts";
    }

    @Override
    public List<EntryFunctionAbi> entryFunctions() {
        return List.of(
                new EntryFunctionAbi("place_limit_order", 0, List.of("&signer", "u64", "bool", "bool", "u64", "u64",
                        "u64", "u8", "u64", "u64")),
                new EntryFunctionAbi("cancel_multiple_orders", 0, List.of("&signer", "u64", "vector<u128>",
                        "vector<bool>")),
                new EntryFunctionAbi("place_multiple_orders", 0, List.of("&signer", "u64", "vector<bool>",
                        "vector<bool>", "vector<bool>", "vector<u64>", "vector<u64>", "vector<u64>", "u8",
                        "vector<u64>", "vector<u64>")),
                new EntryFunctionAbi("deposit", 1, List.of("&signer", "u64")),
                new EntryFunctionAbi("set_referral", 0, List.of("&signer", "address", "0x1::string::String",
                        "0x1::option::Option<u64>")),
                new EntryFunctionAbi("close_position", 0, List.of("&signer",
                        "0x1::object::Object<0x1::fungible_asset::Metadata>", "u64", "u16", "u32", "u128", "u256")),
                new EntryFunctionAbi("collapse_position", 0, List.of("&signer", "u64")));
    }

    @Override
    public ExecutionResult execute(String sender, String function, List<String> typeArguments, List<Object> args,
            long timestampMicros, long version) {
        calls.add(new Call(sender, function, typeArguments, args, timestampMicros, version));
        return aborts.getOrDefault(function, ExecutionResult.ok());
    }

    @Override
    public ExecutionResult simulate(String sender, String function, List<String> typeArguments, List<Object> args,
            long timestampMicros) {
        simulations.add(new Call(sender, function, typeArguments, args, timestampMicros, 0));
        return aborts.getOrDefault(function, ExecutionResult.ok());
    }

    @Override
    public void fundWallet(String wallet, BigDecimal quoteAmount) {
        funded.merge(wallet, quoteAmount, BigDecimal::add);
    }

    @Override
    public void setMarkPrice(long marketId, BigDecimal price) {
        markPrices.put(marketId, price);
    }
}
