package io.kana.client;

import io.kana.core.stream.ConnectionEvent;
import io.kana.core.stream.KanaStreams;
import java.util.concurrent.Flow;
import java.util.function.Consumer;

/** A listener that also watches the client's streams once they open; free of any metrics library's types. */
interface ConnectionWatcher {

    void watch(KanaStreams streams);

    /** Hands every connection event of {@code streams} to {@code onEvent}, until the streams close. */
    static void follow(KanaStreams streams, Consumer<ConnectionEvent> onEvent) {
        streams.connectionEvents().subscribe(new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ConnectionEvent event) {
                onEvent.accept(event);
            }

            @Override
            public void onError(Throwable throwable) {
                // The streams closed; no more events.
            }

            @Override
            public void onComplete() {
                // The streams closed; no more events.
            }
        });
    }
}
