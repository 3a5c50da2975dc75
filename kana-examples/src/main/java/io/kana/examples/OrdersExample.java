package io.kana.examples;

import static io.kana.examples.ExampleEnvironment.APT_USDC;
import static io.kana.examples.ExampleEnvironment.FAUCET_USDC;
import static io.kana.examples.ExampleOrders.onTick;
import static io.kana.examples.ExampleOrders.restingLong;
import static io.kana.examples.Show.amount;

import io.kana.client.KanaClient;
import io.kana.core.model.CancelAndPlaceRequest;
import io.kana.core.model.Direction;
import io.kana.core.model.MarketRules;
import io.kana.core.model.MultipleOrdersRequest;
import io.kana.core.model.OrderId;
import io.kana.core.model.OrderSpec;
import io.kana.core.model.OrderToCancel;
import io.kana.core.model.PageRequest;
import io.kana.core.model.ProfileAddress;
import io.kana.core.model.Restriction;
import io.kana.core.model.Side;
import io.kana.core.model.SortOrder;
import io.kana.core.model.TimeRange;
import io.kana.core.model.WalletAddress;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Orders: place a limit order, read it back (open orders, ids, status), replace it with
 * cancel-and-place, place a batch, let the counterparty fill part of it (sandbox only), read fills,
 * cancel the rest in one transaction, and read the order and trade history. Every order rests
 * post-only below the mark, so on a real network nothing trades unless someone takes it.
 * {@code mvn -B -q -pl kana-examples -am -DskipTests package exec:java -Dexample=io.kana.examples.OrdersExample}
 */
public final class OrdersExample {

    static final BigDecimal DEPOSIT = new BigDecimal("100");
    static final BigDecimal SIZE = BigDecimal.ONE;
    static final int LEVERAGE = 5;

    private OrdersExample() {}

    public static void main(String[] args) {
        ExampleEnvironment.runMain(OrdersExample::run);
    }

    static List<Transcript.Step> run(ExampleEnvironment env, Transcript out) {
        KanaClient kana = env.trader();
        WalletAddress wallet = kana.wallet();
        Instant start = Instant.now().minusSeconds(60);
        MarketRules rules = MarketRules.of(kana.markets().market(APT_USDC));
        BigDecimal mark = ExampleOrders.referencePrice(kana, APT_USDC);
        Map<OrderId, Side> placed = new LinkedHashMap<>();

        out.step("Fund and deposit " + amount(DEPOSIT) + " USDC");
        if (!env.fundFromFaucet(kana, FAUCET_USDC)) {
            out.detail("no faucet when KANA_NETWORK is set: the wallet needs USDC, and APT for gas, already");
        }
        out.transaction("deposit", kana.trader().deposit(DEPOSIT));

        BigDecimal price = onTick(rules, mark, "0.97");
        out.step("Place a limit order: long " + amount(SIZE) + " APT at " + amount(price) + " (placeLimitOrder)");
        OrderId first = ExampleOrders.placingOne(out, kana, "limit buy",
                () -> kana.trader().placeLimitOrder(restingLong(SIZE, price, LEVERAGE)));
        placed.put(first, Side.LONG);

        out.step("Read it back (getOpenOrders, getAllOpenOrderIds, getOrderStatusByOrderId)");
        kana.orders().openOrders(wallet, APT_USDC).forEach(order -> Show.order(out, order));
        out.detail("open order ids %s", kana.orders().openOrderIds(wallet, APT_USDC));
        out.detail("status of %s: %s", first, kana.orders().orderStatus(APT_USDC, first).status());

        BigDecimal better = onTick(rules, mark, "0.98");
        out.step("Move it to " + amount(better) + " in one transaction (cancelAndPlaceMultipleOrders)");
        OrderId moved = ExampleOrders.placingOne(out, kana, "replace", () -> kana.trader().cancelAndPlaceMultipleOrders(
                new CancelAndPlaceRequest(APT_USDC, List.of(new OrderToCancel(first, Side.LONG)),
                        List.of(OrderSpec.limit(Side.LONG, Direction.OPEN, SIZE, better, LEVERAGE)),
                        Restriction.POST_OR_ABORT)));
        placed.put(moved, Side.LONG);
        out.detail("status of %s: %s", first, kana.orders().fetchOrderStatus(APT_USDC, first).status());

        BigDecimal lower = onTick(rules, mark, "0.96");
        BigDecimal lowest = onTick(rules, mark, "0.95");
        out.step("Place two more in one transaction, at " + amount(lower) + " and " + amount(lowest)
                + " (placeMultipleOrders)");
        ExampleOrders.placing(out, kana, "batch", () -> kana.trader().placeMultipleOrders(new MultipleOrdersRequest(
                APT_USDC, List.of(OrderSpec.limit(Side.LONG, Direction.OPEN, SIZE, lower, LEVERAGE),
                        OrderSpec.limit(Side.LONG, Direction.OPEN, SIZE, lowest, LEVERAGE)),
                Restriction.POST_OR_ABORT))).forEach(id -> placed.put(id, Side.LONG));

        BigDecimal taken = new BigDecimal("1.5");
        out.step("The counterparty sells " + amount(taken) + " APT at market into these bids");
        if (ExampleOrders.counterpartySells(env, out, DEPOSIT, taken, LEVERAGE)) {
            placed.keySet().forEach(id -> out.detail("order %s: %s", id,
                    kana.orders().fetchOrderStatus(APT_USDC, id).status()));
        }

        out.step("Fills (getFillsForGivenTimestamp, getFills)");
        kana.orders().fillsBetween(wallet, APT_USDC, start, null, PageRequest.of(0, 10, SortOrder.DESC))
                .forEach(fill -> Show.fill(out, "my", fill));
        ProfileAddress profile = kana.accounts().profileAddress(wallet);
        out.detail("fills of order %s: %d", moved, kana.orders().fills(APT_USDC, profile,
                TimeRange.between(start, Instant.now().plus(Duration.ofMinutes(1))), moved).size());

        out.step("Cancel what is still open in one transaction (cancelMultipleOrders)");
        ExampleOrders.cancelStillOpen(out, kana, "cancel", placed);
        out.detail("open order ids now %s", kana.orders().openOrderIds(wallet, APT_USDC));

        out.step("Order history and trade history (getOrderHistory, getTradeHistory)");
        kana.orders().orderHistory(wallet, APT_USDC, PageRequest.of(0, 10, SortOrder.DESC))
                .forEach(order -> Show.order(out, order));
        kana.orders().tradeHistory(wallet, APT_USDC, PageRequest.of(0, 10, SortOrder.DESC))
                .forEach(t -> out.detail("trade %s  %s %s APT at %s  fee %s USDC", t.tradeId(), Show.side(t.side()),
                        amount(t.size()), amount(t.price()), amount(t.fee())));
        return out.finish();
    }
}
