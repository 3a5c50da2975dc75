package io.kana.examples;

import io.kana.aptos.keys.Ed25519WalletSigner;
import io.kana.sandbox.KanaSandbox;
import java.math.BigDecimal;
import java.util.HexFormat;
import java.util.Map;

/**
 * A sandbox started apart from the examples and described to them by environment variables, as a
 * real network would be: one configured key, funded in advance, no counterparty, no faucet.
 */
final class SingleWalletNetwork implements AutoCloseable {

    private static final byte[] SEED = ExampleEnvironment.sha3("kana-examples test network key");

    private final KanaSandbox sandbox;

    private SingleWalletNetwork(KanaSandbox sandbox) {
        this.sandbox = sandbox;
    }

    static SingleWalletNetwork start() {
        KanaSandbox sandbox = KanaSandbox.builder().seed(11).start();
        sandbox.fundWallet(Ed25519WalletSigner.fromSeed(SEED).address().hex(), new BigDecimal("1000"));
        return new SingleWalletNetwork(sandbox);
    }

    String keyHex() {
        return HexFormat.of().formatHex(SEED);
    }

    Map<String, String> variables() {
        return Map.of(
                "KANA_NETWORK", "sandbox",
                "KANA_API_URL", sandbox.apiUrl(),
                "NODE_URL", sandbox.nodeUrl(),
                "KANA_MODULE", sandbox.moduleId(),
                "KANA_PRIVATE_KEY", "ed25519-priv-0x" + keyHex());
    }

    @Override
    public void close() {
        sandbox.close();
    }
}
