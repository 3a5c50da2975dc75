/**
 * Aptos node REST client: ledger info, accounts, gas price, module ABIs, submit, simulate and
 * waiting for transactions. It takes signed transactions as raw BCS bytes and returns immutable
 * records and {@link io.kana.core.model.TransactionOutcome}s.
 *
 * <p>Entry point: {@link io.kana.aptos.node.AptosNodeClient#builder(String)}.
 */
package io.kana.aptos.node;
