package io.kana.core.stream;

import static io.kana.core.stream.Items.MARKET;
import static io.kana.core.stream.Items.book;
import static org.assertj.core.api.Assertions.assertThat;

import io.kana.core.model.BookSnapshot;
import io.kana.core.model.MarketPrice;
import io.kana.core.stream.ConnectionEvent.Cause;
import io.kana.core.stream.ConnectionEvent.Gap;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OrderBookMirrorTest {

    private final FakeTransport transport = new FakeTransport();
    private final FakeReads rest = new FakeReads();
    private final Recorder<ConnectionEvent> monitor = Recorder.eager();
    private KanaStreams streams;
    private OrderBookMirror mirror;

    @BeforeEach
    void start() {
        streams = KanaStreams.builder(transport).reconcileWith(null, null, null, rest).build();
        streams.connectionEvents().subscribe(monitor);
        mirror = streams.orderBookMirror(MARKET);
    }

    @AfterEach
    void close() {
        mirror.close();
        streams.close();
    }

    private void apply(BookSnapshot snapshot) throws InterruptedException {
        transport.listener.message(Topic.ORDERBOOK, "1338", List.of(snapshot));
        Recorder.await(() -> snapshot.equals(mirror.book()));
    }

    @Test
    void theMirrorIsTheLatestBookAndAgreesWithRestWhateverTheScale() throws Exception {
        assertThat(transport.calls).containsExactly("start", "subscribe orderbook 1338");
        apply(book("4.9", "5.1"));
        apply(book("4.95", "5.05"));

        rest.price = new MarketPrice(new BigDecimal("4.950"), new BigDecimal("5.05"));

        assertThat(mirror.check()).isTrue();
        assertThat(mirror.rebuilds()).isZero();
        assertThat(transport.calls).containsExactly("start", "subscribe orderbook 1338");
        assertThat(monitor.received).isEmpty();
    }

    @Test
    void aDisagreementIsReportedAndRebuildsTheMirrorFromAFreshSubscription() throws Exception {
        apply(book("4.9", "5.1"));
        rest.price = new MarketPrice(new BigDecimal("4.9"), new BigDecimal("5.0"));

        assertThat(mirror.check()).isFalse();

        assertThat(mirror.rebuilds()).isEqualTo(1);
        assertThat(transport.calls).endsWith("unsubscribe orderbook 1338", "subscribe orderbook 1338");
        Gap gap = (Gap) monitor.next();
        assertThat(gap.cause()).isEqualTo(Cause.BOOK_MISMATCH);
        assertThat(gap.feed()).isEqualTo(Feed.orderBook(MARKET));
        assertThat(gap.detail()).contains("bid 4.9 ask 5.1", "ask 5.0");

        // The server answers the new subscription with the current book; then they agree again.
        apply(book("4.9", "5.0"));
        assertThat(mirror.check()).isTrue();
        assertThat(mirror.rebuilds()).isEqualTo(1);
    }

    @Test
    void aMirrorWithoutABookYetIsRebuilt() throws Exception {
        rest.price = new MarketPrice(null, null);

        assertThat(mirror.book()).isNull();
        assertThat(mirror.check()).isFalse();
        assertThat(((Gap) monitor.next()).detail()).contains("none yet");
    }

    @Test
    void closingTheMirrorUnsubscribesTheBook() {
        mirror.close();
        assertThat(transport.calls).endsWith("unsubscribe orderbook 1338");
    }
}
