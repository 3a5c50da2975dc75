package io.kana.aptos.submit;

import io.kana.aptos.abi.ModuleAbi;
import io.kana.core.model.AccountAddress;
import io.kana.core.model.TransactionOutcome;
import java.util.concurrent.CompletableFuture;

/** What every node model in these tests answers alike: chain 4, gas price 100, {@link FakeNode#abi}, no simulation. */
abstract class ModelNode implements NodeGateway {

    @Override
    public CompletableFuture<Integer> chainId() {
        return CompletableFuture.completedFuture(4);
    }

    @Override
    public CompletableFuture<Long> gasUnitPrice() {
        return CompletableFuture.completedFuture(100L);
    }

    @Override
    public CompletableFuture<ModuleAbi> moduleAbi(AccountAddress address, String module) {
        return CompletableFuture.completedFuture(FakeNode.abi(address, module));
    }

    @Override
    public CompletableFuture<TransactionOutcome> simulate(byte[] unsignedTransaction) {
        throw new UnsupportedOperationException();
    }
}
