package io.kana.sandbox.http;

import io.kana.sandbox.exchange.Addresses;
import io.kana.sandbox.exchange.Exchange;
import io.kana.sandbox.exchange.ExchangeState.MarketState;
import io.kana.sandbox.exchange.History;
import io.kana.sandbox.exchange.History.Execution;
import io.kana.sandbox.exchange.LiveOrder;
import io.kana.sandbox.exchange.MarketSpec;
import io.kana.sandbox.exchange.ProfileAccount;
import io.kana.sandbox.http.RequestParams.BadRequest;
import io.kana.sandbox.wire.WireViews;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The trade API's read endpoints: what each answers from the exchange's committed state, with paging
 * and time filters. {@link TradeApiHandler} routes to them.
 */
final class TradeApiReads {

    private static final int DEFAULT_LIMIT = 50;
    private static final int RECENT_TRADES = 100;

    private final Exchange exchange;

    TradeApiReads(Exchange exchange) {
        this.exchange = exchange;
    }

    Object recentTrades(RequestParams p) {
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

    Object assets(RequestParams p) {
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
    List<Object> assets(Predicate<MarketState> filter) {
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
    BigDecimal profileBalance(RequestParams p) {
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

    BigDecimal readAccount(RequestParams p, Function<ProfileAccount, Long> amount) {
        String profile = Addresses.profileOf(p.address("userAddress"));
        return exchange.read((s, h) -> {
            ProfileAccount account = s.accounts.get(profile);
            return quote(account == null ? 0 : amount.apply(account));
        });
    }

    List<Map<String, Object>> openOrders(RequestParams p) {
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

    Object orderHistory(RequestParams p) {
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

    Object orderStatus(RequestParams p) {
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

    Object positions(RequestParams p) {
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

    Object fills(RequestParams p) {
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

    Object fillsBetween(RequestParams p) {
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

    Object tradeHistory(RequestParams p) {
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

    Object transfers(RequestParams p) {
        String profile = Addresses.profileOf(p.address("userAddress"));
        Page page = Page.of(p);
        int decimals = exchange.quoteDecimals();
        return exchange.read((s, h) -> page.apply(h.transfers.stream().filter(t -> t.profile().equals(profile)).toList())
                .stream().map(t -> (Object) WireViews.transfer(decimals, t)).toList());
    }

    Object fundingHistory(RequestParams p) {
        String profile = Addresses.profileOf(p.address("userAddress"));
        MarketSpec only = p.optionalMarket();
        Page page = Page.of(p);
        return exchange.read((s, h) -> page.apply(h.funding.stream()
                        .filter(f -> f.profile().equals(profile) && (only == null || only.marketId() == f.marketId()))
                        .toList())
                .stream().map(f -> (Object) WireViews.funding(exchange.spec(f.marketId()), f)).toList());
    }

    <T> T readMarket(MarketSpec spec, java.util.function.BiFunction<MarketState, History, T> reader) {
        return exchange.read((s, h) -> reader.apply(s.markets.get(spec.marketId()), h));
    }

    BigDecimal quote(long units) {
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
