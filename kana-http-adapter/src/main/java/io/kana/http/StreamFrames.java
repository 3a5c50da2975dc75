package io.kana.http;

import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import io.kana.core.model.AccountAddress;
import io.kana.core.model.BalanceTransfer;
import io.kana.core.model.BookSnapshot;
import io.kana.core.model.Order;
import io.kana.core.model.Position;
import io.kana.core.model.ProfileAddress;
import io.kana.core.model.Trade;
import io.kana.core.stream.Topic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import okhttp3.WebSocket;
import okio.Buffer;

/** The WebSocket API's text frames: subscription commands out, topic messages in (docs/wire-contract.md). */
final class StreamFrames {

    private StreamFrames() {
    }

    /** The subscribe (or unsubscribe) command for {@code topic} and its key. */
    static String command(Topic topic, String key, boolean unsubscribe) {
        Buffer buffer = new Buffer();
        try (JsonWriter w = JsonWriter.of(buffer)) {
            w.beginObject();
            if (unsubscribe) {
                w.name("action").value("unsubscribe");
            }
            w.name("topic").value(topic.wireName());
            switch (topic.key()) {
                case ACCOUNT -> w.name("address").value(key);
                case MARKET -> w.name("market_id").value(key);
                case NONE -> { }
            }
            w.endObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.readUtf8();
    }

    /** One message: its topic, subscription key, sequence number and decoded items. */
    record Envelope(Topic topic, String key, Long seq, List<?> data) {

        /** Null for a message of no known topic (an acknowledgement, a new topic). */
        static Envelope parse(String text) throws IOException {
            String message = null;
            String key = null;
            Long seq = null;
            boolean hasData = false;
            JsonReader reader = JsonReader.of(new Buffer().writeUtf8(text));
            reader.beginObject();
            while (reader.hasNext()) {
                switch (reader.nextName()) {
                    case "message" -> message = scalar(reader);
                    case "address" -> key = AccountAddress.parse(scalar(reader)).hex();
                    case "market_id" -> key = scalar(reader);
                    case "seq" -> seq = Long.parseLong(scalar(reader));
                    case "data" -> {
                        hasData = true;
                        reader.skipValue();
                    }
                    default -> reader.skipValue();
                }
            }
            Topic topic = Topic.ofWireName(message);
            if (topic == null || !hasData) {
                return null;
            }
            JsonReader data = JsonReader.of(new Buffer().writeUtf8(text));
            data.beginObject();
            List<?> items = List.of();
            while (data.hasNext()) {
                if (data.nextName().equals("data")) {
                    items = data.peek() == JsonReader.Token.NULL ? List.of() : StreamDecoders.of(topic).decode(data);
                } else {
                    data.skipValue();
                }
            }
            return new Envelope(topic, key != null ? key : keyOf(topic, items), seq, items);
        }

        private static String keyOf(Topic topic, List<?> items) {
            if (items.isEmpty()) {
                return null;
            }
            Object first = items.get(0);
            ProfileAddress address = first instanceof Order o ? o.address() : first instanceof Trade t
                    && topic.key() == Topic.Key.ACCOUNT ? t.address() : first instanceof Position p ? p.address()
                    : first instanceof BalanceTransfer b ? b.address() : null;
            if (topic.key() == Topic.Key.ACCOUNT) {
                return address == null ? null : address.hex();
            }
            if (topic.key() == Topic.Key.MARKET) {
                return first instanceof BookSnapshot book ? Long.toString(book.marketId().value())
                        : first instanceof Trade t ? Long.toString(t.marketId().value()) : null;
            }
            return null;
        }

        private static String scalar(JsonReader reader) throws IOException {
            return reader.peek() == JsonReader.Token.NULL ? reader.nextNull() : reader.nextString();
        }
    }
}
