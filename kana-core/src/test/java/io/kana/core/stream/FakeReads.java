package io.kana.core.stream;

import io.kana.core.model.BalanceTransfer;
import io.kana.core.model.Fill;
import io.kana.core.model.FundingPayment;
import io.kana.core.model.Market;
import io.kana.core.model.MarketId;
import io.kana.core.model.MarketPrice;
import io.kana.core.model.Order;
import io.kana.core.model.OrderId;
import io.kana.core.model.PageRequest;
import io.kana.core.model.PerpetualAssetInfo;
import io.kana.core.model.Position;
import io.kana.core.model.ProfileAddress;
import io.kana.core.model.SortOrder;
import io.kana.core.model.TimeRange;
import io.kana.core.model.Trade;
import io.kana.core.model.WalletAddress;
import io.kana.core.port.Accounts;
import io.kana.core.port.Markets;
import io.kana.core.port.Orders;
import io.kana.core.port.Positions;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The REST reads reconciliation uses, served from lists the test fills, the way Kana serves them
 * (history newest first, paged); records each call. Reads reconciliation never makes throw.
 */
final class FakeReads implements Orders, Positions, Accounts, Markets {

    static final ProfileAddress PROFILE = ProfileAddress.parse("0xb0b");

    final List<Trade> trades = new CopyOnWriteArrayList<>();
    final List<Order> orderHistory = new CopyOnWriteArrayList<>();
    final List<Order> openOrders = new CopyOnWriteArrayList<>();
    final List<Position> positions = new CopyOnWriteArrayList<>();
    final List<BalanceTransfer> transfers = new CopyOnWriteArrayList<>();
    final List<Trade> recentTrades = new CopyOnWriteArrayList<>();
    final List<String> calls = new CopyOnWriteArrayList<>();
    /** How many of the next reads fail, as a flaky REST API would. */
    final AtomicInteger failures = new AtomicInteger();
    volatile MarketPrice price = new MarketPrice(null, null);

    private void call(String what) {
        calls.add(what);
        if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new IllegalStateException("REST down");
        }
    }

    private static <T> List<T> page(List<T> rows, Comparator<T> byVersion, PageRequest page) {
        List<T> sorted = new ArrayList<>(rows);
        sorted.sort(page.order() == SortOrder.DESC ? byVersion.reversed() : byVersion);
        int from = Math.min(page.offset(), sorted.size());
        return List.copyOf(sorted.subList(from, Math.min(from + page.limit(), sorted.size())));
    }

    @Override
    public List<Trade> tradeHistory(WalletAddress wallet, MarketId marketId, PageRequest page) {
        call("tradeHistory " + page.offset());
        return page(trades, Comparator.comparing(Trade::transactionVersion), page);
    }

    @Override
    public List<Order> orderHistory(WalletAddress wallet, MarketId marketId, PageRequest page) {
        call("orderHistory " + page.offset());
        return page(orderHistory, Comparator.comparing(Order::transactionVersion), page);
    }

    @Override
    public List<Order> openOrders(WalletAddress wallet, MarketId marketId) {
        call("openOrders");
        return List.copyOf(openOrders);
    }

    @Override
    public List<Position> positions(WalletAddress wallet, MarketId marketId) {
        call("positions");
        return List.copyOf(positions);
    }

    @Override
    public ProfileAddress profileAddress(WalletAddress wallet) {
        calls.add("profileAddress");
        return PROFILE;
    }

    @Override
    public List<BalanceTransfer> depositAndWithdrawHistory(WalletAddress wallet) {
        call("depositAndWithdrawHistory");
        return List.copyOf(transfers);
    }

    @Override
    public MarketPrice marketPrice(MarketId marketId) {
        call("marketPrice");
        return price;
    }

    @Override
    public List<Trade> recentTrades(MarketId marketId) {
        call("recentTrades");
        return List.copyOf(recentTrades);
    }

    @Override
    public List<Order> openOrdersFromContract(WalletAddress wallet, MarketId marketId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<OrderId> openOrderIds(WalletAddress wallet, MarketId marketId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Order orderStatus(MarketId marketId, OrderId orderId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Order fetchOrderStatus(MarketId marketId, OrderId orderId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<Fill> fills(MarketId marketId, ProfileAddress profile, TimeRange range, OrderId orderId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<Fill> fillsBetween(WalletAddress wallet, MarketId marketId, Instant from, Instant to, PageRequest page) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<Position> positionsFromContract(WalletAddress wallet, MarketId marketId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public BigDecimal walletBalance(WalletAddress wallet) {
        throw new UnsupportedOperationException();
    }

    @Override
    public BigDecimal profileBalance(WalletAddress wallet) {
        throw new UnsupportedOperationException();
    }

    @Override
    public BigDecimal netProfileBalance(WalletAddress wallet) {
        throw new UnsupportedOperationException();
    }

    @Override
    public BigDecimal aptBalance(WalletAddress wallet) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<FundingPayment> fundingHistory(WalletAddress wallet, MarketId marketId, PageRequest page) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Market market(MarketId marketId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public BigDecimal lastExecutionPrice(MarketId marketId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<PerpetualAssetInfo> perpetualAssetInfo(MarketId marketId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<PerpetualAssetInfo> perpetualAssetInfo(String baseName) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<PerpetualAssetInfo> allPerpetualAssets() {
        throw new UnsupportedOperationException();
    }
}
