package io.kana.cli;

import io.kana.core.model.AccountAddress;
import io.kana.core.model.MarketId;
import io.kana.core.model.OrderId;
import io.kana.core.model.OrderStatus;
import io.kana.core.model.ProfileAddress;
import io.kana.core.model.WalletAddress;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The SDK's records as JSON-ready values: field names are the records' component names (the public
 * API, so they stay stable); money and u64/u128 numbers are strings, so no digit is lost to a
 * double; market ids are numbers; enums are lower case.
 */
public final class Fields {

    private Fields() {}

    /** {@code value} as maps, lists, strings, numbers, booleans and nulls. */
    public static Object of(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Optional<?> optional) {
            return of(optional.orElse(null));
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof BigInteger || value instanceof Instant || value instanceof AccountAddress
                || value instanceof WalletAddress || value instanceof ProfileAddress || value instanceof OrderId) {
            return value instanceof AccountAddress address ? address.hex() : value.toString();
        }
        if (value instanceof OrderStatus status) {
            return status.value();
        }
        if (value instanceof MarketId market) {
            return market.value();
        }
        if (value instanceof Enum<?> constant) {
            return constant.name().toLowerCase(Locale.ROOT);
        }
        if (value instanceof Record record) {
            Map<String, Object> fields = new LinkedHashMap<>();
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                fields.put(component.getName(), of(read(component, record)));
            }
            return fields;
        }
        if (value instanceof List<?> list) {
            List<Object> items = new ArrayList<>(list.size());
            list.forEach(item -> items.add(of(item)));
            return items;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> fields = new LinkedHashMap<>();
            map.forEach((key, item) -> fields.put(String.valueOf(key), of(item)));
            return fields;
        }
        return value;
    }

    /** {@code record}'s fields as {@link #of} writes them. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> ofRecord(Record record) {
        return (Map<String, Object>) of(record);
    }

    private static Object read(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component.getName() + " of " + record.getClass(), e);
        }
    }
}
