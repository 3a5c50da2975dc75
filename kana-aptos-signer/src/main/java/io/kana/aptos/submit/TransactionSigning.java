package io.kana.aptos.submit;

import io.kana.aptos.tx.SignedTransaction;
import io.kana.aptos.tx.TransactionParameters;
import io.kana.aptos.abi.ModuleAbi;
import io.kana.core.model.EntryFunctionPayload;
import io.kana.core.port.WalletSigner;

/**
 * Turns a payload into a signed transaction; bound to the transaction builder by a thin adapter.
 * Both methods are synchronous, thread-safe and throw a {@link io.kana.core.error.KanaException} (for
 * example {@link io.kana.core.error.InvalidRequestException}) when the payload does not fit the ABI.
 */
interface TransactionSigning {

    /** The signed transaction (the body of {@code POST /v1/transactions}), its hash computed once, here. */
    SignedTransaction sign(EntryFunctionPayload payload, ModuleAbi abi, TransactionParameters header, WalletSigner wallet);

    /** The same transaction with an all-zero signature, for {@code POST /v1/transactions/simulate}. */
    byte[] simulation(EntryFunctionPayload payload, ModuleAbi abi, TransactionParameters header, byte[] publicKey);
}
