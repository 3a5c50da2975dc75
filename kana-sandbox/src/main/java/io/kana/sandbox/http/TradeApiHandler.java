package io.kana.sandbox.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.kana.sandbox.chain.PerpsContract;
import io.kana.sandbox.exchange.Addresses;
import io.kana.sandbox.exchange.Exchange;
import io.kana.sandbox.exchange.History;
import io.kana.sandbox.exchange.MarketSpec;
import io.kana.sandbox.http.RequestParams.BadRequest;
import io.kana.sandbox.wire.Json;
import io.kana.sandbox.wire.WireViews;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
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
    private final TradeApiReads reads;
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
        this.reads = new TradeApiReads(exchange);
        this.payloads = new WritePayloads(exchange.moduleId(), exchange.quoteDecimals());
        get("/getMarketInfo", "Market information fetched successfully",
                p -> reads.readMarket(p.market(), (m, h) -> List.of(WireViews.market(m))));
        get("/getMarketPrice", "Market price fetched successfully",
                p -> reads.readMarket(p.market(), (m, h) -> WireViews.marketPrice(m)));
        get("/getLastPlacedPrice", "Last execution price fetched successfully",
                p -> reads.readMarket(p.market(), (m, h) -> m.spec.price(m.lastTradeTicks == 0 ? m.markTicks : m.lastTradeTicks)));
        get("/getAllTrades", "Trades fetched successfully", reads::recentTrades);
        get("/getPerpetualAssetsInfo", "Perpetual assets info fetched successfully", reads::assets);
        get("/getPerpetualAssetsInfo/allMarkets", "Perpetual assets info fetched successfully",
                p -> reads.assets(m -> true));
        get("/getProfileAddress", "Profile address fetched successfully",
                p -> Addresses.profileOf(p.address("userAddress")));
        get("/getWalletAccountBalance", "Fetched wallet account balance successfully", p -> {
            String wallet = p.address("userAddress");
            // A decimal string, as the docs' example answers it (kana-evidence A4).
            return exchange.read((s, h) -> reads.quote(s.wallets.getOrDefault(wallet, 0L)).toPlainString());
        });
        get("/getProfileBalanceSnapshot", "Profile balance fetched successfully", reads::profileBalance);
        get("/getNetProfileBalance", "Net profile balance fetched successfully",
                p -> reads.readAccount(p, a -> a.balance + a.totalPending()));
        get("/getAccountAptBalance", "Account APT balance fetched successfully",
                p -> exchange.aptBalance(p.address("userAddress")));
        get("/getOpenOrders", "Open orders fetched successfully", reads::openOrders);
        get("/getOpenOrdersFromContract", "Open orders fetched successfully", reads::openOrders);
        get("/getAllOpenOrderIds", "Open order ids fetched successfully", p -> {
            List<Object> ids = new ArrayList<>();
            reads.openOrders(p).forEach(o -> ids.add(o.get("order_id")));
            return ids;
        });
        get("/getOrderHistory", "Order history fetched successfully", reads::orderHistory);
        get("/getOrderStatusByOrderId", "Order status fetched successfully", reads::orderStatus);
        get("/fetchOrderStatusById", "Order status fetched successfully", reads::orderStatus);
        get("/getPositions", "Positions fetched successfully", reads::positions);
        get("/getPositionsFromContract", "Positions fetched successfully", reads::positions);
        get("/getFills", "Fills fetched successfully", reads::fills);
        get("/getFillsForGivenTimestamp", "Fills fetched successfully", reads::fillsBetween);
        get("/getTradeHistory", "Trade history fetched successfully", reads::tradeHistory);
        get("/getDepositAndWithdrawHistory", "Deposit and withdraw history fetched successfully", reads::transfers);
        get("/getFundingHistory", "Funding history fetched successfully", reads::fundingHistory);

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


}
