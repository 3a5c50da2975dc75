package io.kana.core.trading;

/**
 * The twelve write operations of Kana Perps. Which entry function each calls, with which
 * parameters, is the contract's to say (see {@code io.kana.core.contract.KanaContract}).
 */
public enum TradeOperation {
    DEPOSIT,
    WITHDRAW,
    PLACE_LIMIT_ORDER,
    PLACE_MARKET_ORDER,
    PLACE_MULTIPLE_ORDERS,
    CANCEL_MULTIPLE_ORDERS,
    CANCEL_AND_PLACE_MULTIPLE_ORDERS,
    UPDATE_TAKE_PROFIT,
    UPDATE_STOP_LOSS,
    ADD_MARGIN,
    COLLAPSE_POSITION,
    SETTLE_PNL
}
