package io.kana.aptos.submit;

import io.kana.aptos.abi.ModuleAbi;
import io.kana.aptos.node.AccountInfo;
import io.kana.aptos.node.AptosErrorCode;
import io.kana.aptos.node.AptosNodeClient;
import io.kana.aptos.node.AptosNodeException;
import io.kana.aptos.node.TransactionStatus;
import io.kana.aptos.tx.SignedTransaction;
import io.kana.core.model.AccountAddress;
import io.kana.core.model.SubmittedTransaction;
import io.kana.core.model.TransactionOutcome;
import java.math.BigInteger;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** {@link NodeGateway} over the node REST client. */
final class NodeClientGateway implements NodeGateway {

    private final AptosNodeClient client;
    /** Runs the client's blocking reads (chain id, gas price, ABI, simulate): warm-up and background only. */
    private final Executor blockingReads;

    NodeClientGateway(AptosNodeClient client, Executor blockingReads) {
        this.client = client;
        this.blockingReads = blockingReads;
    }

    @Override
    public CompletableFuture<Integer> chainId() {
        return CompletableFuture.supplyAsync(() -> client.ledgerInfo().chainId(), blockingReads);
    }

    @Override
    public CompletableFuture<AccountInfo> account(AccountAddress address) {
        return client.accountAsync(address).exceptionallyCompose(failure -> {
            // An account that never transacted has no resource yet: its next number is 0.
            if (Futures.unwrap(failure) instanceof AptosNodeException e && e.errorCode() == AptosErrorCode.ACCOUNT_NOT_FOUND) {
                return CompletableFuture.completedFuture(new AccountInfo(BigInteger.ZERO, address.hex()));
            }
            return CompletableFuture.failedFuture(Futures.unwrap(failure));
        });
    }

    @Override
    public CompletableFuture<Long> gasUnitPrice() {
        return CompletableFuture.supplyAsync(() -> client.estimateGasPrice().gasEstimate(), blockingReads);
    }

    @Override
    public CompletableFuture<ModuleAbi> moduleAbi(AccountAddress address, String module) {
        return CompletableFuture.supplyAsync(() -> client.moduleAbi(address, module), blockingReads);
    }

    @Override
    public CompletableFuture<Void> submit(SignedTransaction signed) {
        return client.submitAsync(signed).thenApply(accepted -> null);
    }

    @Override
    public CompletableFuture<Boolean> isKnown(String hash) {
        return client.transactionByHashAsync(hash).thenApply(status -> status.phase() != TransactionStatus.Phase.NOT_FOUND);
    }

    @Override
    public CompletableFuture<TransactionOutcome> await(SubmittedTransaction transaction, Duration timeout) {
        return client.awaitCommitAsync(transaction, timeout);
    }

    @Override
    public CompletableFuture<TransactionOutcome> simulate(byte[] unsignedTransaction) {
        return CompletableFuture.supplyAsync(() -> client.simulate(unsignedTransaction), blockingReads);
    }
}
