/**
 * Binary Canonical Serialization (BCS), the byte format of every Aptos transaction:
 * {@link io.kana.aptos.bcs.BcsWriter} encodes, {@link io.kana.aptos.bcs.BcsReader} decodes.
 * Knows nothing about transactions.
 */
package io.kana.aptos.bcs;
