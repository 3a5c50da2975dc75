package io.kana.http;

import static io.kana.http.WireObject.required;

import com.squareup.moshi.JsonReader;
import io.kana.core.error.InvalidRequestException;
import io.kana.core.error.SafeText;
import io.kana.core.model.BalanceTransfer;
import io.kana.core.model.EntryFunctionPayload;
import io.kana.core.model.Direction;
import io.kana.core.model.Fill;
import io.kana.core.model.FundingPayment;
import io.kana.core.model.Market;
import io.kana.core.model.MarketId;
import io.kana.core.model.MarketPrice;
import io.kana.core.model.NumberBounds;
import io.kana.core.model.Order;
import io.kana.core.model.OrderId;
import io.kana.core.model.OrderStatus;
import io.kana.core.model.PerpetualAssetInfo;
import io.kana.core.model.Position;
import io.kana.core.model.ProfileAddress;
import io.kana.core.model.Side;
import io.kana.core.model.Trade;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Translates the {@code data} of a response (wire names, strings-for-numbers, see docs/wire-contract.md) into
 * kana-core values. Each decoder reads exactly one JSON value; numbers are read as text.
 */
final class Decoders {

    /** Reads the {@code data} value of a response. */
    @FunctionalInterface
    interface DataDecoder<T> {
        T decode(JsonReader data) throws IOException;
    }

    /** The {@code order_type} of a resting long limit order: a cancel of it on chain carries {@code trade_side true}. */
    private static final int RESTING_LONG = 3;

    /** The {@code order_type} of a resting short limit order: its on-chain cancel carries {@code trade_side false}. */
    private static final int RESTING_SHORT = 4;

    /** What an omitted {@code max_lots} means: the order book's own limit, a u64. */
    static final BigInteger NO_MAX_LOTS = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    static final DataDecoder<BigDecimal> DECIMAL = reader -> {
        String text = required(scalar(reader), "data");
        try {
            return NumberBounds.decimal("data", text);
        } catch (InvalidRequestException e) {
            throw new WireFormatException("data should be a decimal number, got '" + SafeText.snippet(text) + "'", e);
        }
    };

    static final DataDecoder<ProfileAddress> PROFILE = reader -> ProfileAddress.parse(required(scalar(reader), "data"));

    static final DataDecoder<List<OrderId>> ORDER_IDS =
            list(reader -> WireObject.orderId("order id", required(scalar(reader), "order id")));

    static final DataDecoder<MarketPrice> MARKET_PRICE =
            object(o -> new MarketPrice(o.decimal("bestBidPrice"), o.decimal("bestAskPrice")));

    static final DataDecoder<Order> ORDER = object(Decoders::order);
    static final DataDecoder<List<Order>> ORDERS = list(ORDER);
    static final DataDecoder<List<Position>> POSITIONS = list(object(Decoders::position));
    static final DataDecoder<List<Fill>> FILLS = list(object(Decoders::fill));
    static final DataDecoder<List<Trade>> TRADES = list(object(Decoders::trade));
    static final DataDecoder<List<FundingPayment>> FUNDING_PAYMENTS = list(object(Decoders::fundingPayment));
    static final DataDecoder<List<BalanceTransfer>> BALANCE_TRANSFERS = list(object(Decoders::balanceTransfer));
    static final DataDecoder<List<PerpetualAssetInfo>> PERPETUAL_ASSETS = list(object(Decoders::perpetualAsset));
    static final DataDecoder<EntryFunctionPayload> PAYLOAD = Decoders::payload;

    private Decoders() {}

    /**
     * The market {@code requested}: {@code getMarketInfo} answers with an array holding it (a bare
     * object is accepted too). A response about another market is refused rather than trusted,
     * because its lot and tick sizes would scale every order wrongly.
     */
    static DataDecoder<Market> market(MarketId requested) {
        return reader -> {
            List<Market> markets = reader.peek() == JsonReader.Token.BEGIN_ARRAY
                    ? list(object(Decoders::market)).decode(reader)
                    : List.of(object(Decoders::market).decode(reader));
            return markets.stream()
                    .filter(m -> m.id().equals(requested))
                    .findFirst()
                    .orElseThrow(() -> new WireFormatException("asked for market " + requested + ", the response "
                            + (markets.isEmpty() ? "holds no market" : "describes market(s) "
                                    + markets.stream().map(m -> m.id().toString()).toList())));
        };
    }

