package io.kana.aptos.node;

/**
 * Gas unit prices, in octas per gas unit, that the node estimates will get a transaction committed
 * ({@code GET /v1/estimate_gas_price}). When the node omits the deprioritized or prioritized
 * estimate, it equals {@code gasEstimate}.
 *
 * @param deprioritizedGasEstimate a price for transactions that may wait
 * @param gasEstimate              the usual price; the default {@code gas_unit_price}
 * @param prioritizedGasEstimate   a price for transactions that must commit fast
 */
public record GasPriceEstimate(long deprioritizedGasEstimate, long gasEstimate, long prioritizedGasEstimate) {}
