package io.kana.http;

import static io.kana.http.WireObject.required;

import com.squareup.moshi.JsonReader;
import io.kana.core.model.BookSnapshot;
import io.kana.core.model.FundingRate;
import io.kana.core.model.MarketId;
import io.kana.core.model.PriceLevel;
import io.kana.core.stream.Topic;
import io.kana.http.Decoders.DataDecoder;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code data} of each WebSocket topic (docs/wire-contract.md, "WebSocket"). Topics whose items have
 * a REST counterpart reuse its decoder; only the order book and funding rates have shapes of their own.
 */
final class StreamDecoders {

    private static final DataDecoder<List<BookSnapshot>> BOOKS = items(StreamDecoders::book);
    private static final DataDecoder<List<FundingRate>> FUNDING_RATES = items(Decoders.object(o -> new FundingRate(
            required(o.marketId("market_id"), "market_id"), required(o.decimal("funding_rate"), "funding_rate"),
            o.instant("timestamp"))));

    private StreamDecoders() {}

    static DataDecoder<? extends List<?>> of(Topic topic) {
        return switch (topic) {
            case ORDER_HISTORY, OPEN_ORDERS, LIVE_ORDER_HISTORY -> items(Decoders.ORDER);
            case TRADE_HISTORY, RECENT_TRADES, LIVE_TRADE_HISTORY -> items(Decoders.object(Decoders::trade));
            case POSITIONS -> items(Decoders.object(Decoders::position));
            case DEPOSIT_WITHDRAW_HISTORY -> items(Decoders.object(Decoders::balanceTransfer));
            case BEST_PRICE -> items(Decoders.MARKET_PRICE);
            case ORDERBOOK -> BOOKS;
            case LIVE_FUNDING_RATE -> FUNDING_RATES;
        };
    }

    /** An array of items; a bare object (the {@code live_*} topics' "latest single item") is one item. */
    private static <T> DataDecoder<List<T>> items(DataDecoder<T> item) {
        DataDecoder<List<T>> list = Decoders.list(item);
        return reader -> reader.peek() == JsonReader.Token.BEGIN_OBJECT ? List.of(item.decode(reader)) : list.decode(reader);
    }

    /** {@code {"market_id", "bids": [{"price","size"}…], "asks": […], "transaction_version"}}. */
    private static BookSnapshot book(JsonReader reader) throws IOException {
        MarketId market = null;
        List<PriceLevel> bids = List.of();
        List<PriceLevel> asks = List.of();
        BigInteger version = null;
        reader.beginObject();
        while (reader.hasNext()) {
            switch (reader.nextName()) {
                case "market_id" -> market = MarketId.parse(text(reader));
                case "bids" -> bids = levels(reader);
                case "asks" -> asks = levels(reader);
                case "transaction_version" -> {
                    String v = text(reader);
                    version = v == null ? null : new BigInteger(v);
                }
                default -> reader.skipValue();
            }
        }
        reader.endObject();
        return new BookSnapshot(required(market, "market_id"), bids, asks, version);
    }

    private static List<PriceLevel> levels(JsonReader reader) throws IOException {
        List<PriceLevel> levels = new ArrayList<>();
        reader.beginArray();
        while (reader.hasNext()) {
            WireObject level = WireObject.read(reader);
            levels.add(new PriceLevel(required(level.decimal("price"), "price"), required(level.decimal("size"), "size")));
        }
        reader.endArray();
        return levels;
    }

    private static String text(JsonReader reader) throws IOException {
        if (reader.peek() == JsonReader.Token.NULL) {
            return reader.nextNull();
        }
        return reader.nextString();
    }
}
