package io.kana.benchmarks;

import io.kana.aptos.keys.Ed25519WalletSigner;
import io.kana.client.KanaClient;
import io.kana.client.KanaConfig;
import io.kana.core.trading.KanaTrader;
import io.kana.sandbox.KanaSandbox;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;

/** The benchmarks' sandbox: commits at once, wallets funded for hundreds of thousands of orders. */
final class Sandboxes {

    private Sandboxes() {}

    static KanaSandbox start() {
        return KanaSandbox.builder().seed(1).commitDelay(Duration.ZERO).start();
    }

    static KanaConfig config(KanaSandbox sandbox) {
        return KanaConfig.sandbox(URI.create(sandbox.apiUrl()), URI.create(sandbox.nodeUrl()),
                sandbox.moduleAddress() + "::perpetual_scripts", null);
    }

    /** A test-only key derived from a label; worthless outside the sandbox. */
    static Ed25519WalletSigner wallet(String label) {
        try {
            return Ed25519WalletSigner.fromSeed(MessageDigest.getInstance("SHA3-256")
                    .digest(label.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void fundAndDeposit(KanaSandbox sandbox, KanaClient client) {
        sandbox.fundWallet(client.wallet().hex(), new BigDecimal("100000000"), 1_000_000L * 100_000_000L);
        KanaTrader.join(client.trader().withExecution(io.kana.core.trading.Execution.awaitCommit(Duration.ofSeconds(30)))
                .deposit(new BigDecimal("50000000")));
    }
}