    static Market market(WireObject o) {
        return new Market(
                required(o.marketId("market_id"), "market_id"),
                required(o.text("base_name"), "base_name"),
                required(o.integer("lot_size"), "lot_size"),
                required(o.integer("tick_size"), "tick_size"),
                required(o.integer("min_lots"), "min_lots"),
                o.has("max_lots") ? o.integer("max_lots") : NO_MAX_LOTS,
                required(o.smallInt("base_decimals"), "base_decimals"),
                required(o.smallInt("quote_decimals"), "quote_decimals"),
                required(o.smallInt("quote_precision"), "quote_precision"),
                required(o.smallInt("max_leverage"), "max_leverage"),
                required(o.integer("maintenance_margin"), "maintenance_margin"),
                o.integer("max_position_value"),
                o.address("market_address"),
                o.address(o.has("creator") ? "creator" : "creator_address"),
                o.smallInt("market_status"),
                o.instant("timestamp"));
    }

    static Order order(WireObject o) {
        Integer orderType = o.smallInt("order_type");
        return new Order(
                required(o.orderId("order_id"), "order_id"),
                required(o.marketId("market_id"), "market_id"),
                o.profile("address"),
                side(o.bool("trade_side"), orderType),
                direction(o.bool("direction")),
                orderType,
                o.bool("is_market_order"),
                o.decimal("price"),
                o.has("size") ? o.decimal("size") : o.decimal("total_size"),
                o.decimal("remaining_size"),
                o.decimal("total_filled"),
                o.decimal("order_value"),
                o.smallInt("leverage"),
                status(o.text("status")),
                o.text("trade_id"),
                o.instant("timestamp"),
                o.instant("last_updated"),
                o.integer("transaction_version"));
    }

    private static Direction direction(Boolean direction) {
        return direction == null ? null : Direction.fromWireValue(direction);
    }

    static Position position(WireObject o) {
        Boolean tradeSide = o.has("trade_side") ? o.bool("trade_side") : o.bool("is_long");
        return new Position(
                required(o.marketId("market_id"), "market_id"),
                o.profile("address"),
                Side.fromTradeSide(required(tradeSide, "trade_side")),
                o.decimal("size"),
                o.decimal("available_order_size"),
                o.decimal("value"),
                o.decimal("entry_price"),
                o.decimal("liq_price"),
                o.decimal("margin"),
                o.smallInt("leverage"),
                unlessZero(o.decimal("tp")),
                unlessZero(o.decimal("sl")),
                o.text("trade_id"),
                o.instant("last_updated"),
                o.integer("transaction_version"));
    }

    static Fill fill(WireObject o) {
        return new Fill(
                required(o.marketId("market_id"), "market_id"),
                o.orderId("order_id"),
                o.profile("address"),
                side(o.bool("trade_side"), null),
                required(o.decimal("price"), "price"),
                required(o.decimal("size"), "size"),
                o.decimal("fee"),
                o.bool("is_maker"),
                o.text("trade_id"),
                o.instant("timestamp"),
                o.integer("transaction_version"));
    }

    static Trade trade(WireObject o) {
        Integer orderType = o.smallInt("order_type");
        return new Trade(
                required(o.marketId("market_id"), "market_id"),
                o.orderId("order_id"),
                o.profile("address"),
                side(o.bool("trade_side"), orderType),
                orderType,
                o.decimal("price"),
                o.decimal("size"),
                o.decimal("order_value"),
                o.smallInt("leverage"),
                o.decimal("pnl"),
                o.decimal("fee"),
                o.decimal("entry_price"),
                o.text("trade_id"),
                o.instant("timestamp"),
                o.instant("last_updated"),
                o.integer("transaction_version"));
    }

    static FundingPayment fundingPayment(WireObject o) {
        Boolean tradeSide = o.bool("trade_side");
        return new FundingPayment(
                required(o.marketId("market_id"), "market_id"),
                o.profile("address"),
                tradeSide == null ? null : Side.fromTradeSide(tradeSide),
                o.decimal("funding_rate"),
                required(o.decimal("amount"), "amount"),
                o.decimal("size"),
                o.instant("timestamp"),
                o.integer("transaction_version"));
    }

    static BalanceTransfer balanceTransfer(WireObject o) {
        return new BalanceTransfer(
                o.profile("address"),
                required(o.decimal("amount"), "amount"),
                required(o.bool("is_deposit"), "is_deposit"),
                o.instant("timestamp"),
                o.instant("last_updated"),
                o.integer("transaction_version"));
    }

    /** Market-info-like, but nothing beyond the market id is known to be always present. */
    static PerpetualAssetInfo perpetualAsset(WireObject o) {
        return new PerpetualAssetInfo(
                required(o.marketId("market_id"), "market_id"),
                o.text("base_name"),
                o.smallInt("base_decimals"),
                o.smallInt("quote_decimals"),
                o.integer("lot_size"),
                o.integer("tick_size"),
                o.integer("min_lots"),
                o.integer("max_lots"),
                o.smallInt("quote_precision"),
                o.smallInt("max_leverage"),
                o.integer("maintenance_margin"),
                o.integer("max_position_value"),
                o.address("market_address"),
                o.smallInt("market_status"),
                o.instant("timestamp"));
    }

