package io.kana.examples;

import io.kana.client.KanaClient;
import io.kana.core.model.CancelAndPlaceRequest;
import io.kana.core.model.CancelOrdersRequest;
import io.kana.core.model.Direction;
import io.kana.core.model.LimitOrderRequest;
import io.kana.core.model.MarketId;
import io.kana.core.model.MultipleOrdersRequest;
import io.kana.core.model.Order;
import io.kana.core.model.OrderSpec;
import io.kana.core.model.OrderToCancel;
import io.kana.core.model.PageRequest;
import io.kana.core.model.Restriction;
import io.kana.core.model.Side;
import io.kana.core.model.SortOrder;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Orders: single and batch placement, cancel-and-place, cancels, status, history and fills. */
public final class OrdersExample {

    private OrdersExample() {}

    public static void main(String[] args) {
        run(System.getenv(), System.out);
    }

    static void run(Map<String, String> env, PrintStream out) {
        try (ExampleEnvironment environment = ExampleEnvironment.open(env)) {
            Steps steps = new Steps(out);
            steps.header("Orders on " + environment.describe());
            KanaClient kana = environment.primary();
            MarketId market = environment.market();
            BigDecimal size = new BigDecimal("0.5");
            steps.write("deposit 100 USDC", () -> kana.trader().deposit(new BigDecimal("100")));
            steps.write("post-only bid 0.5 @ 4.000", () -> kana.trader().placeLimitOrder(
                    LimitOrderRequest.of(market, Side.LONG, Direction.OPEN, size, new BigDecimal("4.000"), 2)
                            .withRestriction(Restriction.POST_OR_ABORT)));
            steps.write("two bids in one transaction", () -> kana.trader().placeMultipleOrders(MultipleOrdersRequest.of(market,
                    List.of(OrderSpec.limit(Side.LONG, Direction.OPEN, size, new BigDecimal("3.900"), 2),
                            OrderSpec.limit(Side.LONG, Direction.OPEN, size, new BigDecimal("3.800"), 2)))));
            List<Order> open = kana.orders().openOrders(kana.wallet(), market);
            steps.read("getOpenOrders", open.size() + " open: " + open.stream().map(o -> o.price().toPlainString()).toList());
            Order first = open.get(0);
            steps.read("fetchOrderStatusById", kana.orders().fetchOrderStatus(market, first.orderId()).status());
            steps.write("cancel one and place another atomically", () -> kana.trader().cancelAndPlaceMultipleOrders(
                    new CancelAndPlaceRequest(market, List.of(new OrderToCancel(first.orderId(), first.side())),
                            List.of(OrderSpec.limit(Side.LONG, Direction.OPEN, size, new BigDecimal("3.700"), 2)),
                            Restriction.NO_RESTRICTION)));
            List<Order> remaining = kana.orders().openOrders(kana.wallet(), market);
            steps.read("getAllOpenOrderIds", kana.orders().openOrderIds(kana.wallet(), market));
            steps.write("cancel everything", () -> kana.trader().cancelMultipleOrders(new CancelOrdersRequest(market,
                    remaining.stream().map(o -> new OrderToCancel(o.orderId(), o.side())).toList())));
            steps.read("getOrderHistory (newest first)", String.join("\n", kana.orders()
                    .orderHistory(kana.wallet(), market, PageRequest.of(0, 10, SortOrder.DESC)).stream()
                    .map(o -> "#" + o.orderId() + " " + o.price().toPlainString() + " " + o.status()).toList()));
            steps.read("getFillsForGivenTimestamp", kana.orders().fillsBetween(kana.wallet(), market, null, null,
                    PageRequest.DEFAULT).size() + " fills");
        }
    }
}
