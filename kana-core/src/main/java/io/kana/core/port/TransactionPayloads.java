package io.kana.core.port;

import io.kana.core.model.AccountAddress;
import io.kana.core.model.CancelAndPlaceRequest;
import io.kana.core.model.CancelOrdersRequest;
import io.kana.core.model.EntryFunctionPayload;
import io.kana.core.model.LimitOrderRequest;
import io.kana.core.model.MarketId;
import io.kana.core.model.MarketOrderRequest;
import io.kana.core.model.MultipleOrdersRequest;
import io.kana.core.model.Side;
import java.math.BigDecimal;

/**
 * The trade API's write endpoints. None of them trades: each returns the entry-function payload
 * that a wallet must sign and submit to the chain. Fetching a payload changes nothing.
 */
public interface TransactionPayloads {

    /** {@code GET /deposit}: move quote coins from the wallet into its trading account. */
    EntryFunctionPayload deposit(AccountAddress wallet, BigDecimal amount);

    /** {@code GET /withdrawSpecifiMarket}: move quote coins from a market back to the wallet. */
    EntryFunctionPayload withdraw(AccountAddress wallet, MarketId marketId, BigDecimal amount);

    /** {@code GET /placeLimitOrder}. */
    EntryFunctionPayload placeLimitOrder(LimitOrderRequest request);

    /** {@code GET /placeMarketOrder}. */
    EntryFunctionPayload placeMarketOrder(MarketOrderRequest request);

    /** {@code POST /placeMultipleOrders}. */
    EntryFunctionPayload placeMultipleOrders(MultipleOrdersRequest request);

    /** {@code POST /cancelMultipleOrders}. */
    EntryFunctionPayload cancelMultipleOrders(CancelOrdersRequest request);

    /** {@code POST /cancelAndPlaceMultipleOrders}. */
    EntryFunctionPayload cancelAndPlaceMultipleOrders(CancelAndPlaceRequest request);

    /** {@code GET /updateTakeProfit}: set the take-profit price of a position. */
    EntryFunctionPayload updateTakeProfit(MarketId marketId, Side side, BigDecimal newTakeProfitPrice);

    /** {@code GET /updateStopLoss}: set the stop-loss price of a position. */
    EntryFunctionPayload updateStopLoss(MarketId marketId, Side side, BigDecimal newStopLossPrice);

    /** {@code GET /addMargin}: add margin to a position. */
    EntryFunctionPayload addMargin(MarketId marketId, Side side, BigDecimal amount);

    /** {@code GET /collapsePosition}: close the position in a market. */
    EntryFunctionPayload collapsePosition(MarketId marketId);

    /** {@code GET /settlePnl}: release the unsettled profit and loss of a market. */
    EntryFunctionPayload settlePnl(AccountAddress wallet, MarketId marketId);
}
