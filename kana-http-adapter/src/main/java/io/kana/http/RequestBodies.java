package io.kana.http;

import com.squareup.moshi.JsonWriter;
import io.kana.core.model.CancelAndPlaceRequest;
import io.kana.core.model.CancelOrdersRequest;
import io.kana.core.model.MarketId;
import io.kana.core.model.MultipleOrdersRequest;
import io.kana.core.model.OrderSpec;
import io.kana.core.model.OrderToCancel;
import io.kana.core.model.Restriction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.Buffer;
import okio.BufferedSink;

/**
 * The JSON bodies of the batch endpoints, field for field as docs/wire-contract.md gives them. Decimals are written
 * as bare JSON numbers from {@link BigDecimal#toPlainString()}, so never in scientific notation and
 * never rounded through {@code double}; order ids are strings because they exceed a JSON-safe integer.
 */
final class RequestBodies {

    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private RequestBodies() {}

    static RequestBody placeMultipleOrders(MultipleOrdersRequest request) {
        return json(writer -> {
            writeMarketId(writer, request.marketId());
            writePlaceFields(writer, request.orders(), request.restriction());
        });
    }

    static RequestBody cancelMultipleOrders(CancelOrdersRequest request) {
        return json(writer -> {
            writeMarketId(writer, request.marketId());
            writeCancelFields(writer, request.orders());
        });
    }

    static RequestBody cancelAndPlaceMultipleOrders(CancelAndPlaceRequest request) {
        return json(writer -> {
            writeMarketId(writer, request.marketId());
            writeCancelFields(writer, request.toCancel());
            writePlaceFields(writer, request.toPlace(), request.restriction());
        });
    }

    private static void writeMarketId(JsonWriter writer, MarketId marketId) throws IOException {
        writer.name("marketId").value(marketId.value());
    }

    private static void writeCancelFields(JsonWriter writer, List<OrderToCancel> orders) throws IOException {
        writer.name("cancelOrderIds").beginArray();
        for (OrderToCancel order : orders) {
            writer.value(order.orderId().toString());
        }
        writer.endArray();
        writeBooleans(writer, "orderSides", orders, order -> order.side().tradeSide());
    }

    private static void writePlaceFields(JsonWriter writer, List<OrderSpec> orders, Restriction restriction)
            throws IOException {
        writeBooleans(writer, "orderTypes", orders, order -> order.type().wireValue());
        writeBooleans(writer, "tradeSides", orders, order -> order.side().tradeSide());
        writeBooleans(writer, "directions", orders, order -> order.direction().wireValue());
        writeDecimals(writer, "sizes", orders, OrderSpec::size);
        writer.name("leverages").beginArray();
        for (OrderSpec order : orders) {
            writer.value(order.leverage());
        }
        writer.endArray();
        writeDecimals(writer, "prices", orders, OrderSpec::price);
        // Sources disagree on whether the API reads one "restriction" or a "restrictions" array (one per
        // order, as place_multiple_orders takes them), so both are sent, always equal.
        writer.name("restriction").value(restriction.code());
        writer.name("restrictions").beginArray();
        for (int i = 0; i < orders.size(); i++) {
            writer.value(restriction.code());
        }
        writer.endArray();
        writeDecimals(writer, "takeProfits", orders, OrderSpec::takeProfit);
        writeDecimals(writer, "stopLosses", orders, OrderSpec::stopLoss);
    }

    private static <T> void writeBooleans(JsonWriter writer, String name, List<T> items, Function<T, Boolean> value)
            throws IOException {
        writer.name(name).beginArray();
        for (T item : items) {
            writer.value(value.apply(item).booleanValue());
        }
        writer.endArray();
    }

    private static void writeDecimals(JsonWriter writer, String name, List<OrderSpec> orders,
            Function<OrderSpec, BigDecimal> value) throws IOException {
        writer.name(name).beginArray();
        for (OrderSpec order : orders) {
            try (BufferedSink sink = writer.valueSink()) {
                sink.writeUtf8(value.apply(order).toPlainString());
            }
        }
        writer.endArray();
    }

    @FunctionalInterface
    private interface Fields {
        void write(JsonWriter writer) throws IOException;
    }

    private static RequestBody json(Fields fields) {
        Buffer buffer = new Buffer();
        try (JsonWriter writer = JsonWriter.of(buffer)) {
            writer.beginObject();
            fields.write(writer);
            writer.endObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to memory cannot fail", e);
        }
        return RequestBody.create(buffer.readByteString(), JSON);
    }
}
