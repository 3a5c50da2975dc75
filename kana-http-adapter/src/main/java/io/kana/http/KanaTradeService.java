package io.kana.http;

import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.GET;
import retrofit2.http.POST;
import retrofit2.http.Query;

/**
 * The Kana trade API as Retrofit sees it: one method per endpoint, parameters named as the reference
 * names them. Every value is pre-formatted by {@link KanaHttpApi} (plain decimals, long-form
 * addresses, {@code true}/{@code false}); a null parameter is left out of the query. Bodies are kept
 * raw so that {@link ApiCaller} can decode them and quote them in errors.
 */
interface KanaTradeService {

    // Markets

    @GET("getMarketInfo")
    Call<ResponseBody> getMarketInfo(@Query("marketId") String marketId);

    @GET("getMarketPrice")
    Call<ResponseBody> getMarketPrice(@Query("marketId") String marketId);

    @GET("getLastPlacedPrice")
    Call<ResponseBody> getLastPlacedPrice(@Query("marketId") String marketId);

    @GET("getAllTrades")
    Call<ResponseBody> getAllTrades(@Query("marketId") String marketId);

    @GET("getPerpetualAssetsInfo")
    Call<ResponseBody> getPerpetualAssetsInfo(@Query("marketId") String marketId, @Query("baseName") String baseName);

    @GET("getPerpetualAssetsInfo/allMarkets")
    Call<ResponseBody> getPerpetualAssetsInfoAllMarkets();

    // Accounts

    @GET("getProfileAddress")
    Call<ResponseBody> getProfileAddress(@Query("userAddress") String userAddress);

    @GET("getWalletAccountBalance")
    Call<ResponseBody> getWalletAccountBalance(@Query("userAddress") String userAddress);

    @GET("getProfileBalanceSnapshot")
    Call<ResponseBody> getProfileBalanceSnapshot(@Query("userAddress") String userAddress);

    @GET("getNetProfileBalance")
    Call<ResponseBody> getNetProfileBalance(@Query("userAddress") String userAddress);

    @GET("getAccountAptBalance")
    Call<ResponseBody> getAccountAptBalance(@Query("userAddress") String userAddress);

    @GET("getDepositAndWithdrawHistory")
    Call<ResponseBody> getDepositAndWithdrawHistory(@Query("userAddress") String userAddress);

    @GET("getFundingHistory")
    Call<ResponseBody> getFundingHistory(
            @Query("userAddress") String userAddress,
            @Query("marketId") String marketId,
            @Query("offset") String offset,
            @Query("limit") String limit,
            @Query("order") String order);

    // Orders

    @GET("getOpenOrders")
    Call<ResponseBody> getOpenOrders(@Query("userAddress") String userAddress, @Query("marketId") String marketId);

    @GET("getOpenOrdersFromContract")
    Call<ResponseBody> getOpenOrdersFromContract(
            @Query("userAddress") String userAddress, @Query("marketId") String marketId);

    @GET("getAllOpenOrderIds")
    Call<ResponseBody> getAllOpenOrderIds(@Query("userAddress") String userAddress, @Query("marketId") String marketId);

    @GET("getOrderHistory")
    Call<ResponseBody> getOrderHistory(
            @Query("userAddress") String userAddress,
            @Query("marketId") String marketId,
            @Query("offset") String offset,
            @Query("limit") String limit,
            @Query("order") String order);

    @GET("getOrderStatusByOrderId")
    Call<ResponseBody> getOrderStatusByOrderId(@Query("marketId") String marketId, @Query("orderId") String orderId);

    @GET("fetchOrderStatusById")
    Call<ResponseBody> fetchOrderStatusById(@Query("marketId") String marketId, @Query("orderId") String orderId);

    @GET("getFills")
    Call<ResponseBody> getFills(
            @Query("marketId") String marketId,
            @Query("address") String profileAddress,
            @Query("from") String from,
            @Query("to") String to,
            @Query("orderId") String orderId);

    @GET("getFillsForGivenTimestamp")
    Call<ResponseBody> getFillsForGivenTimestamp(
            @Query("userAddress") String userAddress,
            @Query("marketId") String marketId,
            @Query("offset") String offset,
            @Query("limit") String limit,
            @Query("order") String order,
            @Query("fromTimestamp") String fromTimestamp,
            @Query("toTimestamp") String toTimestamp);

    @GET("getTradeHistory")
    Call<ResponseBody> getTradeHistory(
            @Query("userAddress") String userAddress,
            @Query("marketId") String marketId,
            @Query("offset") String offset,
            @Query("limit") String limit,
            @Query("order") String order);

    // Positions

    @GET("getPositions")
    Call<ResponseBody> getPositions(@Query("userAddress") String userAddress, @Query("marketId") String marketId);

    @GET("getPositionsFromContract")
    Call<ResponseBody> getPositionsFromContract(
            @Query("userAddress") String userAddress, @Query("marketId") String marketId);

    // Transaction payloads

    @GET("deposit")
    Call<ResponseBody> deposit(@Query("amount") String amount, @Query("userAddress") String userAddress);

    /** The path's spelling ({@code Specifi}) is the documented one. */
    @GET("withdrawSpecifiMarket")
    Call<ResponseBody> withdrawSpecifiMarket(
            @Query("marketId") String marketId, @Query("amount") String amount, @Query("userAddress") String userAddress);

    @GET("placeLimitOrder")
    Call<ResponseBody> placeLimitOrder(
            @Query("marketId") String marketId,
            @Query("tradeSide") String tradeSide,
            @Query("direction") String direction,
            @Query("size") String size,
            @Query("price") String price,
            @Query("leverage") String leverage,
            @Query("restriction") String restriction,
            @Query("takeProfit") String takeProfit,
            @Query("stopLoss") String stopLoss);

    @GET("placeMarketOrder")
    Call<ResponseBody> placeMarketOrder(
            @Query("marketId") String marketId,
            @Query("tradeSide") String tradeSide,
            @Query("direction") String direction,
            @Query("size") String size,
            @Query("leverage") String leverage,
            @Query("takeProfit") String takeProfit,
            @Query("stopLoss") String stopLoss);

    @POST("placeMultipleOrders")
    Call<ResponseBody> placeMultipleOrders(@Body RequestBody body);

    @POST("cancelMultipleOrders")
    Call<ResponseBody> cancelMultipleOrders(@Body RequestBody body);

    @POST("cancelAndPlaceMultipleOrders")
    Call<ResponseBody> cancelAndPlaceMultipleOrders(@Body RequestBody body);

    @GET("updateTakeProfit")
    Call<ResponseBody> updateTakeProfit(
            @Query("marketId") String marketId,
            @Query("tradeSide") String tradeSide,
            @Query("newTakeProfitPrice") String newTakeProfitPrice);

    @GET("updateStopLoss")
    Call<ResponseBody> updateStopLoss(
            @Query("marketId") String marketId,
            @Query("tradeSide") String tradeSide,
            @Query("newStopLossPrice") String newStopLossPrice);

    @GET("addMargin")
    Call<ResponseBody> addMargin(
            @Query("marketId") String marketId, @Query("tradeSide") String tradeSide, @Query("amount") String amount);

    @GET("collapsePosition")
    Call<ResponseBody> collapsePosition(@Query("marketId") String marketId);

    @GET("settlePnl")
    Call<ResponseBody> settlePnl(@Query("marketId") String marketId, @Query("userAddress") String userAddress);
}
