package io.kana.core.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One price level of an order book: the total size resting at a price.
 *
 * @param price price (quote per coin)
 * @param size  total resting size at that price (coins)
 */
public record PriceLevel(BigDecimal price, BigDecimal size) {
    public PriceLevel {
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(size, "size");
    }
}
