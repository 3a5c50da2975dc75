/**
 * The exchange's state as the Kana APIs print it (JSON views and the JSON codec), shared by the trade
 * API and the WebSocket API.
 *
 * <p>Internal to the sandbox: {@link io.kana.sandbox.KanaSandbox} wires these parts; nothing here is API.
 */
package io.kana.sandbox.wire;
