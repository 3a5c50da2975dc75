package io.kana.sandbox.exchange;

import io.kana.sandbox.chain.PerpsContract;
import io.kana.sandbox.chain.PerpsModule.EntryFunctionAbi;
import io.kana.sandbox.exchange.Clearing.OrderRequest;
import io.kana.sandbox.exchange.ExecutionAbort.Code;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The module's entry functions, as the contract file describes them: their ABI, and running a call
 * by operation and argument source (never by position), so a contract with reordered or added
 * parameters runs the same trades.
 */
final class EntryFunctions {

    private EntryFunctions() {}

    /** The published ABI: per operation its first function name and the contract's Move types. */
    static List<EntryFunctionAbi> abi(PerpsContract contract) {
        return contract.operations().stream()
                .map(op -> new EntryFunctionAbi(op.function(), 0,
                        Stream.concat(Stream.of("&signer"), op.moveTypes().stream()).toList()))
                .toList();
    }

    /** Runs {@code function} (a bare name or {@code <module id>::name}) for the wallet {@code sender}. */
    static void run(Clearing clearing, PerpsContract contract, String moduleId, String sender, String function,
            List<Object> rawArgs) {
        int separator = function.lastIndexOf("::");
        if (separator >= 0 && !function.substring(0, separator).equals(moduleId)) {
            throw new ExecutionAbort(Code.E_UNKNOWN_FUNCTION, function + " is not in module " + moduleId);
        }
        String name = function.substring(separator < 0 ? 0 : separator + 2);
        PerpsContract.Operation op = contract.byFunction(name)
                .orElseThrow(() -> new ExecutionAbort(Code.E_UNKNOWN_FUNCTION, "no entry function " + function));
        if (rawArgs.size() != op.args().size()) {
            throw Clearing.invalid(name + " takes " + op.args().size() + " arguments, got " + rawArgs.size());
        }
        Args args = new Args(op.args(), rawArgs);
        String profile = Addresses.profileOf(sender);
        switch (op.name()) {
            case "DEPOSIT" -> clearing.deposit(sender, args.address("sender"), args.u64("amount@quoteUnits"));
            case "WITHDRAW" -> {
                String wallet = args.address("sender");
                if (!wallet.equals(sender)) {
                    throw Clearing.invalid("withdraw names wallet " + wallet + " but " + sender
                            + " signed: a wallet withdraws only its own profile's coins");
                }
                clearing.withdraw(sender, args.u64("marketId"), args.u64("amount@quoteUnits"));
            }
            case "PLACE_LIMIT_ORDER" -> clearing.place(profile, args.u64("marketId"), new OrderRequest(true,
                    args.bool("side"), args.bool("direction"), args.u64("size@lots"), args.u64("price@ticks"),
                    Args.leverage(args.u64("leverage")), args.u8("restriction"),
                    args.u64("takeProfit@triggerTicks"), args.u64("stopLoss@triggerTicks")));
            case "PLACE_MARKET_ORDER" -> clearing.place(profile, args.u64("marketId"), new OrderRequest(false,
                    args.bool("side"), args.bool("direction"), args.u64("size@lots"), 0,
                    Args.leverage(args.u64("leverage")), Clearing.NO_RESTRICTION,
                    args.u64("takeProfit@triggerTicks"), args.u64("stopLoss@triggerTicks")));
            case "PLACE_MULTIPLE_ORDERS" -> placeAll(clearing, profile, args.u64("marketId"), args);
            case "CANCEL_MULTIPLE_ORDERS" -> cancelAll(clearing, profile, args.u64("marketId"), args);
            case "CANCEL_AND_PLACE_MULTIPLE_ORDERS" -> {
                cancelAll(clearing, profile, args.u64("marketId"), args);
                placeAll(clearing, profile, args.u64("marketId"), args);
            }
            case "UPDATE_TAKE_PROFIT" -> clearing.updateTakeProfit(profile, args.u64("marketId"), args.bool("side"),
                    args.u64("takeProfit@triggerTicks"));
            case "UPDATE_STOP_LOSS" -> clearing.updateStopLoss(profile, args.u64("marketId"), args.bool("side"),
                    args.u64("stopLoss@triggerTicks"));
            case "ADD_MARGIN" -> clearing.addMargin(profile, args.u64("marketId"), args.bool("side"),
                    args.u64("amount@quoteUnits"));
            case "COLLAPSE_POSITION" -> clearing.collapse(profile, args.u64("marketId"));
            case "SETTLE_PNL" -> clearing.settle(Addresses.profileOf(args.address("sender")), args.u64("marketId"));
            default -> throw new IllegalStateException("the contract parser admits no operation " + op.name());
        }
    }

    private static void cancelAll(Clearing clearing, String profile, long marketId, Args args) {
        List<BigInteger> ids = args.u128s("cancels.orderId");
        List<Boolean> sides = args.bools("cancels.side");
        sameLength("orderIds", ids.size(), "orderSides", sides.size());
        for (int i = 0; i < ids.size(); i++) {
            clearing.cancel(profile, marketId, ids.get(i), sides.get(i));
        }
    }

