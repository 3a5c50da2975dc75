/**
 * Aptos transactions: {@link io.kana.aptos.tx.EntryFunction} (payload variant 2),
 * {@link io.kana.aptos.tx.RawTransaction}, its signing message, the Ed25519 authenticator and
 * {@link io.kana.aptos.tx.SignedTransaction} with its locally computed hash.
 */
package io.kana.aptos.tx;