    /**
     * {@code {"function": ..., "typeArguments": [...], "functionArguments": [...]}}; the node's
     * snake_case names {@code type_arguments}/{@code arguments} are accepted too. Arguments stay JSON
     * values: numbers become BigInteger (integral literal) or BigDecimal, never double.
     */
    static EntryFunctionPayload payload(JsonReader reader) throws IOException {
        expect(reader, JsonReader.Token.BEGIN_OBJECT);
        String function = null;
        List<String> typeArguments = List.of();
        List<Object> functionArguments = null;
        reader.beginObject();
        while (reader.hasNext()) {
            switch (reader.nextName()) {
                case "function" -> function = scalar(reader);
                case "typeArguments", "type_arguments" -> typeArguments = list(r -> required(scalar(r), "type argument"))
                        .decode(reader);
                case "functionArguments", "arguments" -> functionArguments = arguments(reader);
                default -> reader.skipValue();
            }
        }
        reader.endObject();
        return new EntryFunctionPayload(required(function, "function"), typeArguments,
                required(functionArguments, "functionArguments"));
    }

    private static List<Object> arguments(JsonReader reader) throws IOException {
        expect(reader, JsonReader.Token.BEGIN_ARRAY);
        List<Object> values = new ArrayList<>();
        reader.beginArray();
        while (reader.hasNext()) {
            values.add(argument(reader));
        }
        reader.endArray();
        return values;
    }

    private static Object argument(JsonReader reader) throws IOException {
        return switch (reader.peek()) {
            case STRING -> reader.nextString();
            case BOOLEAN -> reader.nextBoolean();
            case NULL -> reader.nextNull();
            case NUMBER -> number(reader.nextString());
            case BEGIN_ARRAY -> arguments(reader);
            default -> throw new WireFormatException("payload argument at " + reader.getPath()
                    + " is a JSON object; arguments are strings, numbers, booleans, arrays or null");
        };
    }

    private static Number number(String literal) {
        if (literal.length() > NumberBounds.MAX_TEXT) {
            throw new WireFormatException("a payload argument is a number of " + literal.length()
                    + " characters; no Move integer has more than " + NumberBounds.MAX_TEXT);
        }
        boolean integral = literal.indexOf('.') < 0 && literal.indexOf('e') < 0 && literal.indexOf('E') < 0;
        return integral ? new BigInteger(literal) : new BigDecimal(literal);
    }

    /**
     * The side from {@code trade_side} when given, else from an {@code order_type} whose side a recorded
     * mainnet cancel proves ({@link #RESTING_LONG}, {@link #RESTING_SHORT}); every other code is unknown,
     * never guessed, because a wrong side makes a cancel built from it address the wrong order.
     */
    private static Optional<Side> side(Boolean tradeSide, Integer orderType) {
        if (tradeSide != null) {
            return Optional.of(Side.fromTradeSide(tradeSide));
        }
        if (orderType == null) {
            return Optional.empty();
        }
        return switch (orderType) {
            case RESTING_LONG -> Optional.of(Side.LONG);
            case RESTING_SHORT -> Optional.of(Side.SHORT);
            default -> Optional.empty();
        };
    }

    private static OrderStatus status(String text) {
        return text == null ? null : OrderStatus.of(text);
    }

    /** The API reports an unset take-profit or stop-loss as null or as zero; both mean "none". */
    private static BigDecimal unlessZero(BigDecimal price) {
        return price == null || price.signum() == 0 ? null : price;
    }

    static <T> DataDecoder<T> object(Function<WireObject, T> mapper) {
        return reader -> mapper.apply(WireObject.read(reader));
    }

    /** A JSON array of items; a null {@code data} is an empty list. */
    static <T> DataDecoder<List<T>> list(DataDecoder<T> item) {
        return reader -> {
            if (reader.peek() == JsonReader.Token.NULL) {
                reader.nextNull();
                return List.of();
            }
            expect(reader, JsonReader.Token.BEGIN_ARRAY);
            List<T> items = new ArrayList<>();
            reader.beginArray();
            while (reader.hasNext()) {
                items.add(item.decode(reader));
            }
            reader.endArray();
            return List.copyOf(items);
        };
    }

    /** A string or number as text, or null. */
    private static String scalar(JsonReader reader) throws IOException {
        return switch (reader.peek()) {
            case STRING, NUMBER -> reader.nextString();
            case NULL -> reader.nextNull();
            default -> throw new WireFormatException("expected a string or number at " + reader.getPath() + ", got "
                    + reader.peek());
        };
    }

    private static void expect(JsonReader reader, JsonReader.Token token) throws IOException {
        if (reader.peek() != token) {
            throw new WireFormatException("expected " + token + " at " + reader.getPath() + ", got " + reader.peek());
        }
    }
}
