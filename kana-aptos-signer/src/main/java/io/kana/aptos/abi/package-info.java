/**
 * ABI-driven transaction building, the layer the trading flow calls:
 * {@link io.kana.aptos.abi.TransactionFactory} turns an
 * {@link io.kana.core.model.EntryFunctionPayload} (JSON-valued arguments, as the Kana trade API returns
 * them) plus the module's {@link io.kana.aptos.abi.ModuleAbi} into a signed transaction, converting
 * each argument by its Move parameter type exactly as the Aptos TypeScript SDK does.
 */
package io.kana.aptos.abi;
