package io.kana.sandbox;

import io.kana.sandbox.Clearing.OrderRequest;
import io.kana.sandbox.ExecutionAbort.Code;
import io.kana.sandbox.PerpsModule.EntryFunctionAbi;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The module's entry functions (WIRE.md): their ABI and the decoding of their arguments. */
final class EntryFunctions {

    private static final String[] PLACE_VECTORS = {"vector<bool>", "vector<bool>", "vector<bool>", "vector<u64>",
        "vector<u64>", "vector<u64>", "vector<u8>", "vector<u64>", "vector<u64>"};

    static final List<EntryFunctionAbi> ABI = List.of(
            abi("deposit", "address", "u64"),
            abi("withdraw_specific_market", "u64", "u64"),
            abi("place_limit_order", "u64", "bool", "bool", "u64", "u64", "u64", "u8", "u64", "u64"),
            abi("place_market_order", "u64", "bool", "bool", "u64", "u64", "u64", "u64"),
            abi("place_multiple_orders", concat(new String[] {"u64"}, PLACE_VECTORS)),
            abi("cancel_multiple_orders", "u64", "vector<u128>", "vector<bool>"),
            abi("cancel_and_place_multiple_orders",
                    concat(new String[] {"u64", "vector<u128>", "vector<bool>"}, PLACE_VECTORS)),
            abi("update_take_profit", "u64", "bool", "u64"),
            abi("update_stop_loss", "u64", "bool", "u64"),
            abi("add_margin", "u64", "bool", "u64"),
            abi("collapse_position", "u64"),
            abi("settle_pnl", "address", "u64"));

    private EntryFunctions() {}

