/**
 * The Kana trade API over HTTP (Retrofit, Moshi, OkHttp). {@link io.kana.http.KanaHttpApi} implements
 * the kana-core ports {@code Markets}, {@code Accounts}, {@code Orders}, {@code Positions} and
 * {@code TransactionPayloads}; {@link io.kana.core.port.RetryPolicy} tunes its retries. Everything else in
 * this package (the Retrofit service, wire decoding, request bodies) is internal.
 */
package io.kana.http;
