package io.kana.examples;

import static io.kana.examples.ExampleEnvironment.APT_USDC;

import io.kana.client.KanaClient;
import io.kana.core.model.CancelOrdersRequest;
import io.kana.core.model.Direction;
import io.kana.core.model.LimitOrderRequest;
import io.kana.core.model.MarketId;
import io.kana.core.model.MarketOrderRequest;
import io.kana.core.model.MarketPrice;
import io.kana.core.model.MarketRules;
import io.kana.core.model.Order;
import io.kana.core.model.OrderId;
import io.kana.core.model.OrderToCancel;
import io.kana.core.model.Position;
import io.kana.core.model.Restriction;
import io.kana.core.model.Side;
import io.kana.core.trading.TradeResult;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Order helpers the examples share: prices relative to the market, so the examples behave alike on
 * any network, and finding the id of an order just placed (a transaction result carries none).
 */
final class ExampleOrders {

    private ExampleOrders() {}

    /**
     * The last execution price, else the middle of the book: what the examples price their orders
     * around. (Kana's asset info carries no price.)
     */
    static BigDecimal referencePrice(KanaClient client, MarketId marketId) {
        BigDecimal last = client.markets().lastExecutionPrice(marketId);
        if (last != null && last.signum() > 0) {
            return last;
        }
        MarketPrice book = client.markets().marketPrice(marketId);
        if (book.bestBid() != null && book.bestAsk() != null) {
            return book.bestBid().add(book.bestAsk()).divide(BigDecimal.valueOf(2));
        }
        throw new IllegalStateException("market " + marketId + " reports neither a last price nor both best "
                + "prices to place the example orders around");
    }

    /** {@code reference * factor}, rounded down to a whole tick of the market. */
    static BigDecimal onTick(MarketRules rules, BigDecimal reference, String factor) {
        BigDecimal tick = rules.priceIncrement();
        return reference.multiply(new BigDecimal(factor)).divide(tick, 0, RoundingMode.FLOOR).multiply(tick)
                .stripTrailingZeros();
    }

    /**
     * A post-only long limit order on APT/USDC at {@code price}: it rests on the book or aborts, so
     * it never trades at once, whatever the book on a real network looks like.
     */
    static LimitOrderRequest restingLong(BigDecimal size, BigDecimal price, int leverage) {
        return LimitOrderRequest.of(APT_USDC, Side.LONG, Direction.OPEN, size, price, leverage)
                .withRestriction(Restriction.POST_OR_ABORT);
    }

    /**
     * Runs a write that places orders and returns the ids of the orders it left open: the orders
     * open on chain that were not open before.
     */
    static List<OrderId> placing(Transcript out, KanaClient wallet, String label,
            Supplier<CompletableFuture<TradeResult>> write) {
        List<OrderId> before = openOnChain(wallet);
        out.transaction(label, write.get());
        List<OrderId> placed = new ArrayList<>(openOnChain(wallet));
        placed.removeAll(before);
        out.detail("new open order%s %s", placed.size() == 1 ? "" : "s",
                placed.stream().map(OrderId::toString).collect(Collectors.joining(", ")));
        return placed;
    }

    /** Like {@link #placing}, for a write that leaves exactly one order open. */
    static OrderId placingOne(Transcript out, KanaClient wallet, String label,
            Supplier<CompletableFuture<TradeResult>> write) {
        List<OrderId> placed = placing(out, wallet, label, write);
        if (placed.size() != 1) {
            throw new IllegalStateException("expected one new open order, found " + placed.size()
                    + " on chain");
        }
        return placed.get(0);
    }

    /**
     * The counterparty (sandbox only) funds itself, deposits {@code deposit} USDC and sells {@code size}
     * APT/USDC at market; without a counterparty the step is skipped. Returns whether it sold.
     */
    static boolean counterpartySells(ExampleEnvironment env, Transcript out, BigDecimal deposit, BigDecimal size,
            int leverage) {
        if (env.counterparty().isEmpty()) {
            out.skip("needs a second wallet (sandbox only)");
            return false;
        }
        KanaClient counterparty = env.counterparty().get();
        env.fundFromFaucet(counterparty, ExampleEnvironment.FAUCET_USDC);
        out.transaction("deposit (B)", counterparty.trader().deposit(deposit));
        out.transaction("market sell (B)", counterparty.trader().placeMarketOrder(
                MarketOrderRequest.of(APT_USDC, Side.SHORT, Direction.OPEN, size, leverage)));
        return true;
    }

    /** Cancels, in one transaction, those of {@code placed} (order id to side) that are still open. */
    static void cancelStillOpen(Transcript out, KanaClient wallet, String label, Map<OrderId, Side> placed) {
        List<OrderToCancel> open = stillOpen(wallet, placed);
        if (open.isEmpty()) {
            out.skip("none of the orders placed is open any more");
            return;
        }
        out.detail("cancelling %s", open.stream().map(OrderToCancel::orderId).toList());
        out.transaction(label, wallet.trader().cancelMultipleOrders(new CancelOrdersRequest(APT_USDC, open)));
    }

    /** Those of {@code placed} (order id to side) that are still open, ready to cancel. */
    static List<OrderToCancel> stillOpen(KanaClient wallet, Map<OrderId, Side> placed) {
        List<OrderId> open = openOnChain(wallet);
        return placed.entrySet().stream()
                .filter(e -> open.contains(e.getKey()))
                .map(e -> new OrderToCancel(e.getKey(), e.getValue()))
                .toList();
    }

    /** The ids of the wallet's open APT/USDC orders, read from the chain (an index may lag the last commit). */
    private static List<OrderId> openOnChain(KanaClient wallet) {
        return wallet.orders().openOrdersFromContract(wallet.wallet(), APT_USDC).stream().map(Order::orderId).toList();
    }

    /** The wallet's long position on APT/USDC, if it has one. */
    static Optional<Position> longPosition(KanaClient wallet) {
        return wallet.positions().positions(wallet.wallet(), APT_USDC).stream()
                .filter(p -> p.side() == Side.LONG)
                .findFirst();
    }
}
