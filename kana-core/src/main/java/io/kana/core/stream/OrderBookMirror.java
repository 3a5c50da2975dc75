package io.kana.core.stream;

import io.kana.core.model.BookSnapshot;
import io.kana.core.model.MarketId;
import io.kana.core.model.MarketPrice;
import io.kana.core.port.Markets;
import io.kana.core.stream.ConnectionEvent.Cause;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A market's order book kept from the {@code orderbook} feed. Each message is the whole book, so the
 * mirror is its latest message; {@link #check()} compares it with the REST best prices and, when they
 * disagree, rebuilds it by subscribing the feed afresh (the server answers a subscription with the
 * current book) and reports a {@link Cause#BOOK_MISMATCH} gap. Thread-safe; {@link #close()} stops it.
 */
public final class OrderBookMirror implements AutoCloseable {

    private final KanaStreams streams;
    private final Feed<BookSnapshot> feed;
    private final Markets markets;
    private final AtomicInteger rebuilds = new AtomicInteger();
    private volatile BookSnapshot book;
    private volatile Flow.Subscription subscription;

    OrderBookMirror(KanaStreams streams, MarketId market, Markets markets) {
        this.streams = streams;
        this.feed = Feed.orderBook(market);
        this.markets = markets;
        streams.subscribe(feed).subscribe(new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription s) {
                subscription = s;
                s.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(StreamEvent<BookSnapshot> event) {
                if (!event.data().isEmpty()) {
                    book = event.data().get(event.data().size() - 1);
                }
            }

            @Override
            public void onError(Throwable throwable) {
                book = null;
            }

            @Override
            public void onComplete() {
            }
        });
    }

    /** The latest book, or null before the first message. */
    public BookSnapshot book() {
        return book;
    }

    /** How often {@link #check()} found a disagreement and rebuilt the mirror. */
    public int rebuilds() {
        return rebuilds.get();
    }

    /**
     * Compares the mirror's best bid and ask with {@code GET /getMarketPrice}; on a disagreement
     * (including a mirror that has no book yet) re-subscribes to get a fresh book.
     *
     * @return true when they agreed
     */
    public boolean check() {
        BookSnapshot mirrored = book;
        MarketPrice rest = markets.marketPrice(feed.market());
        boolean agrees = mirrored != null && same(mirrored.bestBid(), rest.bestBid())
                && same(mirrored.bestAsk(), rest.bestAsk());
        if (!agrees) {
            rebuilds.incrementAndGet();
            streams.publish(new ConnectionEvent.Gap(feed, Cause.BOOK_MISMATCH, "mirror best " + describe(mirrored)
                    + ", REST best bid " + plain(rest.bestBid()) + " ask " + plain(rest.bestAsk()) + "; rebuilding"));
            streams.refresh(feed);
        }
        return agrees;
    }

    @Override
    public void close() {
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return Objects.equals(a == null ? null : a.stripTrailingZeros(), b == null ? null : b.stripTrailingZeros());
    }

    private static String describe(BookSnapshot book) {
        return book == null ? "none yet" : "bid " + plain(book.bestBid()) + " ask " + plain(book.bestAsk());
    }

    private static String plain(BigDecimal value) {
        return value == null ? "none" : value.toPlainString();
    }
}
