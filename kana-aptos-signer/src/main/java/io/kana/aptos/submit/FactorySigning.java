package io.kana.aptos.submit;

import io.kana.aptos.abi.ModuleAbi;
import io.kana.aptos.abi.TransactionFactory;
import io.kana.aptos.tx.SignedTransaction;
import io.kana.aptos.tx.TransactionParameters;
import io.kana.core.model.EntryFunctionPayload;
import io.kana.core.port.WalletSigner;

/** {@link TransactionSigning} over the ABI-driven {@link TransactionFactory}. */
final class FactorySigning implements TransactionSigning {

    private final TransactionFactory factory;

    FactorySigning(TransactionFactory factory) {
        this.factory = factory;
    }

    @Override
    public SignedTransaction sign(EntryFunctionPayload payload, ModuleAbi abi, TransactionParameters header,
            WalletSigner wallet) {
        return factory.sign(payload, abi, header, wallet);
    }

    @Override
    public byte[] simulation(EntryFunctionPayload payload, ModuleAbi abi, TransactionParameters header, byte[] publicKey) {
        return factory.simulation(payload, abi, header, publicKey).bytes();
    }
}
