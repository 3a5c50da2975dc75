package io.kana.cli.trade;

import io.kana.cli.Fields;
import io.kana.cli.Table;
import io.kana.client.KanaClient;
import io.kana.core.model.MarketId;
import io.kana.core.model.OrderSpec;
import io.kana.core.model.OrderType;
import io.kana.core.model.PlacedOrder;
import io.kana.core.trading.KanaTrader;
import io.kana.core.trading.Placement;
import io.kana.core.trading.TradeResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Mixin;

/**
 * {@code place-limit} and {@code place-market}: one order; after its commit, the id it got and what
 * filled at once, as {@link io.kana.core.trading.NetTrader#readBack} finds them. An id not shown yet is
 * reported unknown, never guessed.
 */
abstract class PlaceOrderCommand extends WriteCommand {

    @Mixin
    OrderOptions order;

    /** The order as sent, to find it again in the order history. */
    abstract OrderSpec spec();

    /** Sends the order and waits for its commit. */
    abstract TradeResult send(KanaTrader trader, MarketId market);

    @Override
    protected void validate() {
        order.validate();
    }

    @Override
    protected final List<TradeResult> perform(KanaClient client) {
        return List.of(send(client.trader(), MarketId.of(order.market)));
    }

    @Override
    protected final Report report(KanaClient client, List<TradeResult> results) {
        TradeResult placed = results.get(0);
        Placement placement;
        String unknownBecause;
        try {
            placement = client.netTrader().readBack(MarketId.of(order.market), placed, List.of(spec()));
            unknownBecause = "the order history does not show transaction " + placed.hash() + " yet";
        } catch (RuntimeException readFailed) {
            // Only a read failed: the order is committed, so the command still succeeds without its id.
            placement = new Placement(placed, List.of(), List.of(new PlacedOrder(spec(), null, Optional.empty())),
                    List.of(), List.of(), 1);
            unknownBecause = "reading it back failed (" + readFailed.getMessage() + ")";
        }
        boolean known = placement.allOrderIdsKnown();
        List<Map<String, Object>> orders = new ArrayList<>();
        placement.orders().forEach(o -> orders.add(order(o)));
        List<Map<String, Object>> fills = new ArrayList<>();
        placement.fills().forEach(f -> fills.add(Fields.ofRecord(f)));
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("orders", orders);
        fields.put("orderIdsKnown", known);
        // Fills are read for the orders found, so without their ids nothing is known of them either.
        fields.put("filledSize", known ? Fields.of(placement.filledSize()) : null);
        fields.put("averagePrice", known ? Fields.of(placement.averagePrice()) : null);
        fields.put("fills", known ? fills : null);
        StringBuilder text = new StringBuilder("\n").append(new Table().column("ORDER ID", "orderId")
                .column("TYPE", "type").column("SIDE", "side").column("DIRECTION", "direction").column("SIZE", "size")
                .column("PRICE", "price").render(orders, ""));
        if (!known) {
            text.append("Order id not known: ").append(unknownBecause).append("; `kana orders` lists the order.\n");
        } else if (placement.nothingFilled()) {
            text.append("Nothing filled at once.\n");
        } else {
            text.append("Filled ").append(fields.get("filledSize")).append(" at an average price of ")
                    .append(fields.get("averagePrice")).append(":\n")
                    .append(new Table().column("ORDER ID", "orderId").column("PRICE", "price").column("SIZE", "size")
                            .column("FEE", "fee").column("MAKER", "maker").render(fills, ""));
        }
        return new Report(fields, text.toString());
    }

    private static Map<String, Object> order(PlacedOrder placed) {
        OrderSpec spec = placed.spec();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("orderId", Fields.of(placed.orderId()));
        fields.put("type", Fields.of(spec.type()));
        fields.put("side", Fields.of(spec.side()));
        fields.put("direction", Fields.of(spec.direction()));
        fields.put("size", Fields.of(spec.size()));
        fields.put("price", spec.type() == OrderType.LIMIT ? Fields.of(spec.price()) : null);
        return fields;
    }
}
