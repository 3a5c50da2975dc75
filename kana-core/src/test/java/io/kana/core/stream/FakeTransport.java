package io.kana.core.stream;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A transport the test drives by hand: the test thread plays the socket thread. Records every call. */
final class FakeTransport implements StreamTransport {

    final List<String> calls = new CopyOnWriteArrayList<>();
    volatile Listener listener;

    @Override
    public void start(Listener value) {
        listener = value;
        calls.add("start");
    }

    @Override
    public void subscribe(Topic topic, String key) {
        calls.add("subscribe " + topic.wireName() + " " + key);
    }

    @Override
    public void unsubscribe(Topic topic, String key) {
        calls.add("unsubscribe " + topic.wireName() + " " + key);
    }

    @Override
    public void close() {
        calls.add("close");
    }
}
