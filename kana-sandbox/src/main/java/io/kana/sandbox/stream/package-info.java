/**
 * The Kana WebSocket API over the exchange's commits, on Jetty.
 *
 * <p>Internal to the sandbox: {@link io.kana.sandbox.KanaSandbox} wires these parts; nothing here is API.
 */
package io.kana.sandbox.stream;
