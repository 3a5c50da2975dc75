/**
 * The simulated Kana Perps exchange: the {@code perpetual_scripts} module the chain runs ({@link
 * io.kana.sandbox.exchange.Exchange}), its order books, clearing, margin and histories. Knows the
 * chain only through {@link io.kana.sandbox.chain.PerpsModule}; serves no HTTP itself.
 *
 * <p>Internal to the sandbox: {@link io.kana.sandbox.KanaSandbox} wires these parts; nothing here is API.
 */
package io.kana.sandbox.exchange;
