package io.kana.http;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kana.core.error.InvalidRequestException;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** The WebSocket adapter follows the REST adapter's cleartext rule; nothing here connects. */
class WebSocketBuilderTest {

    @Test
    void cleartextWsToAnotherHostIsRefusedUnlessAllowed() {
        assertThatThrownBy(() -> KanaWebSocket.builder(URI.create("ws://user:pw@perps.example.com/ws/")).build())
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("cleartext ws to another host").hasMessageContaining("allowCleartext(true)")
                .hasMessageNotContaining("pw");
        assertThatCode(() -> KanaWebSocket.builder(URI.create("ws://perps.example.com/ws/")).allowCleartext(true)
                .build().close()).doesNotThrowAnyException();
    }

    @Test
    void loopbackAndWssNeedNoPermission() {
        for (String url : new String[] {"ws://127.0.0.1:8090/ws/", "ws://localhost:8090/ws/", "ws://[::1]:8090/ws/",
                "wss://perpetuals-indexer-ws.kana.trade/ws/"}) {
            assertThatCode(() -> KanaWebSocket.builder(URI.create(url)).build().close()).as(url)
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void onlyWebSocketSchemes() {
        assertThatThrownBy(() -> KanaWebSocket.builder(URI.create("https://perps.example.com/ws/")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ws:// or wss://");
    }
}
