package io.kana.core.trading;

import static io.kana.core.trading.Checks.required;

import io.kana.core.error.InvalidRequestException;
import io.kana.core.error.KanaException;
import io.kana.core.error.TransactionFailedException;
import io.kana.core.model.AccountFill;
import io.kana.core.model.CancelAndPlaceRequest;
import io.kana.core.model.CancelOrdersRequest;
import io.kana.core.model.Direction;
import io.kana.core.model.Fill;
import io.kana.core.model.LimitOrderRequest;
import io.kana.core.model.MarketId;
import io.kana.core.model.MarketOrderRequest;
import io.kana.core.model.MarketPrice;
import io.kana.core.model.MarketRules;
import io.kana.core.model.MultipleOrdersRequest;
import io.kana.core.model.NetOrder;
import io.kana.core.model.Order;
import io.kana.core.model.OrderId;
import io.kana.core.model.OrderSpec;
import io.kana.core.model.OrderToCancel;
import io.kana.core.model.OrderType;
import io.kana.core.model.PageRequest;
import io.kana.core.model.PerpetualAssetInfo;
import io.kana.core.model.PlacedOrder;
import io.kana.core.model.Position;
import io.kana.core.model.ProfileAddress;
import io.kana.core.model.Restriction;
import io.kana.core.model.Side;
import io.kana.core.model.SortOrder;
import io.kana.core.model.WalletAddress;
import io.kana.core.port.Accounts;
import io.kana.core.port.Markets;
import io.kana.core.port.Orders;
import io.kana.core.port.Positions;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * One wallet's trading as a bot thinks of it: buy and sell in net inventory, results with order ids
 * and fills, cancel-all, replace, client order ids, fills with buy/sell and open/close. Built on a
 * {@link KanaTrader} (every write is checked and signed by it, and always waits for the commit) and
 * the read ports; the hedge-mode long/short operations stay on {@link #trader()}.
 *
 * <p><b>Net inventory.</b> A buy first closes the short position as far as it is free to close (not
 * held by resting closing orders) and opens a long for the rest; a sell mirrors that. A part smaller
 * than the market's minimum size is folded into the other part, so both orders are placeable; the net
 * effect is the same. {@link NetOrder#asReduceOnly()} places only the closing part.
 *
 * <p><b>Client order ids.</b> Kana has none on chain. A {@link NetOrder#tag() tag} is kept by this
 * object in memory: it maps to the ids of the orders it produced once they are read back, and
 * {@link #ordersTagged}, {@link #cancel(String)} and {@link #fills(String)} use it. The map lives as
 * long as this object; another process does not see it.
 *
 * <p>Blocking: each method returns when its transactions committed (or throws the trader's
 * {@link KanaException}). Thread-safe.
 */
public final class NetTrader {

    /** Fewest history rows read back after a placement (the API's default page). */
    private static final int MIN_READ_BACK_ROWS = 50;

    private final KanaTrader trader;
    private final WalletAddress wallet;
    private final Markets markets;
    private final Orders orders;
    private final Positions positions;
    private final Accounts accounts;
    private volatile ProfileAddress profile;
    private final OwnOrders own;

    private NetTrader(KanaTrader trader, WalletAddress wallet, Markets markets, Orders orders, Positions positions,
            Accounts accounts) {
        this.trader = trader.execution().awaitCommit() ? trader
                : trader.withExecution(Execution.awaitCommit(KanaTrader.DEFAULT_COMMIT_TIMEOUT));
        this.wallet = wallet;
        this.markets = markets;
        this.orders = orders;
        this.positions = positions;
        this.accounts = accounts;
        this.own = new OwnOrders(orders);
    }

    /**
     * @param trader the trader of {@code wallet}; when it does not wait for commits, a copy that does
     *               (30 s) is used, since results are read back from committed transactions
     * @param wallet the trader's wallet (the signing account, not its profile)
     */
    public static NetTrader of(KanaTrader trader, WalletAddress wallet, Markets markets, Orders orders,
            Positions positions, Accounts accounts) {
        return new NetTrader(Objects.requireNonNull(trader, "trader"), Objects.requireNonNull(wallet, "wallet"),
                Objects.requireNonNull(markets, "markets"), Objects.requireNonNull(orders, "orders"),
                Objects.requireNonNull(positions, "positions"), Objects.requireNonNull(accounts, "accounts"));
    }

    /** The hedge-mode trader underneath. */
    public KanaTrader trader() {
        return trader;
    }

    /** The wallet: the signing account. */
    public WalletAddress wallet() {
        return wallet;
    }

    /** The wallet's trading profile, asked of the API once ({@code getProfileAddress}) and kept. */
    public ProfileAddress profile() {
        ProfileAddress known = profile;
        if (known == null) {
            known = Objects.requireNonNull(accounts.profileAddress(wallet), "the API returned no profile address");
            profile = known;
        }
        return known;
    }

    // ---- market helpers

    /** A market's rules with its rounding helpers ({@link MarketRules#roundPrice}, {@link MarketRules#roundSize}); kept. */
    public MarketRules rules(MarketId marketId) {
        return trader.rules(marketId);
    }

    /** Best bid and ask, with {@link MarketPrice#mid()} and {@link MarketPrice#spread()}. */
    public MarketPrice price(MarketId marketId) {
        return markets.marketPrice(marketId);
    }

    /**
     * The market's summary ({@code getPerpetualAssetsInfo?marketId=}) as one value. It carries no mark
     * price: no public response of Kana's API shows one, so the SDK offers none.
     */
    public Optional<PerpetualAssetInfo> assetInfo(MarketId marketId) {
        return markets.perpetualAssetInfo(marketId).stream().filter(a -> marketId.equals(a.marketId())).findFirst();
    }

    // ---- reads

    /** Long size minus short size in coins; zero without positions. */
    public BigDecimal netPosition(MarketId marketId) {
        BigDecimal net = BigDecimal.ZERO;
        for (Position p : positions.positions(wallet, required(marketId, "marketId"))) {
            if (marketId.equals(p.marketId()) && p.size() != null) {
                net = p.side() == Side.LONG ? net.add(p.size()) : net.subtract(p.size());
            }
        }
        return net;
    }

    /** Open orders of a market, or of every market when {@code marketId} is null. */
    public List<Order> openOrders(MarketId marketId) {
        return orders.openOrders(wallet, marketId);
    }

    /**
     * This wallet's fills in a market, each with buy/sell and open/close: the side from the fill, the
     * direction from this object's own orders or else from the order's status (looked up once per
     * order and kept); unknown stays empty, never guessed.
     *
     * @param from start, or null
     * @param to   end, or null
     */
    public List<AccountFill> fills(MarketId marketId, Instant from, Instant to) {
        return orders.fillsBetween(wallet, required(marketId, "marketId"), from, to, PageRequest.DEFAULT).stream()
                .map(own::directed).toList();
    }

    // ---- client order ids

    /** The order ids the tag's orders got, as far as read back; empty for an unknown tag. */
    public List<OrderId> ordersTagged(String tag) {
        return own.tagged(required(tag, "tag"));
    }

    /** The fills of the tag's orders. */
    public List<AccountFill> fills(String tag) {
        List<OrderId> ids = ordersTagged(tag);
        if (ids.isEmpty()) {
            return List.of();
        }
        MarketId market = own.get(ids.get(0)).marketId();
        Set<OrderId> wanted = Set.copyOf(ids);
        return fills(market, null, null).stream()
                .filter(f -> f.fill().orderId() != null && wanted.contains(f.fill().orderId())).toList();
    }

    /** Cancels the tag's orders that are still open; none sent when none is. */
    public List<TradeResult> cancel(String tag) {
        List<OrderId> ids = ordersTagged(tag);
        if (ids.isEmpty()) {
            return List.of();
        }
        Set<OrderId> wanted = Set.copyOf(ids);
        return cancelOpen(own.get(ids.get(0)).marketId(), o -> wanted.contains(o.orderId()));
    }

    // ---- writes

    /** A limit buy of {@code size} coins at {@code price}, leverage 1; see {@link #place}. */
    public Placement buy(MarketId marketId, BigDecimal size, BigDecimal price) {
        return place(marketId, List.of(NetOrder.buy(size, price)));
    }

    /** A limit sell of {@code size} coins at {@code price}, leverage 1; see {@link #place}. */
    public Placement sell(MarketId marketId, BigDecimal size, BigDecimal price) {
        return place(marketId, List.of(NetOrder.sell(size, price)));
    }

    /**
     * Places net orders in one transaction (one order as {@code placeLimitOrder} or
     * {@code placeMarketOrder}, more as {@code placeMultipleOrders}) after reading the positions.
     *
     * @throws InvalidRequestException before anything is sent, when an order is not placeable or every
     *                                 order is reduce-only with nothing to reduce
     */
    public Placement place(MarketId marketId, List<NetOrder> netOrders) {
        required(marketId, "marketId");
        List<NetOrder> wanted = List.copyOf(required(netOrders, "orders"));
        NetLegs legs = NetLegs.of(rules(marketId), closable(marketId, List.of()), wanted);
        if (legs.specs().isEmpty()) {
            throw new InvalidRequestException("orders", "nothing to place: every order is reduce-only and the "
                    + "positions it would reduce have nothing free to close");
        }
        TradeResult result = KanaTrader.join(placeOnly(marketId, legs.specs()));
        return readBack(marketId, result, List.of(), legs, 1);
    }

    /**
     * Replaces every open order of the market with {@code quotes}, in one cancel-and-place transaction
     * (a plain placement when nothing is open). Orders are cancelled as read back: their side from the
     * API, or from this object's record of the orders it placed; an order whose side is unknown is
     * refused ({@link InvalidRequestException}), never guessed.
     *
     * <p>An order may fill between the read and the commit; the transaction then aborts (Kana's batches
     * are atomic). The replace then reads the orders and positions again and tries once more, so a
     * race costs one failed transaction's gas and one more round of reads. The alternative,
     * simulating every replace before signing it, costs a node request on every cycle and still races
     * between simulation and commit, so the SDK retries instead. A second abort is thrown.
     */
    public Placement replace(MarketId marketId, List<NetOrder> quotes) {
        required(marketId, "marketId");
        List<NetOrder> wanted = List.copyOf(required(quotes, "quotes"));
        try {
            return replaceOnce(marketId, wanted, 1);
        } catch (TransactionFailedException raced) {
            return replaceOnce(marketId, wanted, 2);
        }
    }

    /** Cancels every open order of the market, in batches of at most {@link CancelOrdersRequest#MAX_ORDERS}. */
    public List<TradeResult> cancelAll(MarketId marketId) {
        return cancelOpen(required(marketId, "marketId"), o -> true);
    }

    /**
     * Cancels every open order in every market: one batch per market (and per
     * {@link CancelOrdersRequest#MAX_ORDERS} orders), all sent at once.
     */
    public List<TradeResult> cancelAll() {
        return cancelOpen(null, o -> true);
    }

    /**
     * Reads back a placement sent through {@link #trader()} (hedge mode: long/short, open/close): its
     * order ids and what filled at once, by the rules of this object's own placements (records of the
     * committed version, documented fields only; see {@link Placement}). An id not shown yet stays
     * empty, never guessed. The ids found count as this object's orders from then on.
     *
     * @param placed the committed transaction; without an outcome every id stays empty
     * @param sent   the orders it placed, in the order they were sent
     */
    public Placement readBack(MarketId marketId, TradeResult placed, List<OrderSpec> sent) {
        List<OrderSpec> specs = List.copyOf(required(sent, "sent"));
        NetLegs legs = new NetLegs(specs, Collections.nCopies(specs.size(), null), List.of());
        return readBack(required(marketId, "marketId"), required(placed, "placed"), List.of(), legs, 1);
    }

    private Placement replaceOnce(MarketId marketId, List<NetOrder> quotes, int attempt) {
        MarketRules rules = rules(marketId);
        List<Order> open = orders.openOrders(wallet, marketId).stream()
                .filter(o -> marketId.equals(o.marketId())).toList();
        List<OrderToCancel> toCancel = open.stream().map(this::cancellation).toList();
        NetLegs legs = NetLegs.of(rules, closable(marketId, open), quotes);
        List<OrderId> cancelled = toCancel.stream().map(OrderToCancel::orderId).toList();
        if (toCancel.isEmpty() && legs.specs().isEmpty()) {
            return new Placement(null, List.of(), List.of(), List.of(), legs.skipped(), attempt);
        }
        TradeResult result;
        if (toCancel.size() + legs.specs().size() <= CancelOrdersRequest.MAX_ORDERS) {
            result = KanaTrader.join(trader.cancelAndPlaceMultipleOrders(new CancelAndPlaceRequest(marketId, toCancel,
                    legs.specs(), Restriction.NO_RESTRICTION)));
        } else {
            // Too many for one transaction: the cancels go first, in their own batches.
            for (CancelOrdersRequest batch : CancelOrdersRequest.inBatches(marketId, toCancel)) {
                KanaTrader.join(trader.cancelMultipleOrders(batch));
            }
            result = legs.specs().isEmpty() ? null : KanaTrader.join(placeOnly(marketId, legs.specs()));
        }
        return readBack(marketId, result, cancelled, legs, attempt);
    }

    private CompletableFuture<TradeResult> placeOnly(MarketId marketId, List<OrderSpec> specs) {
        if (specs.size() > 1) {
            return trader.placeMultipleOrders(MultipleOrdersRequest.of(marketId, specs));
        }
        OrderSpec only = specs.get(0);
        return only.type() == OrderType.LIMIT
                ? trader.placeLimitOrder(LimitOrderRequest.of(marketId, only.side(), only.direction(), only.size(),
                        only.price(), only.leverage()))
                : trader.placeMarketOrder(MarketOrderRequest.of(marketId, only.side(), only.direction(), only.size(),
                        only.leverage()));
    }

    private List<TradeResult> cancelOpen(MarketId marketId, java.util.function.Predicate<Order> which) {
        Map<MarketId, List<OrderToCancel>> byMarket = new LinkedHashMap<>();
        for (Order order : orders.openOrders(wallet, marketId)) {
            if ((marketId == null || marketId.equals(order.marketId())) && which.test(order)) {
                byMarket.computeIfAbsent(order.marketId(), m -> new ArrayList<>()).add(cancellation(order));
            }
        }
        List<CompletableFuture<List<TradeResult>>> sent = new ArrayList<>();
        byMarket.forEach((market, cancels) -> CancelOrdersRequest.inBatches(market, cancels).forEach(batch -> sent.add(
                trader.cancelMultipleOrders(batch)
                        .thenApply(List::of)
                        .exceptionallyCompose(failure -> retryCancel(market, batch.orders(), failure)))));
        List<TradeResult> results = new ArrayList<>();
        for (CompletableFuture<List<TradeResult>> batch : sent) {
            results.addAll(KanaTrader.join(batch));
        }
        return results;
    }

    /** After an aborted cancel (an order filled or was cancelled meanwhile): cancels what is still open, once. */
    private CompletableFuture<List<TradeResult>> retryCancel(MarketId market, List<OrderToCancel> batch,
            Throwable failure) {
        Throwable cause = Futures.unwrap(failure);
        if (!(cause instanceof TransactionFailedException)) {
            return CompletableFuture.failedFuture(cause);
        }
        Set<OrderId> open = new HashSet<>();
        orders.openOrders(wallet, market).forEach(o -> open.add(o.orderId()));
        List<OrderToCancel> left = batch.stream().filter(c -> open.contains(c.orderId())).toList();
        return left.isEmpty() ? CompletableFuture.completedFuture(List.of())
                : trader.cancelMultipleOrders(new CancelOrdersRequest(market, left)).thenApply(List::of);
    }

    private OrderToCancel cancellation(Order order) {
        if (order.side().isEmpty()) {
            OwnOrders.Known mine = own.get(order.orderId());
            if (mine != null) {
                return new OrderToCancel(order.orderId(), mine.side());
            }
        }
        return order.toCancel();
    }

    /**
     * Coins free to close per side: the positions' {@code available_order_size} plus what the orders
     * about to be cancelled hold for closing (when their direction is known; else they count as none,
     * which only ever closes less).
     */
    private Map<Side, BigDecimal> closable(MarketId marketId, List<Order> cancelling) {
        Map<Side, BigDecimal> free = new EnumMap<>(Side.class);
        for (Position p : positions.positions(wallet, marketId)) {
            if (marketId.equals(p.marketId())) {
                BigDecimal available = p.availableOrderSize() != null ? p.availableOrderSize() : p.size();
                free.merge(p.side(), available == null ? BigDecimal.ZERO : available, BigDecimal::add);
            }
        }
        for (Order order : cancelling) {
            OwnOrders.Known mine = own.get(order.orderId());
            Direction direction = order.direction() != null ? order.direction() : mine == null ? null : mine.direction();
            Optional<Side> side = order.side().isPresent() ? order.side()
                    : Optional.ofNullable(mine).map(OwnOrders.Known::side);
            if (direction == Direction.CLOSE && side.isPresent() && order.remainingSize() != null) {
                free.merge(side.get(), order.remainingSize(), BigDecimal::add);
            }
        }
        return free;
    }

    /**
     * The placement's order ids and fills: the history and fill records whose
     * {@code transaction_version} is the committed version, less the orders it cancelled and orders
     * this object placed before (an own resting order the new ones traded against changes in the same
     * version too).
     */
    private Placement readBack(MarketId marketId, TradeResult result, List<OrderId> cancelled, NetLegs legs,
            int attempt) {
        List<PlacedOrder> placed = new ArrayList<>();
        List<Fill> fills = List.of();
        BigInteger version = result == null || result.outcome() == null ? null : result.outcome().version();
        boolean placing = result != null && result.operation() != TradeOperation.CANCEL_MULTIPLE_ORDERS;
        if (version != null && placing) {
            Set<OrderId> gone = Set.copyOf(cancelled);
            // Newest first: this transaction's records lead, behind at most what it changed.
            PageRequest newest = PageRequest.of(0, Math.max(MIN_READ_BACK_ROWS,
                    2 * (legs.specs().size() + cancelled.size())), SortOrder.DESC);
            List<Order> candidates = new ArrayList<>(orders.orderHistory(wallet, marketId, newest).stream()
                    .filter(o -> version.equals(o.transactionVersion()) && !gone.contains(o.orderId())
                            && own.get(o.orderId()) == null)
                    .toList());
            Set<OrderId> ours = new HashSet<>();
            for (int i = 0; i < legs.specs().size(); i++) {
                OrderSpec spec = legs.specs().get(i);
                String tag = legs.specTags().get(i);
                Optional<Order> match = candidates.stream().filter(o -> matches(o, spec)).findFirst();
                match.ifPresent(o -> {
                    candidates.remove(o);
                    ours.add(o.orderId());
                    own.remember(o.orderId(), marketId, spec, tag);
                });
                placed.add(new PlacedOrder(spec, tag, match.map(Order::orderId)));
            }
            if (!ours.isEmpty()) {
                fills = orders.fillsBetween(wallet, marketId, null, null, newest)
                        .stream().filter(f -> version.equals(f.transactionVersion()) && ours.contains(f.orderId()))
                        .toList();
            }
        } else if (placing) {
            for (int i = 0; i < legs.specs().size(); i++) {
                placed.add(new PlacedOrder(legs.specs().get(i), legs.specTags().get(i), Optional.empty()));
            }
        }
        return new Placement(result, cancelled, placed, fills, legs.skipped(), attempt);
    }

    /** Whether a history record can be the order {@code spec}: nothing it states contradicts the spec. */
    private static boolean matches(Order order, OrderSpec spec) {
        boolean market = spec.type() == OrderType.MARKET;
        return order.side().map(s -> s == spec.side()).orElse(true)
                && (order.direction() == null || order.direction() == spec.direction())
                && (order.marketOrder() == null || order.marketOrder() == market)
                && order.size() != null && order.size().compareTo(spec.size()) == 0
                && (market || order.price() != null && order.price().compareTo(spec.price()) == 0);
    }
}