    private static void placeAll(Clearing clearing, String profile, long marketId, Args args) {
        List<Boolean> types = args.bools("orders.type");
        List<Boolean> tradeSides = args.bools("orders.side");
        List<Boolean> directions = args.bools("orders.direction");
        List<Long> sizes = args.u64s("orders.size@lots");
        List<Long> prices = args.u64s("orders.price@ticks");
        List<Long> leverages = args.u64s("orders.leverage");
        List<Long> restrictions = args.u8s("orders.restriction");
        List<Long> takeProfits = args.u64s("orders.takeProfit@triggerTicks");
        List<Long> stopLosses = args.u64s("orders.stopLoss@triggerTicks");
        int n = types.size();
        sameLength("orderTypes", n, "tradeSides", tradeSides.size());
        sameLength("orderTypes", n, "directions", directions.size());
        sameLength("orderTypes", n, "sizes", sizes.size());
        sameLength("orderTypes", n, "prices", prices.size());
        sameLength("orderTypes", n, "leverages", leverages.size());
        sameLength("orderTypes", n, "restrictions", restrictions.size());
        sameLength("orderTypes", n, "takeProfits", takeProfits.size());
        sameLength("orderTypes", n, "stopLosses", stopLosses.size());
        for (int i = 0; i < n; i++) {
            boolean limit = types.get(i);
            clearing.place(profile, marketId, new OrderRequest(limit, tradeSides.get(i), directions.get(i),
                    sizes.get(i), limit ? prices.get(i) : 0, Args.leverage(leverages.get(i)),
                    limit ? restrictions.get(i).intValue() : Clearing.NO_RESTRICTION, takeProfits.get(i),
                    stopLosses.get(i)));
        }
    }

    private static void sameLength(String a, int aLength, String b, int bLength) {
        if (aLength != bLength) {
            throw Clearing.invalid(a + " has " + aLength + " elements but " + b + " has " + bLength);
        }
    }

    /**
     * Arguments as the chain decoded them, looked up by the contract source that feeds them (the
     * first argument of a source wins); a value of the wrong kind is an invalid argument.
     */
    private static final class Args {

        private final List<PerpsContract.Arg> params;
        private final List<Object> values;

        Args(List<PerpsContract.Arg> params, List<Object> values) {
            this.params = params;
            this.values = values;
        }

        long u64(String source) {
            int i = index(source);
            return toLong(values.get(i), i);
        }

        int u8(String source) {
            return (int) u64(source);
        }

        boolean bool(String source) {
            int i = index(source);
            if (values.get(i) instanceof Boolean b) {
                return b;
            }
            throw wrongKind(i, "bool");
        }

        String address(String source) {
            int i = index(source);
            if (values.get(i) instanceof String s && Addresses.isValid(s)) {
                return Addresses.longForm(s);
            }
            throw wrongKind(i, "address");
        }

        static int leverage(long value) {
            return (int) Math.min(value, Integer.MAX_VALUE);
        }

        List<Boolean> bools(String source) {
            int i = index(source);
            List<Boolean> result = new ArrayList<>();
            for (Object o : list(i)) {
                if (!(o instanceof Boolean b)) {
                    throw wrongKind(i, "vector<bool>");
                }
                result.add(b);
            }
            return result;
        }

        List<Long> u64s(String source) {
            return u64s(index(source));
        }

        private List<Long> u64s(int i) {
            List<Long> result = new ArrayList<>();
            for (Object o : list(i)) {
                result.add(toLong(o, i));
            }
            return result;
        }

        List<Long> u8s(String source) {
            int i = index(source);
            if (values.get(i) instanceof byte[] bytes) {
                List<Long> result = new ArrayList<>(bytes.length);
                for (byte b : bytes) {
                    result.add((long) Byte.toUnsignedInt(b));
                }
                return result;
            }
            return u64s(i);
        }

        List<BigInteger> u128s(String source) {
            int i = index(source);
            List<BigInteger> result = new ArrayList<>();
            for (Object o : list(i)) {
                if (!(o instanceof BigInteger b)) {
                    throw wrongKind(i, "vector<u128>");
                }
                result.add(b);
            }
            return result;
        }

        private int index(String source) {
            for (int i = 0; i < params.size(); i++) {
                if (params.get(i).source().equals(source)) {
                    return i;
                }
            }
            throw Clearing.invalid("the function has no parameter fed by " + source);
        }

        private List<?> list(int i) {
            if (values.get(i) instanceof List<?> list) {
                return list;
            }
            throw wrongKind(i, "vector");
        }

        private long toLong(Object value, int i) {
            if (value instanceof BigInteger b) {
                if (b.signum() < 0 || b.bitLength() > 63) {
                    throw Clearing.invalid("argument " + i + " (" + params.get(i).name() + ") is " + b
                            + ", beyond what the sandbox supports (2^63 - 1)");
                }
                return b.longValue();
            }
            throw wrongKind(i, "an unsigned integer");
        }

        private ExecutionAbort wrongKind(int i, String kind) {
            Object v = values.get(i);
            return Clearing.invalid("argument " + i + " (" + params.get(i).name() + ") should be " + kind + ", got "
                    + (v == null ? "null" : v.getClass().getSimpleName()));
        }
    }
}