    /** Runs {@code function} (a bare name or {@code <module id>::name}) for the wallet {@code sender}. */
    static void run(Clearing clearing, String moduleId, String sender, String function, List<Object> rawArgs) {
        int separator = function.lastIndexOf("::");
        if (separator >= 0 && !function.substring(0, separator).equals(moduleId)) {
            throw new ExecutionAbort(Code.E_UNKNOWN_FUNCTION, function + " is not in module " + moduleId);
        }
        String name = function.substring(separator < 0 ? 0 : separator + 2);
        EntryFunctionAbi abi = ABI.stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new ExecutionAbort(Code.E_UNKNOWN_FUNCTION, "no entry function " + function));
        if (rawArgs.size() != abi.params().size() - 1) {
            throw Clearing.invalid(abi.name() + " takes " + (abi.params().size() - 1) + " arguments, got "
                    + rawArgs.size());
        }
        Args args = new Args(rawArgs);
        String profile = Addresses.profileOf(sender);
        switch (abi.name()) {
            case "deposit" -> clearing.deposit(sender, args.address(0), args.u64(1));
            case "withdraw_specific_market" -> clearing.withdraw(sender, args.u64(0), args.u64(1));
            case "place_limit_order" -> clearing.place(profile, args.u64(0), new OrderRequest(true, args.bool(1),
                    args.bool(2), args.u64(3), args.u64(4), args.leverage(5), args.u8(6), args.u64(7), args.u64(8)));
            case "place_market_order" -> clearing.place(profile, args.u64(0), new OrderRequest(false, args.bool(1),
                    args.bool(2), args.u64(3), 0, args.leverage(4), Clearing.NO_RESTRICTION, args.u64(5), args.u64(6)));
            case "place_multiple_orders" -> placeAll(clearing, profile, args.u64(0), args, 1);
            case "cancel_multiple_orders" -> cancelAll(clearing, profile, args.u64(0), args);
            case "cancel_and_place_multiple_orders" -> {
                cancelAll(clearing, profile, args.u64(0), args);
                placeAll(clearing, profile, args.u64(0), args, 3);
            }
            case "update_take_profit" -> clearing.updateTakeProfit(profile, args.u64(0), args.bool(1), args.u64(2));
            case "update_stop_loss" -> clearing.updateStopLoss(profile, args.u64(0), args.bool(1), args.u64(2));
            case "add_margin" -> clearing.addMargin(profile, args.u64(0), args.bool(1), args.u64(2));
            case "collapse_position" -> clearing.collapse(profile, args.u64(0));
            case "settle_pnl" -> clearing.settle(Addresses.profileOf(args.address(0)), args.u64(1));
            default -> throw new IllegalStateException("every ABI entry has a case: " + abi.name());
        }
    }

    private static void cancelAll(Clearing clearing, String profile, long marketId, Args args) {
        List<BigInteger> ids = args.u128s(1);
        List<Boolean> sides = args.bools(2);
        sameLength("orderIds", ids.size(), "orderSides", sides.size());
        for (int i = 0; i < ids.size(); i++) {
            clearing.cancel(profile, marketId, ids.get(i), sides.get(i));
        }
    }

    private static void placeAll(Clearing clearing, String profile, long marketId, Args args, int first) {
        List<Boolean> types = args.bools(first);
        List<Boolean> tradeSides = args.bools(first + 1);
        List<Boolean> directions = args.bools(first + 2);
        List<Long> sizes = args.u64s(first + 3);
        List<Long> prices = args.u64s(first + 4);
        List<Long> leverages = args.u64s(first + 5);
        List<Long> restrictions = args.u8s(first + 6);
        List<Long> takeProfits = args.u64s(first + 7);
        List<Long> stopLosses = args.u64s(first + 8);
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

    private static EntryFunctionAbi abi(String name, String... params) {
        return new EntryFunctionAbi(name, 0, Stream.concat(Stream.of("&signer"), Stream.of(params)).toList());
    }

    private static String[] concat(String[] a, String[] b) {
        return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
    }

    /** Arguments as the chain decoded them; a value of the wrong kind is an invalid argument. */
    private record Args(List<Object> values) {

        long u64(int i) {
            return toLong(values.get(i), i);
        }

        int u8(int i) {
            return (int) toLong(values.get(i), i);
        }

        boolean bool(int i) {
            if (values.get(i) instanceof Boolean b) {
                return b;
            }
            throw wrongKind(i, "bool");
        }

        String address(int i) {
            if (values.get(i) instanceof String s && Addresses.isValid(s)) {
                return Addresses.longForm(s);
            }
            throw wrongKind(i, "address");
        }

        int leverage(int i) {
            return leverage(u64(i));
        }

        static int leverage(long value) {
            return (int) Math.min(value, Integer.MAX_VALUE);
        }

        List<Boolean> bools(int i) {
            List<Boolean> result = new ArrayList<>();
            for (Object o : list(i)) {
                if (!(o instanceof Boolean b)) {
                    throw wrongKind(i, "vector<bool>");
                }
                result.add(b);
            }
            return result;
        }

        List<Long> u64s(int i) {
            List<Long> result = new ArrayList<>();
            for (Object o : list(i)) {
                result.add(toLong(o, i));
            }
            return result;
        }

        List<Long> u8s(int i) {
            if (values.get(i) instanceof byte[] bytes) {
                List<Long> result = new ArrayList<>(bytes.length);
                for (byte b : bytes) {
                    result.add((long) Byte.toUnsignedInt(b));
                }
                return result;
            }
            return u64s(i);
        }

        List<BigInteger> u128s(int i) {
            List<BigInteger> result = new ArrayList<>();
            for (Object o : list(i)) {
                if (!(o instanceof BigInteger b)) {
                    throw wrongKind(i, "vector<u128>");
                }
                result.add(b);
            }
            return result;
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
                    throw Clearing.invalid("argument " + i + " is " + b + ", beyond what the sandbox supports (2^63 - 1)");
                }
                return b.longValue();
            }
            throw wrongKind(i, "an unsigned integer");
        }

        private ExecutionAbort wrongKind(int i, String kind) {
            Object v = values.get(i);
            return Clearing.invalid("argument " + i + " should be " + kind + ", got "
                    + (v == null ? "null" : v.getClass().getSimpleName()));
        }
    }
}
