package io.kana.cli.stream;

import io.kana.cli.ExitCodes;
import io.kana.cli.Fields;
import io.kana.cli.Json;
import io.kana.cli.KanaCommand;
import io.kana.cli.UsageException;
import io.kana.client.KanaClient;
import io.kana.core.model.MarketId;
import io.kana.core.stream.Feed;
import io.kana.core.stream.StreamEvent;
import io.kana.core.stream.Topic;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kana stream TOPIC}: prints a live feed, one line per message, until Ctrl+C or {@code --count}
 * messages. With {@code --json} each message is one JSON document on its own line (JSON Lines).
 */
@Command(name = "stream", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Print a live WebSocket feed (KANA_WS_URL), one line per message, until Ctrl+C or --count.",
            "With --json: one JSON document per message, one per line (JSON Lines).",
            "Topics: market feeds orderbook, recent_trades, best_price (need --market); live_funding_rate;"
                    + " the wallet's order_history, deposit_withdraw_history, trade_history, positions, open_orders,"
                    + " live_order_history, live_trade_history."},
        footerHeading = "%nExamples:%n",
        footer = {"  java -jar kana.jar stream best_price --market 1338",
            "  java -jar kana.jar stream open_orders --json --count 5"})
public final class StreamCommand extends KanaCommand {

    @Parameters(index = "0", paramLabel = "TOPIC", description = "the topic, e.g. best_price")
    private String topicName;

    @Option(names = "--market", paramLabel = "ID", description = "the market (for orderbook, recent_trades, best_price)")
    private Long market;

    @Option(names = "--count", paramLabel = "N", description = "stop after N messages (default: until Ctrl+C)")
    private Integer count;

    @Override
    protected int execute() throws InterruptedException {
        Topic topic = Topic.ofWireName(topicName);
        if (topic == null) {
            throw new UsageException("unknown topic '" + topicName + "'; one of "
                    + Arrays.stream(Topic.values()).map(Topic::wireName).collect(Collectors.joining(", ")));
        }
        if (count != null && count < 1) {
            throw new UsageException("--count must be at least 1, got " + count);
        }
        Feed<?> feed = feed(topic);
        CountDownLatch done = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        PrintWriter out = spec.commandLine().getOut();
        try (KanaClient client = readClient()) {
            subscribe(client, feed, out, done, failure);
            done.await();
        }
        if (failure.get() != null) {
            spec.commandLine().getErr().println(spec.qualifiedName() + ": the feed ended: " + failure.get().getMessage());
            spec.commandLine().getErr().flush();
            return ExitCodes.UNCHECKED;
        }
        return ExitCodes.OK;
    }

    private <T> void subscribe(KanaClient client, Feed<T> feed, PrintWriter out, CountDownLatch done,
            AtomicReference<Throwable> failure) {
        AtomicInteger printed = new AtomicInteger();
        client.streams().subscribe(feed).subscribe(new Flow.Subscriber<StreamEvent<T>>() {
            private Flow.Subscription subscription;

            @Override
            public void onSubscribe(Flow.Subscription value) {
                subscription = value;
                value.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(StreamEvent<T> event) {
                if (done.getCount() == 0) {
                    return;
                }
                synchronized (out) {
                    out.println(outputOptions.json() ? Json.line(document(event)) : line(event));
                    out.flush();
                }
                if (count != null && printed.incrementAndGet() >= count) {
                    subscription.cancel();
                    done.countDown();
                }
            }

            @Override
            public void onError(Throwable error) {
                failure.set(error);
                done.countDown();
            }

            @Override
            public void onComplete() {
                done.countDown();
            }
        });
    }

    private Feed<?> feed(Topic topic) {
        if (topic.key() == Topic.Key.MARKET && market == null) {
            throw new UsageException(topic.wireName() + " is a market's feed: pass --market ID");
        }
        if (topic.key() != Topic.Key.MARKET && market != null) {
            throw new UsageException(topic.wireName() + " takes no --market");
        }
        return switch (topic) {
            case ORDERBOOK -> Feed.orderBook(MarketId.of(market));
            case RECENT_TRADES -> Feed.recentTrades(MarketId.of(market));
            case BEST_PRICE -> Feed.bestPrice(MarketId.of(market));
            case LIVE_FUNDING_RATE -> Feed.fundingRates();
            case ORDER_HISTORY -> Feed.orderHistory(wallet());
            case DEPOSIT_WITHDRAW_HISTORY -> Feed.depositWithdrawHistory(wallet());
            case TRADE_HISTORY -> Feed.tradeHistory(wallet());
            case POSITIONS -> Feed.positions(wallet());
            case OPEN_ORDERS -> Feed.openOrders(wallet());
            case LIVE_ORDER_HISTORY -> Feed.liveOrderHistory(wallet());
            case LIVE_TRADE_HISTORY -> Feed.liveTradeHistory(wallet());
        };
    }

    private static Map<String, Object> document(StreamEvent<?> event) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("topic", event.feed().topic().wireName());
        document.put("origin", Fields.of(event.origin()));
        document.put("data", Fields.of(event.data()));
        return document;
    }

    private static String line(StreamEvent<?> event) {
        return event.feed().topic().wireName() + " (" + Fields.of(event.origin()) + ") " + event.data().size()
                + " item(s): " + Fields.of(event.data());
    }
}
