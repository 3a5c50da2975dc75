package io.kana.examples;

import io.kana.aptos.keys.Ed25519WalletSigner;
import io.kana.client.KanaClient;
import io.kana.client.KanaConfig;
import io.kana.client.KanaNetwork;
import io.kana.core.model.MarketId;
import io.kana.sandbox.KanaSandbox;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;

/**
 * Where an example runs. By default: an embedded sandbox with two funded test wallets, so every example
 * works offline with no configuration. When {@code KANA_NETWORK} is set: the network the environment
 * describes ({@link KanaConfig#fromEnvironment(Map)}) with the one configured wallet.
 */
final class ExampleEnvironment implements AutoCloseable {

    /** APT/USDC: 1338 on testnet and in the sandbox; {@code KANA_MARKET} picks another. */
    private static final long DEFAULT_MARKET = 1338;
    private static final BigDecimal SANDBOX_FUNDS = new BigDecimal("10000");

    private final KanaSandbox sandbox;
    private final KanaClient primary;
    private final KanaClient counterparty;
    private final MarketId market;

    private ExampleEnvironment(KanaSandbox sandbox, KanaClient primary, KanaClient counterparty, MarketId market) {
        this.sandbox = sandbox;
        this.primary = primary;
        this.counterparty = counterparty;
        this.market = market;
    }

    static ExampleEnvironment open(Map<String, String> env) {
        MarketId market = env.containsKey("KANA_MARKET") ? MarketId.parse(env.get("KANA_MARKET")) : MarketId.of(DEFAULT_MARKET);
        if (!env.containsKey("KANA_NETWORK") || KanaNetwork.parse(env.get("KANA_NETWORK")) == KanaNetwork.SANDBOX
                && !env.containsKey("KANA_API_URL")) {
            return embeddedSandbox(market);
        }
        KanaConfig config = KanaConfig.fromEnvironment(env);
        if (config.network() == KanaNetwork.MAINNET && !"yes".equals(env.get("KANA_CONFIRM_MAINNET"))) {
            throw new IllegalStateException("these examples trade real money on mainnet; set KANA_CONFIRM_MAINNET=yes"
                    + " if that is what you want");
        }
        return new ExampleEnvironment(null, KanaClient.builder(config).build(), null, market);
    }

    private static ExampleEnvironment embeddedSandbox(MarketId market) {
        KanaSandbox sandbox = KanaSandbox.builder().seed(42).start();
        KanaConfig config = KanaConfig.sandbox(URI.create(sandbox.apiUrl()), URI.create(sandbox.nodeUrl()),
                sandbox.moduleAddress() + "::perpetual_scripts", null);
        // Test-only keys derived from fixed labels: worthless outside this in-process sandbox, never printed.
        KanaClient alice = KanaClient.builder(config).wallet(testWallet("kana-examples wallet 1")).build();
        KanaClient bob = KanaClient.builder(config).wallet(testWallet("kana-examples wallet 2")).build();
        sandbox.fundWallet(alice.wallet().hex(), SANDBOX_FUNDS);
        sandbox.fundWallet(bob.wallet().hex(), SANDBOX_FUNDS);
        return new ExampleEnvironment(sandbox, alice, bob, market);
    }

    private static Ed25519WalletSigner testWallet(String label) {
        try {
            return Ed25519WalletSigner.fromSeed(
                    MessageDigest.getInstance("SHA3-256").digest(label.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK provides no SHA3-256", e);
        }
    }

    boolean isSandbox() {
        return sandbox != null;
    }

    /** Where the examples run, for the first line they print. */
    String describe() {
        return isSandbox()
                ? "embedded sandbox (trade API " + sandbox.apiUrl() + ", node " + sandbox.nodeUrl() + ")"
                : primary.config().network().name().toLowerCase() + " (" + primary.config().apiUrl() + ")";
    }

    /** The wallet the examples act as. */
    KanaClient primary() {
        return primary;
    }

    /** A second funded wallet to trade against; only in the sandbox. */
    KanaClient counterparty() {
        return counterparty;
    }

    MarketId market() {
        return market;
    }

    @Override
    public void close() {
        primary.close();
        if (counterparty != null) {
            counterparty.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }
}
