package io.kana.cli.trade;

import io.kana.cli.UsageException;
import io.kana.client.KanaClient;
import io.kana.core.model.CancelOrdersRequest;
import io.kana.core.model.MarketId;
import io.kana.core.model.Order;
import io.kana.core.model.OrderId;
import io.kana.core.model.OrderToCancel;
import io.kana.core.trading.KanaTrader;
import io.kana.core.trading.TradeResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kana cancel}: orders by id in one market, or every open order. */
@Command(name = "cancel", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Cancel open orders by id (in one market, one transaction), or every open order with --all",
            "(of one market with --market, else of every market). Sides are read from the open orders."},
        footerHeading = "%nExamples:%n",
        footer = {"  java -jar kana.jar cancel --market 1338 18446744073709551617 18446744073709551618",
            "  java -jar kana.jar cancel --all --json"})
public final class CancelCommand extends WriteCommand {

    @Option(names = "--market", paramLabel = "ID", description = "the market id (required with order ids)")
    private Long market;

    @Option(names = "--all", description = "cancel every open order (of --market, else of every market)")
    private boolean all;

    @Parameters(paramLabel = "ORDER_ID", arity = "0..*", description = "ids of open orders to cancel")
    private List<String> ids = new ArrayList<>();

    private List<OrderId> orderIds;

    @Override
    protected void validate() {
        if (all == !ids.isEmpty()) {
            throw new UsageException("give either order ids or --all");
        }
        if (!all && market == null) {
            throw new UsageException("--market is required with order ids");
        }
        if (ids.size() > CancelOrdersRequest.MAX_ORDERS) {
            throw new UsageException("at most " + CancelOrdersRequest.MAX_ORDERS + " order ids per transaction, got "
                    + ids.size());
        }
        orderIds = ids.stream().map(OrderId::parse).toList();
    }

    @Override
    protected String describe() {
        return all ? "cancel every open order" + (market == null ? "" : " of market " + market)
                : "cancel " + ids.size() + " order(s) in market " + market;
    }

    @Override
    protected List<TradeResult> perform(KanaClient client) {
        if (all) {
            return market == null ? client.netTrader().cancelAll() : client.netTrader().cancelAll(MarketId.of(market));
        }
        MarketId marketId = MarketId.of(market);
        Map<OrderId, Order> open = client.orders().openOrders(client.wallet(), marketId).stream()
                .collect(Collectors.toMap(Order::orderId, Function.identity(), (a, b) -> a));
        List<OrderToCancel> cancels = new ArrayList<>();
        for (OrderId id : orderIds) {
            Order order = open.get(id);
            if (order == null) {
                throw new UsageException("order " + id + " is not open in market " + market + "; nothing was sent");
            }
            cancels.add(order.toCancel());
        }
        return List.of(KanaTrader.join(client.trader().cancelMultipleOrders(new CancelOrdersRequest(marketId, cancels))));
    }
}
