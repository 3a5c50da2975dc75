package io.kana.core.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;

/**
 * An open position. Hedge mode is allowed, so a market can hold one long and one short position.
 *
 * @param marketId           the market
 * @param address            the profile address
 * @param side               long or short
 * @param size               size in coins
 * @param availableOrderSize size not yet committed to closing orders
 * @param value              notional value
 * @param entryPrice         average entry price
 * @param liquidationPrice   liquidation price
 * @param margin             margin held
 * @param leverage           leverage
 * @param takeProfit         take-profit trigger price, or null if unset
 * @param stopLoss           stop-loss trigger price, or null if unset
 * @param tradeId            trade id
 * @param lastUpdated        last update time
 * @param transactionVersion Aptos ledger version of the last change
 */
public record Position(
        MarketId marketId,
        ProfileAddress address,
        Side side,
        BigDecimal size,
        BigDecimal availableOrderSize,
        BigDecimal value,
        BigDecimal entryPrice,
        BigDecimal liquidationPrice,
        BigDecimal margin,
        Integer leverage,
        BigDecimal takeProfit,
        BigDecimal stopLoss,
        String tradeId,
        Instant lastUpdated,
        BigInteger transactionVersion) {}
