package io.kana.benchmarks;

import io.kana.aptos.keys.Ed25519WalletSigner;
import io.kana.client.KanaClient;
import io.kana.client.KanaConfig;
import io.kana.client.Secret;
import io.kana.core.trading.Execution;
import io.kana.core.trading.KanaTrader;
import io.kana.core.trading.PayloadSource;
import io.kana.sandbox.KanaSandbox;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;

/**
 * A fresh sandbox and one client on it, with a funded wallet that has collateral deposited: enough
 * margin and gas for far more resting orders than one benchmark iteration places.
 */
final class SandboxSession implements AutoCloseable {

    static final Duration COMMIT_TIMEOUT = Duration.ofSeconds(30);
    /** A throwaway key, as in the sandbox examples; no real funds anywhere. */
    private static final String KEY = "ed25519-priv-0x0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20";
    private static final BigDecimal WALLET_USDC = new BigDecimal("100000000");
    private static final BigDecimal DEPOSIT_USDC = new BigDecimal("50000000");
    /** 10 million APT: gas for billions of orders (each costs about 0.001 APT). */
    private static final long GAS_OCTAS = 1_000_000_000_000_000L;

    final KanaSandbox sandbox;
    final KanaClient client;

    private SandboxSession(KanaSandbox sandbox, KanaClient client) {
        this.sandbox = sandbox;
        this.client = client;
    }

    /** The session wallet's signer, for transactions signed outside the client. */
    static Ed25519WalletSigner signer() {
        return Ed25519WalletSigner.fromText(KEY);
    }

    /** Starts the sandbox and a client whose trader runs transactions as {@code execution} says. */
    static SandboxSession start(Execution execution) {
        return start(execution, PayloadSource.TRADE_API);
    }

    /** Likewise, with the trader taking its payloads from {@code payloadSource}. */
    static SandboxSession start(Execution execution, PayloadSource payloadSource) {
        KanaSandbox sandbox = KanaSandbox.builder().seed(7).start();
        try {
            KanaConfig config = KanaConfig.sandbox(URI.create(sandbox.apiUrl()), URI.create(sandbox.nodeUrl()),
                    sandbox.moduleId(), Secret.of(KEY));
            KanaClient client = KanaClient.builder(config).execution(execution)
                    .trader(trader -> trader.payloadSource(payloadSource)).build();
            SandboxSession session = new SandboxSession(sandbox, client);
            sandbox.fundWallet(client.wallet().hex(), WALLET_USDC, GAS_OCTAS);
            KanaTrader.join(client.trader().withExecution(Execution.awaitCommit(COMMIT_TIMEOUT)).deposit(DEPOSIT_USDC));
            return session;
        } catch (RuntimeException e) {
            sandbox.close();
            throw e;
        }
    }

    /**
     * Waits for the transaction with {@code lastHash} (the wallet's highest sequence number) to
     * commit, so that every earlier one has too, then checks that exactly {@code placed} orders
     * rest in the book: none aborted, none was lost or doubled.
     */
    void verifyResting(String lastHash, long placed) {
        client.node().awaitTransaction(lastHash, COMMIT_TIMEOUT);
        int resting = client.orders().openOrderIds(client.wallet(), RestingOrders.APT).size();
        if (resting != placed) {
            throw new IllegalStateException(placed + " orders placed but " + resting + " rest in the book");
        }
    }

    /** Requests the sandbox received per order since its counts were reset, by endpoint. */
    String requestsPerOrder(long orders) {
        StringBuilder out = new StringBuilder("requests/order:");
        sandbox.requestCounts().forEach((endpoint, count) -> out.append(' ')
                .append(endpoint.replace("/v1/transactions/", "").replace("/{hash}", ""))
                .append(String.format(" %.2f", orders == 0 ? 0.0 : (double) count / orders)));
        return out.toString();
    }

    /** The wallet's committed transaction count, read from the node. */
    long committedCount() {
        return client.node().account(client.wallet().address()).sequenceNumber().longValueExact();
    }

    @Override
    public void close() {
        try {
            client.close();
        } finally {
            sandbox.close();
        }
    }
}
