package io.kana.sandbox.stream;

import io.kana.sandbox.exchange.Addresses;
import io.kana.sandbox.exchange.Exchange;
import io.kana.sandbox.exchange.ExchangeState;
import io.kana.sandbox.exchange.ExchangeState.MarketState;
import io.kana.sandbox.exchange.History;
import io.kana.sandbox.exchange.History.Execution;
import io.kana.sandbox.exchange.LiveOrder;
import io.kana.sandbox.exchange.MarketSpec;
import io.kana.sandbox.wire.Json;
import io.kana.sandbox.wire.WireViews;
import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;
import java.util.function.Predicate;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kana's WebSocket API over the simulated exchange, on Jetty (docs/wire-contract.md, "WebSocket"):
 * {@code ws://127.0.0.1:<port>/ws/}. A client sends {@code {"topic": ..., "address"|"market_id": ...}};
 * the server answers with the topic's current state and then, as each transaction commits, a message
 * {@code {"message": <topic>, "address"|"market_id": <key>, "seq": n, "data": [...]}} for every
 * subscription the commit touched. Messages are built under the exchange's lock, in commit order.
 */
public final class StreamServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StreamServer.class);
    /** History items a subscription starts with. */
    static final int INITIAL_HISTORY = 50;

    private static final Set<String> ACCOUNT_TOPICS = Set.of("order_history", "deposit_withdraw_history",
            "trade_history", "positions", "open_orders", "live_order_history", "live_trade_history");
    private static final Set<String> MARKET_TOPICS = Set.of("orderbook", "recent_trades", "best_price");

    /** One subscription of one connection. */
    private record Topic(String name, String key) {}

    private final Exchange exchange;
    private final IntSupplier streamCopies;
    private final Server server;
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();

    /**
     * @param exchange     the exchange whose changes are streamed, or null to stream nothing
     * @param streamCopies how many copies of the next message to send (0 drops it, 2 duplicates it)
     */
    public StreamServer(Exchange exchange, IntSupplier streamCopies) {
        this.exchange = exchange;
        this.streamCopies = streamCopies;
        QueuedThreadPool threads = new QueuedThreadPool(16, 2);
        threads.setName("kana-sandbox-ws");
        threads.setDaemon(true);
        this.server = new Server(threads);
        ServerConnector connector = new ServerConnector(server, 1, 1);
        connector.setHost(InetAddress.getLoopbackAddress().getHostAddress());
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(WebSocketUpgradeHandler.from(server, container -> {
            container.setIdleTimeout(java.time.Duration.ofMinutes(10));
            container.addMapping("/ws/*", (request, response, callback) -> new Connection());
            container.addMapping("/ws", (request, response, callback) -> new Connection());
        }));
        if (exchange != null) {
            exchange.onCommit(this::committed);
        }
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the WebSocket server on 127.0.0.1", e);
        }
    }

    public int port() {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    public int openConnections() {
        return (int) connections.stream().filter(Connection::isOpen).count();
    }

    /** Drops every connection at once, without a close handshake, as a network failure would. */
    public void cutAll() {
        for (Connection c : connections) {
            c.cut();
        }
    }

    /** Open connections stop sending and answer nothing, but stay open: a hung feed. New ones work. */
    public void stallAll() {
        for (Connection c : connections) {
            c.stalled = true;
        }
    }

    @Override
    public void close() {
        cutAll();
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("stopping the WebSocket server failed", e);
        }
    }

    /** Under the exchange's write lock, right after a change committed. */
    private void committed(ExchangeState state, History delta, long version, String sender) {
        if (connections.isEmpty()) {
            return;
        }
        Set<String> profiles = new TreeSet<>();
        Set<Long> markets = new TreeSet<>();
        if (sender != null) {
            profiles.add(sender);
        }
        delta.executions.forEach(e -> {
            profiles.add(e.profile());
            markets.add(e.marketId());
        });
        delta.closedOrders.forEach(o -> {
            profiles.add(o.owner);
            markets.add(o.marketId);
        });
        delta.transfers.forEach(t -> profiles.add(t.profile()));
        delta.funding.forEach(f -> profiles.add(f.profile()));
        for (MarketState m : state.markets.values()) {
            for (LiveOrder o : m.book.orders()) {
                if (o.version == version) {
                    markets.add(o.marketId);
                    profiles.add(o.owner);
                }
            }
        }
        Map<Topic, List<Object>> cache = new LinkedHashMap<>();
        for (Connection c : connections) {
            for (Topic t : c.topics.keySet()) {
                boolean touched = ACCOUNT_TOPICS.contains(t.name()) ? profiles.contains(t.key())
                        : MARKET_TOPICS.contains(t.name()) ? markets.contains(Long.parseLong(t.key()))
                        : !delta.funding.isEmpty();
                if (!touched) {
                    continue;
                }
                List<Object> data = cache.computeIfAbsent(t, k -> update(k, state, delta, version));
                if (data != null) {
                    c.send(t, data);
                }
            }
        }
    }

    /** What a commit adds to a subscription; null when nothing (e.g. no new trade for a history topic). */
    private List<Object> update(Topic t, ExchangeState state, History delta, long version) {
        List<Object> data = switch (t.name()) {
            case "open_orders" -> openOrders(state, t.key());
            case "positions" -> positions(state, t.key());
            case "orderbook" -> List.of(book(state.markets.get(Long.parseLong(t.key()))));
            case "best_price" -> List.of(bestPrice(state.markets.get(Long.parseLong(t.key()))));
            case "order_history" -> changedOrders(state, delta, version, t.key());
            case "live_order_history" -> last(changedOrders(state, delta, version, t.key()));
            case "trade_history" -> trades(delta.executions, e -> e.profile().equals(t.key()));
            case "live_trade_history" -> last(trades(delta.executions, e -> e.profile().equals(t.key())));
            case "recent_trades" -> trades(delta.executions, publicTrade(Long.parseLong(t.key())));
            case "deposit_withdraw_history" -> transfers(delta.transfers, t.key());
            case "live_funding_rate" -> fundingRates(delta);
            default -> List.of();
        };
        boolean snapshot = Set.of("open_orders", "positions", "orderbook", "best_price").contains(t.name());
        return snapshot || !data.isEmpty() ? data : null;
    }

    /** What a new subscription starts with: the current state, or the latest history items. */
    private List<Object> initial(Topic t, ExchangeState state, History history) {
        return switch (t.name()) {
            case "open_orders" -> openOrders(state, t.key());
            case "positions" -> positions(state, t.key());
            case "orderbook" -> List.of(book(state.markets.get(Long.parseLong(t.key()))));
            case "best_price" -> List.of(bestPrice(state.markets.get(Long.parseLong(t.key()))));
            case "order_history" -> latest(allOrders(state, history, t.key()), INITIAL_HISTORY);
            case "live_order_history" -> latest(allOrders(state, history, t.key()), 1);
            case "trade_history" -> latest(trades(history.executions, e -> e.profile().equals(t.key())), INITIAL_HISTORY);
            case "live_trade_history" -> latest(trades(history.executions, e -> e.profile().equals(t.key())), 1);
            case "recent_trades" -> latest(trades(history.executions, publicTrade(Long.parseLong(t.key()))), INITIAL_HISTORY);
            case "deposit_withdraw_history" -> latest(transfers(history.transfers, t.key()), INITIAL_HISTORY);
            default -> List.of();
        };
    }

    private List<Object> openOrders(ExchangeState state, String profile) {
        List<LiveOrder> orders = new ArrayList<>();
        state.markets.values().forEach(m -> m.book.orders().stream().filter(o -> o.owner.equals(profile)).forEach(orders::add));
        orders.sort(Comparator.comparingLong(o -> o.sequence));
        return orders.stream().map(o -> (Object) WireViews.order(exchange.spec(o.marketId), o)).toList();
    }

    private List<Object> positions(ExchangeState state, String profile) {
        List<Object> result = new ArrayList<>();
        state.markets.values().forEach(m -> m.positionsOf(profile).forEach(p -> result.add(WireViews.position(m.spec, p))));
        return result;
    }

    private List<Object> changedOrders(ExchangeState state, History delta, long version, String profile) {
        List<LiveOrder> orders = new ArrayList<>();
        delta.closedOrders.stream().filter(o -> o.owner.equals(profile)).forEach(orders::add);
        state.markets.values().forEach(m -> m.book.orders().stream()
                .filter(o -> o.owner.equals(profile) && o.version == version).forEach(orders::add));
        return orders.stream().map(o -> (Object) WireViews.order(exchange.spec(o.marketId), o)).toList();
    }

    private List<Object> allOrders(ExchangeState state, History history, String profile) {
        List<LiveOrder> orders = new ArrayList<>();
        history.closedOrders.stream().filter(o -> o.owner.equals(profile)).forEach(orders::add);
        state.markets.values().forEach(m -> m.book.orders().stream().filter(o -> o.owner.equals(profile)).forEach(orders::add));
        orders.sort(Comparator.comparingLong(o -> o.sequence));
        return orders.stream().map(o -> (Object) WireViews.order(exchange.spec(o.marketId), o)).toList();
    }

    private List<Object> trades(List<Execution> executions, Predicate<Execution> filter) {
        return executions.stream().filter(filter).map(e -> (Object) WireViews.trade(exchange.spec(e.marketId()), e)).toList();
    }

    /** A market's public trades: one per match in the book, the taker's side (as {@code getAllTrades}). */
    private static Predicate<Execution> publicTrade(long marketId) {
        return e -> e.marketId() == marketId && e.bookTrade() && !e.maker();
    }

    private List<Object> transfers(List<History.Transfer> transfers, String profile) {
        return transfers.stream().filter(t -> t.profile().equals(profile))
                .map(t -> (Object) WireViews.transfer(exchange.quoteDecimals(), t)).toList();
    }

    private static List<Object> fundingRates(History delta) {
        Map<Long, Object> byMarket = new TreeMap<>();
        for (History.Funding f : delta.funding) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("market_id", Long.toString(f.marketId()));
            m.put("funding_rate", MarketSpec.plain(f.rate()).toPlainString());
            m.put("timestamp", f.timestamp());
            byMarket.put(f.marketId(), m);
        }
        return new ArrayList<>(byMarket.values());
    }

    /** The whole book, aggregated by price: bids best (highest) first, asks best (lowest) first. */
    private static Map<String, Object> book(MarketState market) {
        TreeMap<Long, Long> bids = new TreeMap<>(Comparator.reverseOrder());
        TreeMap<Long, Long> asks = new TreeMap<>();
        for (LiveOrder o : market.book.orders()) {
            (o.isBuy() ? bids : asks).merge(o.priceTicks, o.remaining, Long::sum);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("market_id", Long.toString(market.spec.marketId()));
        m.put("bids", levels(market.spec, bids));
        m.put("asks", levels(market.spec, asks));
        return m;
    }

    private static List<Object> levels(MarketSpec spec, Map<Long, Long> levels) {
        List<Object> out = new ArrayList<>();
        levels.forEach((ticks, lots) -> {
            Map<String, Object> level = new LinkedHashMap<>();
            level.put("price", spec.price(ticks).toPlainString());
            level.put("size", spec.size(lots).toPlainString());
            out.add(level);
        });
        return out;
    }

    private static Map<String, Object> bestPrice(MarketState market) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("market_id", Long.toString(market.spec.marketId()));
        m.putAll(WireViews.marketPrice(market));
        return m;
    }

    private static List<Object> last(List<Object> items) {
        return items.isEmpty() ? items : List.of(items.get(items.size() - 1));
    }

    private static List<Object> latest(List<Object> chronological, int count) {
        return new ArrayList<>(chronological.subList(Math.max(0, chronological.size() - count), chronological.size()));
    }

    /** One client connection and its subscriptions, each with its own sequence numbers. Public for Jetty's method handles. */
    public final class Connection extends Session.Listener.AbstractAutoDemanding {
        final Map<Topic, long[]> topics = new ConcurrentHashMap<>();
        volatile boolean stalled;

        @Override
        public void onWebSocketOpen(Session session) {
            super.onWebSocketOpen(session);
            connections.add(this);
        }

        @Override
        public void onWebSocketText(String text) {
            if (stalled) {
                return;
            }
            Map<?, ?> command;
            try {
                command = Json.parse(text) instanceof Map<?, ?> map ? map : null;
            } catch (IOException | RuntimeException e) {
                command = null;
            }
            String name = command == null ? null : string(command.get("topic"));
            if (name == null) {
                error("expected {\"topic\": ..., \"address\" | \"market_id\": ...}, got " + text);
                return;
            }
            String key;
            if (ACCOUNT_TOPICS.contains(name)) {
                String address = string(command.get("address"));
                if (address == null || !Addresses.isValid(address)) {
                    error(name + " needs \"address\": the profile address, got " + address);
                    return;
                }
                key = Addresses.longForm(address);
            } else if (MARKET_TOPICS.contains(name)) {
                key = string(command.get("market_id"));
                if (key == null || !key.matches("\\d{1,18}") || !exchangeHas(Long.parseLong(key))) {
                    error(name + " needs \"market_id\": a market of the exchange, got " + key);
                    return;
                }
            } else if (name.equals("live_funding_rate")) {
                key = null;
            } else {
                error("unknown topic '" + name + "'");
                return;
            }
            Topic topic = new Topic(name, key);
            if ("unsubscribe".equals(string(command.get("action")))) {
                topics.remove(topic);
                return;
            }
            if (exchange == null) {
                topics.putIfAbsent(topic, new long[1]);
                return;
            }
            // Under the exchange's lock (taken before this connection's, as a commit takes them), so no
            // commit falls between the first message and the subscription.
            exchange.read((state, history) -> {
                synchronized (this) {
                    topics.putIfAbsent(topic, new long[1]);
                    if (!name.equals("live_funding_rate")) {
                        send(topic, initial(topic, state, history));
                    }
                }
                return null;
            });
        }

        private boolean exchangeHas(long marketId) {
            return exchange != null && exchange.specs().containsKey(marketId);
        }

        @Override
        public void onWebSocketClose(int statusCode, String reason, Callback callback) {
            connections.remove(this);
            callback.succeed();
        }

        @Override
        public void onWebSocketError(Throwable cause) {
            connections.remove(this);
        }

        /** Sends in call order; faults decide how many copies go out. */
        synchronized void send(Topic topic, List<Object> data) {
            long[] seq = topics.get(topic);
            Session session = getSession();
            if (seq == null || session == null || stalled) {
                return;
            }
            seq[0]++;
            Map<String, Object> message = new LinkedHashMap<>();
            message.put("message", topic.name());
            if (topic.key() != null) {
                message.put(ACCOUNT_TOPICS.contains(topic.name()) ? "address" : "market_id", topic.key());
            }
            message.put("seq", seq[0]);
            message.put("data", data);
            String text = Json.write(message);
            for (int copies = streamCopies.getAsInt(); copies > 0; copies--) {
                session.sendText(text, Callback.NOOP);
            }
        }

        private void error(String why) {
            Session session = getSession();
            if (session != null) {
                Map<String, Object> message = new LinkedHashMap<>();
                message.put("message", "error");
                message.put("error", why);
                session.sendText(Json.write(message), Callback.NOOP);
            }
        }

        void cut() {
            Session session = getSession();
            connections.remove(this);
            if (session != null) {
                session.disconnect();
            }
        }

        private static String string(Object value) {
            return value == null ? null : value.toString();
        }
    }
}
