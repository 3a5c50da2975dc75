package io.kana.core.trading;

import java.util.List;

/**
 * The twelve write operations of Kana Perps, each with the entry function of
 * {@code perpetual_scripts} it calls and the names of that function's arguments (after the
 * leading {@code &signer}), in order. Sizes are lots, prices ticks, amounts quote subunits.
 */
public enum TradeOperation {
    DEPOSIT("deposit", "wallet", "amountUnits"),
    WITHDRAW("withdraw_specific_market", "marketId", "amountUnits"),
    PLACE_LIMIT_ORDER("place_limit_order", "marketId", "tradeSide", "direction", "sizeLots", "priceTicks",
            "leverage", "restriction", "takeProfitTicks", "stopLossTicks"),
    PLACE_MARKET_ORDER("place_market_order", "marketId", "tradeSide", "direction", "sizeLots", "leverage",
            "takeProfitTicks", "stopLossTicks"),
    PLACE_MULTIPLE_ORDERS("place_multiple_orders", "marketId", "orderTypes", "tradeSides", "directions", "sizes",
            "prices", "leverages", "restrictions", "takeProfits", "stopLosses"),
    CANCEL_MULTIPLE_ORDERS("cancel_multiple_orders", "marketId", "orderIds", "orderSides"),
    CANCEL_AND_PLACE_MULTIPLE_ORDERS("cancel_and_place_multiple_orders", "marketId", "cancelIds", "orderSides",
            "orderTypes", "tradeSides", "directions", "sizes", "prices", "leverages", "restrictions", "takeProfits",
            "stopLosses"),
    UPDATE_TAKE_PROFIT("update_take_profit", "marketId", "tradeSide", "newPriceTicks"),
    UPDATE_STOP_LOSS("update_stop_loss", "marketId", "tradeSide", "newPriceTicks"),
    ADD_MARGIN("add_margin", "marketId", "tradeSide", "amountUnits"),
    COLLAPSE_POSITION("collapse_position", "marketId"),
    SETTLE_PNL("settle_pnl", "wallet", "marketId");

    private final String functionName;
    private final List<String> argumentNames;

    TradeOperation(String functionName, String... argumentNames) {
        this.functionName = functionName;
        this.argumentNames = List.of(argumentNames);
    }

    /** The entry function's name, e.g. {@code place_limit_order}. */
    public String functionName() {
        return functionName;
    }

    /** The entry function's argument names in order, e.g. {@code [marketId, tradeSide, ...]}. */
    public List<String> argumentNames() {
        return argumentNames;
    }
}
