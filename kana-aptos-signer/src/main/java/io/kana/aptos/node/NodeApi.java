package io.kana.aptos.node;

import okhttp3.HttpUrl;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.GET;
import retrofit2.http.Headers;
import retrofit2.http.POST;
import retrofit2.http.Path;
import retrofit2.http.Url;

/**
 * The node's REST endpoints, relative to NODE_URL ({@code .../v1/}). Bodies stay raw so that the
 * client sees every status, header and byte, and decodes them itself.
 */
interface NodeApi {

    String JSON = "Accept: application/json";

    /** The ledger info lives at NODE_URL itself ({@code GET /v1}), so it takes that URL. */
    @GET
    @Headers(JSON)
    Call<ResponseBody> ledgerInfo(@Url HttpUrl nodeUrl);

    @GET("accounts/{address}")
    @Headers(JSON)
    Call<ResponseBody> account(@Path("address") String address);

    @GET("estimate_gas_price")
    @Headers(JSON)
    Call<ResponseBody> estimateGasPrice();

    @GET("accounts/{address}/module/{name}")
    @Headers(JSON)
    Call<ResponseBody> module(@Path("address") String address, @Path("name") String moduleName);

    @POST("transactions")
    @Headers(JSON)
    Call<ResponseBody> submit(@Body RequestBody signedTransaction);

    @POST("transactions/simulate")
    @Headers(JSON)
    Call<ResponseBody> simulate(@Body RequestBody signedTransaction);

    @GET("transactions/by_hash/{hash}")
    @Headers(JSON)
    Call<ResponseBody> byHash(@Path("hash") String hash);

    @GET("transactions/wait_by_hash/{hash}")
    @Headers(JSON)
    Call<ResponseBody> waitByHash(@Path("hash") String hash);
}
