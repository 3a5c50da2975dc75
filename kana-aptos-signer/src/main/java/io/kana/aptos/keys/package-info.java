/**
 * Ed25519 keys: {@link io.kana.aptos.keys.Ed25519WalletSigner}, a {@link io.kana.core.port.WalletSigner}
 * holding the private key in memory.
 */
package io.kana.aptos.keys;
