package io.kana.http;

import static io.kana.http.QueryValues.limit;
import static io.kana.http.QueryValues.marketId;
import static io.kana.http.QueryValues.offset;
import static io.kana.http.QueryValues.optional;
import static io.kana.http.QueryValues.order;
import static io.kana.http.QueryValues.orderId;
import static io.kana.http.QueryValues.page;
import static io.kana.http.QueryValues.required;
import static io.kana.http.QueryValues.wallet;

import io.kana.core.error.InvalidRequestException;
import io.kana.core.error.KanaApiException;
import io.kana.core.error.ProfileNotFoundException;
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
import io.kana.core.model.TimeRange;
import io.kana.core.model.Trade;
import io.kana.core.model.WalletAddress;
import io.kana.core.port.Accounts;
import io.kana.core.port.Markets;
import io.kana.core.port.Orders;
import io.kana.core.port.Positions;
import io.kana.http.Decoders.DataDecoder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import okhttp3.ResponseBody;
import retrofit2.Call;

/**
 * The trade API's read endpoints as the kana-core read ports; {@link KanaHttpApi} adds the payload
 * endpoints and the HTTP set-up.
 */
abstract class ReadEndpoints implements Markets, Accounts, Orders, Positions {

    final KanaTradeService service;
    final ApiCaller caller;

    ReadEndpoints(KanaTradeService service, ApiCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    // ---------------------------------------------------------------- Markets

    @Override
    public Market market(MarketId marketId) {
        String id = marketId(marketId);
        try {
            return call(service.getMarketInfo(id), Decoders.market(marketId));
        } catch (ProfileNotFoundException e) {
            throw e;
        } catch (KanaApiException e) {
            if (e.httpStatus() == 200 || e.httpStatus() / 100 == 4) {
                // The API refused the id itself: for the caller that is a bad market id, not an outage.
                throw new InvalidRequestException("marketId", "market " + marketId + " is not known to the trade API ("
                        + (e.apiMessage() == null ? "rejected" : e.apiMessage()) + "); check the market id", e);
            }
            throw e;
        }
    }

    @Override
    public MarketPrice marketPrice(MarketId marketId) {
        return call(service.getMarketPrice(marketId(marketId)), Decoders.MARKET_PRICE);
    }

    @Override
    public BigDecimal lastExecutionPrice(MarketId marketId) {
        return call(service.getLastPlacedPrice(marketId(marketId)), Decoders.DECIMAL);
    }

    @Override
    public List<Trade> recentTrades(MarketId marketId) {
        return call(service.getAllTrades(marketId(marketId)), Decoders.TRADES);
    }

    @Override
    public List<PerpetualAssetInfo> perpetualAssetInfo(MarketId marketId) {
        if (marketId == null) {
            throw new InvalidRequestException("marketId",
                    "getPerpetualAssetsInfo needs a marketId or a baseName: pass a MarketId, or use "
                            + "perpetualAssetInfo(String baseName) or allPerpetualAssets()");
        }
        return call(service.getPerpetualAssetsInfo(marketId.toString(), null), Decoders.PERPETUAL_ASSETS);
    }

    @Override
    public List<PerpetualAssetInfo> perpetualAssetInfo(String baseName) {
        if (baseName == null || baseName.isBlank()) {
            throw new InvalidRequestException("baseName",
                    "getPerpetualAssetsInfo needs a marketId or a baseName: pass a base asset such as \"BTC\", "
                            + "or use perpetualAssetInfo(MarketId) or allPerpetualAssets(); got "
                            + (baseName == null ? "null" : "a blank name"));
        }
        return call(service.getPerpetualAssetsInfo(null, baseName.strip()), Decoders.PERPETUAL_ASSETS);
    }

    @Override
    public List<PerpetualAssetInfo> allPerpetualAssets() {
        return call(service.getPerpetualAssetsInfoAllMarkets(), Decoders.PERPETUAL_ASSETS);
    }

    // ---------------------------------------------------------------- Accounts

    @Override
    public ProfileAddress profileAddress(WalletAddress wallet) {
        return call(service.getProfileAddress(wallet(wallet)), Decoders.PROFILE);
    }

    @Override
    public BigDecimal walletBalance(WalletAddress wallet) {
        return call(service.getWalletAccountBalance(wallet(wallet)), Decoders.DECIMAL);
    }

    /**
     * A refusal of this well-formed request (HTTP 200 or 400 with {@code success:false}) is what Kana
     * answers for a wallet that has not deposited yet, so it surfaces as {@link ProfileNotFoundException}
     * carrying the API's own message; authentication and routing errors stay plain
     * {@link KanaApiException}s.
     */
    @Override
    public BigDecimal profileBalance(WalletAddress wallet) {
        try {
            return call(service.getProfileBalanceSnapshot(wallet(wallet)), Decoders.DECIMAL);
        } catch (KanaApiException e) {
            if (e.httpStatus() == 200 || e.httpStatus() == 400) {
                throw new ProfileNotFoundException(wallet, e);
            }
            throw e;
        }
    }

    @Override
    public BigDecimal netProfileBalance(WalletAddress wallet) {
        return call(service.getNetProfileBalance(wallet(wallet)), Decoders.DECIMAL);
    }

    @Override
    public BigDecimal aptBalance(WalletAddress wallet) {
        return call(service.getAccountAptBalance(wallet(wallet)), Decoders.DECIMAL);
    }

    @Override
    public List<BalanceTransfer> depositAndWithdrawHistory(WalletAddress wallet) {
        return call(service.getDepositAndWithdrawHistory(wallet(wallet)), Decoders.BALANCE_TRANSFERS);
    }

    @Override
    public List<FundingPayment> fundingHistory(WalletAddress wallet, MarketId marketId, PageRequest page) {
        return history(service::getFundingHistory, wallet, marketId, page, Decoders.FUNDING_PAYMENTS);
    }

    // ---------------------------------------------------------------- Orders

    @Override
    public List<Order> openOrders(WalletAddress wallet, MarketId marketId) {
        return call(service.getOpenOrders(wallet(wallet), optional(marketId)), Decoders.ORDERS);
    }

    @Override
    public List<Order> openOrdersFromContract(WalletAddress wallet, MarketId marketId) {
        return call(service.getOpenOrdersFromContract(wallet(wallet), optional(marketId)), Decoders.ORDERS);
    }

    @Override
    public List<OrderId> openOrderIds(WalletAddress wallet, MarketId marketId) {
        return call(service.getAllOpenOrderIds(wallet(wallet), optional(marketId)), Decoders.ORDER_IDS);
    }

    @Override
    public List<Order> orderHistory(WalletAddress wallet, MarketId marketId, PageRequest page) {
        return history(service::getOrderHistory, wallet, marketId, page, Decoders.ORDERS);
    }

    @Override
    public Order orderStatus(MarketId marketId, OrderId orderId) {
        return call(service.getOrderStatusByOrderId(marketId(marketId), orderId(orderId)), Decoders.ORDER);
    }

    @Override
    public Order fetchOrderStatus(MarketId marketId, OrderId orderId) {
        return call(service.fetchOrderStatusById(marketId(marketId), orderId(orderId)), Decoders.ORDER);
    }

    @Override
    public List<Fill> fills(MarketId marketId, ProfileAddress profile, TimeRange range, OrderId orderId) {
        String id = marketId(marketId);
        required(range, "range", "getFills needs a time range: pass TimeRange.between(from, to)");
        return call(service.getFills(id, profile == null ? null : profile.hex(), range.from().toString(),
                range.to().toString(), orderId == null ? null : orderId.toString()), Decoders.FILLS);
    }

    /** Sends whole seconds, widened outwards ({@code from} rounded down, {@code to} up) so no fill is lost. */
    @Override
    public List<Fill> fillsBetween(WalletAddress wallet, MarketId marketId, Instant from, Instant to, PageRequest page) {
        String user = wallet(wallet);
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidRequestException("to", "the end " + to + " is before the start " + from);
        }
        PageRequest p = page(page);
        return call(service.getFillsForGivenTimestamp(user, optional(marketId), offset(p), limit(p), order(p),
                from == null ? null : Long.toString(from.getEpochSecond()),
                to == null ? null : Long.toString(to.getEpochSecond() + (to.getNano() == 0 ? 0 : 1))),
                Decoders.FILLS);
    }

