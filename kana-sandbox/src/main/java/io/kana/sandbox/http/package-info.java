/**
 * The HTTP surface on the JDK server: the Kana trade API ({@link
 * io.kana.sandbox.http.TradeApiHandler}) over the exchange and the Aptos node REST API ({@link
 * io.kana.sandbox.http.NodeHandler}) over the chain.
 *
 * <p>Internal to the sandbox: {@link io.kana.sandbox.KanaSandbox} wires these parts; nothing here is API.
 */
package io.kana.sandbox.http;
