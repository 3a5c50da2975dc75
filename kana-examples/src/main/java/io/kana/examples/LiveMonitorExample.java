package io.kana.examples;

import static io.kana.examples.ExampleEnvironment.APT_USDC;
import static io.kana.examples.ExampleEnvironment.FAUCET_USDC;
import static io.kana.examples.ExampleOrders.onTick;
import static io.kana.examples.ExampleOrders.restingLong;
import static io.kana.examples.Show.amount;
import static io.kana.examples.Show.side;

import io.kana.client.KanaClient;
import io.kana.core.model.BookSnapshot;
import io.kana.core.model.MarketPrice;
import io.kana.core.model.MarketRules;
import io.kana.core.model.Order;
import io.kana.core.model.OrderId;
import io.kana.core.model.Position;
import io.kana.core.model.PriceLevel;
import io.kana.core.model.Side;
import io.kana.core.model.Trade;
import io.kana.core.model.WalletAddress;
import io.kana.core.stream.ConnectionEvent;
import io.kana.core.stream.Feed;
import io.kana.core.stream.KanaStreams;
import io.kana.core.stream.StreamEvent;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * A live market and account monitor: streams APT/USDC's book top, best price and trades, and the
 * wallet's open orders, fills and positions, with the connection's events, printing each as it
 * arrives. To have something to show it rests two bids, lets the counterparty sell into one (sandbox
 * only), cuts the stream connection once (sandbox only: a reconnect and a gap bridged through REST)
 * and cancels what is left. It stops listening after {@code maxEvents} events or {@code maxSeconds},
 * or once the streams have been quiet for {@value #QUIET_MILLIS} ms after its last order.
 * {@code mvn -B -q -pl kana-examples -am -DskipTests package exec:java -Dexample=io.kana.examples.LiveMonitorExample
 * -Dexec.args="100 30"}
 */
public final class LiveMonitorExample {

    static final int DEFAULT_MAX_EVENTS = 100;
    static final Duration DEFAULT_MAX_DURATION = Duration.ofSeconds(30);
    static final long QUIET_MILLIS = 2000;
    static final BigDecimal DEPOSIT = new BigDecimal("100");
    static final BigDecimal SIZE = BigDecimal.ONE;
    static final int LEVERAGE = 5;

    private LiveMonitorExample() {}

    /** Arguments: the most events to print (default 100), the most seconds to listen (default 30). */
    public static void main(String[] args) {
        int maxEvents = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_MAX_EVENTS;
        Duration maxDuration = args.length > 1 ? Duration.ofSeconds(Long.parseLong(args[1])) : DEFAULT_MAX_DURATION;
        ExampleEnvironment.runMain((env, out) -> run(env, out, maxEvents, maxDuration));
    }

    static List<Transcript.Step> run(ExampleEnvironment env, Transcript out) {
        return run(env, out, DEFAULT_MAX_EVENTS, DEFAULT_MAX_DURATION);
    }

    static List<Transcript.Step> run(ExampleEnvironment env, Transcript out, int maxEvents, Duration maxDuration) {
        KanaClient kana = env.trader();
        WalletAddress wallet = kana.wallet();
        MarketRules rules = MarketRules.of(kana.markets().market(APT_USDC));
        BigDecimal mark = ExampleOrders.referencePrice(kana, APT_USDC);

        out.step("Fund and deposit " + amount(DEPOSIT) + " USDC (the account feeds are keyed by its trading account)");
        if (!env.fundFromFaucet(kana, FAUCET_USDC)) {
            out.detail("no faucet when KANA_NETWORK is set: the wallet needs USDC, and APT for gas, already");
        }
        out.transaction("deposit", kana.trader().deposit(DEPOSIT));

        out.step("Subscribe: connection events; APT/USDC book, best price and trades; my open orders, fills, positions");
        Monitor monitor = new Monitor(out, maxEvents);
        KanaStreams streams = kana.streams();
        monitor.listen(streams.connectionEvents(), LiveMonitorExample::connection);
        monitor.listen(streams.subscribe(Feed.orderBook(APT_USDC)), e -> bookTop(e.data()));
        monitor.listen(streams.subscribe(Feed.bestPrice(APT_USDC)), e -> bestPrice(e.data()));
        monitor.listen(streams.subscribe(Feed.recentTrades(APT_USDC)), e -> marketTrades(e.data()));
        monitor.listen(streams.subscribe(Feed.openOrders(wallet)), e -> openOrders(e.data()));
        monitor.listen(streams.subscribe(Feed.tradeHistory(wallet)), LiveMonitorExample::fills);
        monitor.listen(streams.subscribe(Feed.positions(wallet)), e -> positions(e.data()));
        out.detail("listening for at most %d events or %d s", maxEvents, maxDuration.toSeconds());

        Map<OrderId, Side> placed = new LinkedHashMap<>();
        BigDecimal low = onTick(rules, mark, "0.97");
        BigDecimal high = onTick(rules, mark, "0.98");
        out.step("Rest two bids: long " + amount(SIZE) + " APT at " + amount(low) + " and at " + amount(high));
        placed.put(ExampleOrders.placingOne(out, kana, "bid " + amount(low),
                () -> kana.trader().placeLimitOrder(restingLong(SIZE, low, LEVERAGE))), Side.LONG);
        placed.put(ExampleOrders.placingOne(out, kana, "bid " + amount(high),
                () -> kana.trader().placeLimitOrder(restingLong(SIZE, high, LEVERAGE))), Side.LONG);

        out.step("The counterparty sells " + amount(SIZE) + " APT at market into the best bid");
        ExampleOrders.counterpartySells(env, out, DEPOSIT, SIZE, LEVERAGE);

        out.step("Cut the stream connection (a sandbox fault): watch it reconnect and bridge the gap through REST");
        if (env.sandbox().isPresent()) {
            env.sandbox().get().cutStreamConnections();
        } else {
            out.skip("faults are injected on the sandbox only");
        }

        out.step("Cancel what is still open");
        ExampleOrders.cancelStillOpen(out, kana, "cancel", placed);

        out.step("Listen until " + maxEvents + " events, " + maxDuration.toSeconds() + " s, or "
                + QUIET_MILLIS + " ms of quiet");
        String why = monitor.awaitEnd(maxDuration);
        monitor.stop();
        out.detail("stopped after %d events: %s", Math.min(monitor.events(), maxEvents), why);
        return out.finish();
    }

    private static String connection(ConnectionEvent event) {
        if (event instanceof ConnectionEvent.Disconnected d) {
            return "connection  disconnected: " + d.reason();
        }
        if (event instanceof ConnectionEvent.Reconnected r) {
            return "connection  reconnected after " + r.attempts() + " attempt" + (r.attempts() == 1 ? "" : "s");
        }
        if (event instanceof ConnectionEvent.Gap g) {
            return "connection  gap in " + g.feed().topic().wireName() + ": " + g.cause();
        }
        if (event instanceof ConnectionEvent.GapBridged b) {
            return "connection  gap in " + b.feed().topic().wireName() + " bridged through REST: " + b.recovered()
                    + " item" + (b.recovered() == 1 ? "" : "s");
        }
        return "connection  connected";
    }

    private static String bookTop(List<BookSnapshot> books) {
        if (books.isEmpty()) {
            return "book        -";
        }
        BookSnapshot book = books.get(books.size() - 1);
        return "book        bid " + level(book.bids()) + " | ask " + level(book.asks());
    }

    private static String level(List<PriceLevel> side) {
        return side.isEmpty() ? "-" : amount(side.get(0).size()) + " @ " + amount(side.get(0).price());
    }

    private static String bestPrice(List<MarketPrice> prices) {
        MarketPrice best = prices.isEmpty() ? new MarketPrice(null, null) : prices.get(prices.size() - 1);
        return "best price  bid " + amount(best.bestBid()) + "  ask " + amount(best.bestAsk());
    }

    private static String marketTrades(List<Trade> trades) {
        return "trades      " + trades.stream().map(t -> amount(t.size()) + " APT at " + amount(t.price()))
                .collect(Collectors.joining(", "));
    }

    private static String openOrders(List<Order> orders) {
        return "my orders   " + orders.size() + " open" + orders.stream().map(o -> o.orderId() + " "
                + side(o.side()) + " " + amount(o.remainingSize()) + " @ " + amount(o.price()))
                .collect(Collectors.joining("; ", orders.isEmpty() ? "" : ": ", ""));
    }

    private static String fills(StreamEvent<Trade> event) {
        String origin = event.origin() == StreamEvent.Origin.LIVE ? "" : "  (reconciled)";
        return "my fills    " + event.data().stream().map(t -> side(t.side()) + " " + amount(t.size()) + " APT at "
                + amount(t.price()) + " fee " + amount(t.fee())).collect(Collectors.joining(", ")) + origin;
    }

    private static String positions(List<Position> positions) {
        return "my position " + (positions.isEmpty() ? "none" : positions.stream().map(p -> p.side() + " "
                + amount(p.size()) + " APT, entry " + amount(p.entryPrice()) + ", margin " + amount(p.margin())
                + " USDC").collect(Collectors.joining("; ")));
    }

    /**
     * Prints each event as one line, stamped with the time since subscribing; counts them, and stops
     * printing after {@code maxEvents}. Events arrive on the streams' delivery threads.
     */
    private static final class Monitor {
        private final Transcript out;
        private final int maxEvents;
        private final long start = System.nanoTime();
        private final AtomicInteger events = new AtomicInteger();
        private final List<Flow.Subscription> subscriptions = new CopyOnWriteArrayList<>();
        private volatile long lastEvent = System.nanoTime();
        private volatile boolean stopped;

        Monitor(Transcript out, int maxEvents) {
            this.out = out;
            this.maxEvents = maxEvents;
        }

        <T> void listen(Flow.Publisher<T> publisher, java.util.function.Function<T, String> line) {
            publisher.subscribe(new Printer<>(subscriptions, event -> print(line.apply(event)),
                    failure -> print("stream ended: " + failure.getMessage())));
        }

        private synchronized void print(String line) {
            lastEvent = System.nanoTime();
            if (stopped || events.incrementAndGet() > maxEvents) {
                return;
            }
            out.detail("+%5d ms  %s", (System.nanoTime() - start) / 1_000_000, line);
        }

        int events() {
            return events.get();
        }

        /** Waits for the first of: enough events, the time limit, or quiet; says which. */
        String awaitEnd(Duration maxDuration) {
            long deadline = start + maxDuration.toNanos();
            while (true) {
                long now = System.nanoTime();
                if (events.get() >= maxEvents) {
                    return "reached " + maxEvents + " events";
                }
                if (now >= deadline) {
                    return maxDuration.toSeconds() + " s passed";
                }
                if (now - lastEvent >= QUIET_MILLIS * 1_000_000) {
                    return "quiet for " + QUIET_MILLIS + " ms";
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return "interrupted";
                }
            }
        }

        synchronized void stop() {
            stopped = true;
            subscriptions.forEach(Flow.Subscription::cancel);
        }
    }

    /** Requests everything and hands each item, or the failure that ended the stream, on. */
    private record Printer<T>(List<Flow.Subscription> subscriptions, Consumer<T> onItem, Consumer<Throwable> onFailure)
            implements Flow.Subscriber<T> {

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscriptions.add(subscription);
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(T item) {
            onItem.accept(item);
        }

        @Override
        public void onError(Throwable throwable) {
            onFailure.accept(throwable);
        }

        @Override
        public void onComplete() {
        }
    }
}