    @Override
    public List<Trade> tradeHistory(WalletAddress wallet, MarketId marketId, PageRequest page) {
        return history(service::getTradeHistory, wallet, marketId, page, Decoders.TRADES);
    }

    // ---------------------------------------------------------------- Positions

    @Override
    public List<Position> positions(WalletAddress wallet, MarketId marketId) {
        return call(service.getPositions(wallet(wallet), optional(marketId)), Decoders.POSITIONS);
    }

    @Override
    public List<Position> positionsFromContract(WalletAddress wallet, MarketId marketId) {
        return call(service.getPositionsFromContract(wallet(wallet), optional(marketId)), Decoders.POSITIONS);
    }

    <T> T call(Call<ResponseBody> call, DataDecoder<T> decoder) {
        return caller.execute(call, decoder);
    }

    /** The shape shared by the paged history endpoints. */
    @FunctionalInterface
    private interface HistoryEndpoint {
        Call<ResponseBody> call(String userAddress, String marketId, String offset, String limit, String order);
    }

    private <T> T history(HistoryEndpoint endpoint, WalletAddress wallet, MarketId marketId, PageRequest page,
            DataDecoder<T> decoder) {
        PageRequest p = page(page);
        return call(endpoint.call(wallet(wallet), optional(marketId), offset(p), limit(p), order(p)), decoder);
    }
}
