package io.kana.sandbox.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.kana.sandbox.chain.PerpsContract;
import io.kana.sandbox.exchange.Addresses;
import io.kana.sandbox.exchange.Exchange;
import io.kana.sandbox.exchange.ExchangeState.MarketState;
import io.kana.sandbox.exchange.History;
import io.kana.sandbox.exchange.History.Execution;
import io.kana.sandbox.exchange.LiveOrder;
import io.kana.sandbox.exchange.MarketSpec;
import io.kana.sandbox.exchange.ProfileAccount;
import io.kana.sandbox.http.RequestParams.BadRequest;
import io.kana.sandbox.wire.Json;
import io.kana.sandbox.wire.WireViews;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kana trade API over the exchange: every endpoint of the reference (GET query parameters, POST
 * JSON bodies, the {@code success/message/data} envelope) plus the sandbox's admin calls
 * {@code POST /sandbox/fund}, {@code /sandbox/markPrice} and {@code /sandbox/fundingTick}.
 *
 * <p>History endpoints sort newest first unless {@code order=asc}; {@code offset} defaults to 0 and
 * {@code limit} to 50. {@code getFills} answers in time order; {@code getAllTrades} the latest 100
 * book trades, newest first, one per match (the taker's side).
 */
public final class TradeApiHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(TradeApiHandler.class);
    private static final int DEFAULT_LIMIT = 50;
    private static final int RECENT_TRADES = 100;

    private static final Map<String, String> WRITE_MESSAGES = Map.ofEntries(
            Map.entry("DEPOSIT", "Deposit payload built successfully"),
            Map.entry("WITHDRAW", "Withdraw payload built successfully"),
            Map.entry("PLACE_LIMIT_ORDER", "Limit order payload built successfully"),
            Map.entry("PLACE_MARKET_ORDER", "Market order payload built successfully"),
            Map.entry("PLACE_MULTIPLE_ORDERS", "Multiple orders payload built successfully"),
            Map.entry("CANCEL_MULTIPLE_ORDERS", "Cancel orders payload built successfully"),
            Map.entry("CANCEL_AND_PLACE_MULTIPLE_ORDERS", "Cancel and place payload built successfully"),
            Map.entry("UPDATE_TAKE_PROFIT", "Take profit payload built successfully"),
            Map.entry("UPDATE_STOP_LOSS", "Stop loss payload built successfully"),
            Map.entry("ADD_MARGIN", "Add margin payload built successfully"),
            Map.entry("COLLAPSE_POSITION", "Collapse position payload built successfully"),
            Map.entry("SETTLE_PNL", "Settle PnL payload built successfully"));

    private record Route(boolean post, String message, Function<RequestParams, Object> action) {}

    private final Exchange exchange;
    private final WritePayloads payloads;
    private final Map<String, Route> routes = new LinkedHashMap<>();
    private volatile PayloadRewrite rewrite = (endpoint, payload) -> payload;

    /** Rewrites a write endpoint's payload before it is answered. */
    @FunctionalInterface
    public interface PayloadRewrite {
        /**
         * @param endpoint the write endpoint's path, e.g. {@code /deposit}
         * @param payload  {@code function}, {@code typeArguments} and {@code functionArguments} as built
         * @return the payload to answer, with the same three keys
         */
        Map<String, Object> apply(String endpoint, Map<String, Object> payload);
    }

    public TradeApiHandler(Exchange exchange) {
        this.exchange = exchange;
        this.payloads = new WritePayloads(exchange.moduleId(), exchange.quoteDecimals());
        get("/getMarketInfo", "Market information fetched successfully",
                p -> readMarket(p.market(), (m, h) -> List.of(WireViews.market(m))));
        get("/getMarketPrice", "Market price fetched successfully",
                p -> readMarket(p.market(), (m, h) -> WireViews.marketPrice(m)));
        get("/getLastPlacedPrice", "Last execution price fetched successfully",
                p -> readMarket(p.market(), (m, h) -> m.spec.price(m.lastTradeTicks == 0 ? m.markTicks : m.lastTradeTicks)));
        get("/getAllTrades", "Trades fetched successfully", this::recentTrades);
        get("/getPerpetualAssetsInfo", "Perpetual assets info fetched successfully", this::assets);
        get("/getPerpetualAssetsInfo/allMarkets", "Perpetual assets info fetched successfully",
                p -> assets(m -> true));
        get("/getProfileAddress", "Profile address fetched successfully",
                p -> Addresses.profileOf(p.address("userAddress")));
        get("/getWalletAccountBalance", "Fetched wallet account balance successfully", p -> {
            String wallet = p.address("userAddress");
            // A decimal string, as the docs' example answers it (kana-evidence A4).
            return exchange.read((s, h) -> quote(s.wallets.getOrDefault(wallet, 0L)).toPlainString());
        });
        get("/getProfileBalanceSnapshot", "Profile balance fetched successfully", this::profileBalance);
        get("/getNetProfileBalance", "Net profile balance fetched successfully",
                p -> readAccount(p, a -> a.balance + a.totalPending()));
        get("/getAccountAptBalance", "Account APT balance fetched successfully",
                p -> exchange.aptBalance(p.address("userAddress")));
        get("/getOpenOrders", "Open orders fetched successfully", this::openOrders);
        get("/getOpenOrdersFromContract", "Open orders fetched successfully", this::openOrders);
        get("/getAllOpenOrderIds", "Open order ids fetched successfully", p -> {
            List<Object> ids = new ArrayList<>();
            openOrders(p).forEach(o -> ids.add(o.get("order_id")));
            return ids;
        });
        get("/getOrderHistory", "Order history fetched successfully", this::orderHistory);
        get("/getOrderStatusByOrderId", "Order status fetched successfully", this::orderStatus);
        get("/fetchOrderStatusById", "Order status fetched successfully", this::orderStatus);
        get("/getPositions", "Positions fetched successfully", this::positions);
        get("/getPositionsFromContract", "Positions fetched successfully", this::positions);
        get("/getFills", "Fills fetched successfully", this::fills);
        get("/getFillsForGivenTimestamp", "Fills fetched successfully", this::fillsBetween);
        get("/getTradeHistory", "Trade history fetched successfully", this::tradeHistory);
        get("/getDepositAndWithdrawHistory", "Deposit and withdraw history fetched successfully", this::transfers);
        get("/getFundingHistory", "Funding history fetched successfully", this::fundingHistory);

        for (PerpsContract.Operation op : exchange.contract().operations()) {
            write(op.method().equals("POST"), op.path(), WRITE_MESSAGES.get(op.name()), p -> payloads.build(op, p));
        }

        post("/sandbox/fund", "Funded", this::fund);
        post("/sandbox/markPrice", "Mark price set", p -> {
            MarketSpec spec = p.market();
            BigDecimal price = p.decimal("price");
            admin(() -> exchange.setMarkPrice(spec.marketId(), price));
            return null;
        });
        post("/sandbox/fundingTick", "Funding applied", p -> {
            MarketSpec spec = p.market();
            BigDecimal rate = p.decimal("rate");
            admin(() -> exchange.applyFunding(spec.marketId(), rate));
            return null;
        });
    }

    /** Rewrites every write endpoint's payload before it is answered, until called again. */
    public void rewritePayloads(PayloadRewrite rewrite) {
        this.rewrite = Objects.requireNonNull(rewrite, "rewrite");
    }

    /** The paths served, in registration order (the 36 trade API paths, then the admin calls). */
    List<String> paths() {
        return List.copyOf(routes.keySet());
    }

    @Override
    public void handle(HttpExchange http) throws IOException {
        try (http) {
            String path = http.getRequestURI().getPath();
            Route route = routes.get(path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path);
            if (route == null) {
                respond(http, 404, failure("no endpoint " + path));
                return;
            }
            String method = route.post() ? "POST" : "GET";
            if (!http.getRequestMethod().equalsIgnoreCase(method)) {
                respond(http, 405, failure(path + " takes " + method + ", not " + http.getRequestMethod()));
                return;
            }
            Map<String, Object> body;
            int status;
            try {
                RequestParams params = route.post()
                        ? RequestParams.ofJsonBody(new String(http.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                                exchange.specs())
                        : RequestParams.ofQuery(http.getRequestURI().getRawQuery(), exchange.specs());
                Object data = route.action().apply(params);
                body = new LinkedHashMap<>();
                body.put("success", true);
                body.put("message", route.message());
                body.put("data", data);
                status = 200;
            } catch (BadRequest e) {
                body = failure(e.getMessage());
                status = 400;
            }
            LOG.debug("{} {} -> {}", http.getRequestMethod(), path, status);
            respond(http, status, body);
        } catch (RuntimeException e) {
            LOG.error("sandbox trade API failed on {}", http.getRequestURI().getPath(), e);
            respond(http, 500, failure("sandbox error: " + e));
        }
    }

    // ---- reads ----

    private Object recentTrades(RequestParams p) {
        MarketSpec spec = p.market();
        return exchange.read((s, h) -> {
            List<Object> trades = new ArrayList<>();
            for (int i = h.executions.size() - 1; i >= 0 && trades.size() < RECENT_TRADES; i--) {
                Execution e = h.executions.get(i);
                if (e.marketId() == spec.marketId() && e.bookTrade() && !e.maker()) {
                    trades.add(WireViews.trade(spec, e));
                }
            }
            return trades;
        });
    }

    private Object assets(RequestParams p) {
        if (p.has("marketId")) {
            long id = p.market().marketId();
            return assets(m -> m.spec.marketId() == id);
        }
        if (p.has("baseName")) {
            String base = p.text("baseName").toUpperCase(Locale.ROOT);
            return assets(m -> m.spec.baseAsset().equals(base) || m.spec.baseName().equals(base));
        }
        throw new BadRequest("Either marketId or baseName must be provided");
    }

    /** Asset info objects are market info objects (kana-evidence, read side): no prices, funding or volume. */
    private List<Object> assets(Predicate<MarketState> filter) {
        return exchange.read((s, h) -> {
            List<Object> result = new ArrayList<>();
            for (MarketState m : s.markets.values()) {
                if (filter.test(m)) {
                    result.add(WireViews.market(m));
                }
            }
            return result;
        });
    }

    /** A wallet that never had a profile is refused, as the live API does (kana-evidence B2). */
    private BigDecimal profileBalance(RequestParams p) {
        String wallet = p.address("userAddress");
        String profile = Addresses.profileOf(wallet);
        Long balance = exchange.read((s, h) -> {
            ProfileAccount account = s.accounts.get(profile);
            return account == null ? null : account.balance;
        });
        if (balance == null) {
            throw new BadRequest("no profile exists for wallet " + wallet + " yet: a first deposit creates it");
        }
        return quote(balance);
    }

    private BigDecimal readAccount(RequestParams p, Function<ProfileAccount, Long> amount) {
        String profile = Addresses.profileOf(p.address("userAddress"));
        return exchange.read((s, h) -> {
            ProfileAccount account = s.accounts.get(profile);
            return quote(account == null ? 0 : amount.apply(account));
        });
    }

    private List<Map<String, Object>> openOrders(RequestParams p) {
        String profile = Addresses.profileOf(p.address("userAddress"));
        MarketSpec only = p.optionalMarket();
        return exchange.read((s, h) -> {
            List<LiveOrder> orders = new ArrayList<>();
            for (MarketState m : s.markets.values()) {
                if (only == null || only.marketId() == m.spec.marketId()) {
                    m.book.orders().stream().filter(o -> o.owner.equals(profile)).forEach(orders::add);
                }
            }
            orders.sort(Comparator.comparingLong(o -> o.sequence));
            return orders.stream().map(o -> WireViews.order(exchange.spec(o.marketId), o)).toList();
        });
    }

    private Object orderHistory(RequestParams p) {
        String profile = Addresses.profileOf(p.address("userAddress"));
        MarketSpec only = p.optionalMarket();
        Page page = Page.of(p);
        return exchange.read((s, h) -> {
            List<LiveOrder> orders = new ArrayList<>();
            Predicate<LiveOrder> mine = o -> o.owner.equals(profile) && (only == null || only.marketId() == o.marketId);
            h.closedOrders.stream().filter(mine).forEach(orders::add);
            s.markets.values().forEach(m -> m.book.orders().stream().filter(mine).forEach(orders::add));
            orders.sort(Comparator.comparingLong(o -> o.sequence));
            return page.apply(orders).stream().map(o -> WireViews.order(exchange.spec(o.marketId), o)).toList();
        });
    }

    private Object orderStatus(RequestParams p) {
        MarketSpec spec = p.market();
        BigInteger id = p.wholeNumber("orderId");
        Map<String, Object> found = exchange.read((s, h) -> {
            LiveOrder order = s.markets.get(spec.marketId()).book.get(id);
            if (order == null) {
                order = h.closedById.get(id);
            }
            return order == null || order.marketId != spec.marketId() ? null : WireViews.order(spec, order);
        });
        if (found == null) {
            throw new BadRequest("no order " + id + " in market " + spec.marketId());
        }
        return found;
    }

    private Object positions(RequestParams p) {
        String profile = Addresses.profileOf(p.address("userAddress"));
        MarketSpec only = p.optionalMarket();
        return exchange.read((s, h) -> {
            List<Object> result = new ArrayList<>();
            for (MarketState m : s.markets.values()) {
                if (only == null || only.marketId() == m.spec.marketId()) {
                    m.positionsOf(profile).forEach(pos -> result.add(WireViews.position(m.spec, pos)));
                }
            }
            return result;
        });
    }

    private Object fills(RequestParams p) {
        MarketSpec spec = p.market();
        String profile = p.has("address") ? p.address("address") : null;
        long from = epochSeconds("from", p.text("from"));
        long to = epochSeconds("to", p.text("to"));
        BigInteger orderId = p.has("orderId") ? p.wholeNumber("orderId") : null;
        return exchange.read((s, h) -> h.executions.stream()
                .filter(e -> e.marketId() == spec.marketId() && e.bookTrade())
                .filter(e -> profile == null || e.profile().equals(profile))
                .filter(e -> orderId == null || e.orderId().equals(orderId))
                .filter(e -> e.timestamp() >= from && e.timestamp() <= to)
                .map(e -> (Object) WireViews.fill(spec, e))
                .toList());
    }

    private Object fillsBetween(RequestParams p) {
        Predicate<Execution> inRange = e -> true;
        if (p.has("fromTimestamp")) {
            long from = seconds(p, "fromTimestamp");
            inRange = inRange.and(e -> e.timestamp() >= from);
        }
        if (p.has("toTimestamp")) {
            long to = seconds(p, "toTimestamp");
            inRange = inRange.and(e -> e.timestamp() <= to);
        }
        return executionsOf(p, inRange, WireViews::fill);
    }

    private Object tradeHistory(RequestParams p) {
        return executionsOf(p, e -> true, WireViews::trade);
    }

    private Object executionsOf(RequestParams p, Predicate<Execution> filter,
            java.util.function.BiFunction<MarketSpec, Execution, Map<String, Object>> view) {
        String profile = Addresses.profileOf(p.address("userAddress"));
        MarketSpec only = p.optionalMarket();
        Page page = Page.of(p);
        return exchange.read((s, h) -> page.apply(h.executions.stream()
                        .filter(e -> e.profile().equals(profile) && (only == null || only.marketId() == e.marketId()))
                        .filter(filter)
                        .toList())
                .stream().map(e -> (Object) view.apply(exchange.spec(e.marketId()), e)).toList());
    }

    private Object transfers(RequestParams p) {
        String profile = Addresses.profileOf(p.address("userAddress"));
        Page page = Page.of(p);
        int decimals = exchange.quoteDecimals();
        return exchange.read((s, h) -> page.apply(h.transfers.stream().filter(t -> t.profile().equals(profile)).toList())
                .stream().map(t -> (Object) WireViews.transfer(decimals, t)).toList());
    }

    private Object fundingHistory(RequestParams p) {
        String profile = Addresses.profileOf(p.address("userAddress"));
        MarketSpec only = p.optionalMarket();
        Page page = Page.of(p);
        return exchange.read((s, h) -> page.apply(h.funding.stream()
                        .filter(f -> f.profile().equals(profile) && (only == null || only.marketId() == f.marketId()))
                        .toList())
                .stream().map(f -> (Object) WireViews.funding(exchange.spec(f.marketId()), f)).toList());
    }

    // ---- admin ----

    private Object fund(RequestParams p) {
        String address = p.address("address");
        if (!p.has("amount") && !p.has("apt")) {
            throw new BadRequest("give amount (quote coins) and/or apt (APT for gas)");
        }
        BigDecimal amount = p.has("amount") ? p.decimal("amount") : null;
        BigDecimal apt = p.has("apt") ? p.decimal("apt") : null;
        admin(() -> {
            if (amount != null) {
                exchange.fundWallet(address, amount);
            }
            if (apt != null) {
                exchange.fundApt(address, apt);
            }
        });
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("address", address);
        data.put("profileAddress", Addresses.profileOf(address));
        return data;
    }

    private static void admin(Runnable action) {
        try {
            action.run();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new BadRequest(e.getMessage());
        }
    }

    // ---- helpers ----

    private <T> T readMarket(MarketSpec spec, java.util.function.BiFunction<MarketState, History, T> reader) {
        return exchange.read((s, h) -> reader.apply(s.markets.get(spec.marketId()), h));
    }

    private BigDecimal quote(long units) {
        return MarketSpec.plain(BigDecimal.valueOf(units, exchange.quoteDecimals()));
    }

    private static long seconds(RequestParams p, String name) {
        BigInteger value = p.wholeNumber(name);
        if (value.signum() < 0 || value.bitLength() > 62) {
            throw new BadRequest(name + " must be epoch seconds, got " + value);
        }
        return value.longValue();
    }

    /** ISO-8601 instant ({@code 2024-11-21T00:00:00Z}) or epoch seconds. */
    private static long epochSeconds(String name, String text) {
        if (text.chars().allMatch(Character::isDigit)) {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw new BadRequest(name + " is too large: " + text);
            }
        }
        try {
            return Instant.parse(text).getEpochSecond();
        } catch (DateTimeParseException e) {
            throw new BadRequest(name + " must be an ISO-8601 instant like 2024-11-21T00:00:00Z, got '" + text + "'");
        }
    }

    private static Map<String, Object> failure(String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", false);
        body.put("message", message);
        return body;
    }

    private static void respond(HttpExchange http, int status, Map<String, Object> body) throws IOException {
        byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
        http.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        http.sendResponseHeaders(status, bytes.length);
        http.getResponseBody().write(bytes);
    }

    private void get(String path, String message, Function<RequestParams, Object> action) {
        routes.put(path, new Route(false, message, action));
    }

    private void post(String path, String message, Function<RequestParams, Object> action) {
        routes.put(path, new Route(true, message, action));
    }

    /** A write endpoint: its payload passes through the tampering hook. */
    private void write(boolean post, String path, String message, Function<RequestParams, Map<String, Object>> build) {
        routes.put(path, new Route(post, message, params -> tampered(path, build.apply(params))));
    }

    private Map<String, Object> tampered(String path, Map<String, Object> payload) {
        return rewrite.apply(path, payload);
    }

    /** {@code offset}, {@code limit} and {@code order} of a history endpoint. */
    private record Page(int offset, int limit, boolean ascending) {
        static Page of(RequestParams p) {
            boolean ascending = false;
            if (p.has("order")) {
                String order = p.text("order").toLowerCase(Locale.ROOT);
                if (!order.equals("asc") && !order.equals("desc")) {
                    throw new BadRequest("order must be asc or desc, got '" + p.text("order") + "'");
                }
                ascending = order.equals("asc");
            }
            return new Page(p.intOr("offset", 0, 0), p.intOr("limit", DEFAULT_LIMIT, 1), ascending);
        }

        /** Pages a list given in time order. */
        <T> List<T> apply(List<T> chronological) {
            List<T> sorted = new ArrayList<>(chronological);
            if (!ascending) {
                Collections.reverse(sorted);
            }
            int from = Math.min(offset, sorted.size());
            return sorted.subList(from, (int) Math.min((long) from + limit, sorted.size()));
        }
    }
}
