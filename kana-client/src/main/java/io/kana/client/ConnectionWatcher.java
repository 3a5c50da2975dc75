package io.kana.client;

import io.kana.core.stream.KanaStreams;

/** A listener that also watches the client's streams once they open; free of any metrics library's types. */
interface ConnectionWatcher {

    void watch(KanaStreams streams);
}
