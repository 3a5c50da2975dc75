package io.kana.core.trading;

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
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * The trade API's write endpoints: records every call (method name and arguments) and answers with
 * the payload the test set, as the server would have built it.
 */
final class FakePayloads implements io.kana.core.port.TransactionPayloads {

    /** One call: the port method and its arguments. */
    record Invocation(String method, List<Object> arguments) {}

    final List<Invocation> calls = new CopyOnWriteArrayList<>();
    volatile Supplier<EntryFunctionPayload> answer = () -> {
        throw new AssertionError("no payload set for this test");
    };

    void answer(EntryFunctionPayload payload) {
        answer = () -> payload;
    }

    private EntryFunctionPayload record(String method, Object... arguments) {
        calls.add(new Invocation(method, Arrays.asList(arguments)));
        return answer.get();
    }

    @Override
    public EntryFunctionPayload deposit(AccountAddress wallet, BigDecimal amount) {
        return record("deposit", wallet, amount);
    }

    @Override
    public EntryFunctionPayload withdraw(AccountAddress wallet, MarketId marketId, BigDecimal amount) {
        return record("withdraw", wallet, marketId, amount);
    }

    @Override
    public EntryFunctionPayload placeLimitOrder(LimitOrderRequest request) {
        return record("placeLimitOrder", request);
    }

    @Override
    public EntryFunctionPayload placeMarketOrder(MarketOrderRequest request) {
        return record("placeMarketOrder", request);
    }

    @Override
    public EntryFunctionPayload placeMultipleOrders(MultipleOrdersRequest request) {
        return record("placeMultipleOrders", request);
    }

    @Override
    public EntryFunctionPayload cancelMultipleOrders(CancelOrdersRequest request) {
        return record("cancelMultipleOrders", request);
    }

    @Override
    public EntryFunctionPayload cancelAndPlaceMultipleOrders(CancelAndPlaceRequest request) {
        return record("cancelAndPlaceMultipleOrders", request);
    }

    @Override
    public EntryFunctionPayload updateTakeProfit(MarketId marketId, Side side, BigDecimal newTakeProfitPrice) {
        return record("updateTakeProfit", marketId, side, newTakeProfitPrice);
    }

    @Override
    public EntryFunctionPayload updateStopLoss(MarketId marketId, Side side, BigDecimal newStopLossPrice) {
        return record("updateStopLoss", marketId, side, newStopLossPrice);
    }

    @Override
    public EntryFunctionPayload addMargin(MarketId marketId, Side side, BigDecimal amount) {
        return record("addMargin", marketId, side, amount);
    }

    @Override
    public EntryFunctionPayload collapsePosition(MarketId marketId) {
        return record("collapsePosition", marketId);
    }

    @Override
    public EntryFunctionPayload settlePnl(AccountAddress wallet, MarketId marketId) {
        return record("settlePnl", wallet, marketId);
    }
}
