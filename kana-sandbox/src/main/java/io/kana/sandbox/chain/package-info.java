/**
 * The simulated Aptos chain: the node that validates, orders and commits transactions ({@link
 * io.kana.sandbox.chain.SandboxNode}), BCS decoding, Ed25519, Move types, and the seam to the module
 * it runs ({@link io.kana.sandbox.chain.PerpsModule}, whose write functions come from the contract
 * file, {@link io.kana.sandbox.chain.PerpsContract}). Knows nothing of the exchange or HTTP.
 *
 * <p>Internal to the sandbox: {@link io.kana.sandbox.KanaSandbox} wires these parts; nothing here is API.
 */
package io.kana.sandbox.chain;
