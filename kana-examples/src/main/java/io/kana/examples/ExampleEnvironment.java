package io.kana.examples;

import io.kana.aptos.keys.Ed25519WalletSigner;
import io.kana.client.KanaClient;
import io.kana.client.KanaConfig;
import io.kana.client.KanaNetwork;
import io.kana.core.error.KanaException;
import io.kana.core.model.MarketId;
import io.kana.sandbox.KanaSandbox;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.Optional;

/**
 * Where an example runs. With {@code KANA_NETWORK} unset: an embedded {@link KanaSandbox} and two
 * test wallets on it, a trader and a counterparty. With {@code KANA_NETWORK} set: that network, as
 * {@link KanaConfig#fromEnvironment()} reads it, with one wallet (the configured key) and no
 * counterparty. Mainnet is refused unless {@code KANA_CONFIRM_MAINNET=yes}.
 *
 * <p>The sandbox wallets' keys are derived from fixed labels, are for the sandbox only, and never
 * leave this class as text.
 */
public final class ExampleEnvironment implements AutoCloseable {

    /** The market every example trades: APT/USDC. */
    public static final MarketId APT_USDC = MarketId.of(1338);
    /** What the sandbox faucet gives each wallet, in USDC (plus 10 APT for gas). */
    public static final BigDecimal FAUCET_USDC = new BigDecimal("1000");

    private static final long SANDBOX_SEED = 7;

    private final KanaSandbox sandbox;
    private final KanaClient trader;
    private final KanaClient counterparty;

    private ExampleEnvironment(KanaSandbox sandbox, KanaClient trader, KanaClient counterparty) {
        this.sandbox = sandbox;
        this.trader = trader;
        this.counterparty = counterparty;
    }

    /** An example's body: what it does with the environment, printed to the transcript. */
    @FunctionalInterface
    interface Program {
        void run(ExampleEnvironment env, Transcript out);
    }

    /**
     * Runs {@code program} as a {@code main} method: on the environment the process variables
     * describe, printing to standard out. Returns normally on success (exit status 0) and exits with
     * 1 when a step failed, 2 when the configuration is unusable.
     */
    static void runMain(Program program) {
        int status = run(program, System.getenv(), System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** {@link #runMain} without the exit: the exit status. */
    static int run(Program program, Map<String, String> variables, PrintStream out, PrintStream err) {
        ExampleEnvironment env;
        try {
            env = fromEnvironment(variables);
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException | KanaException e) {
            err.println("Cannot start: " + e.getMessage());
            return 2;
        }
        Transcript transcript = new Transcript(out);
        try (env) {
            out.println("Running on " + env.description());
            program.run(env, transcript);
            return 0;
        } catch (KanaException | IllegalStateException e) {
            err.println("FAILED" + transcript.where() + ": " + e.getMessage());
            return 1;
        }
    }

    /** Reads the process environment; see {@link #fromEnvironment(Map)}. */
    public static ExampleEnvironment fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    /**
     * The embedded sandbox when {@code KANA_NETWORK} is unset or blank, else the configured network.
     *
     * @throws IllegalArgumentException when the configuration is incomplete or malformed (the message
     *                                  names the variable to fix)
     * @throws IllegalStateException    on mainnet without {@code KANA_CONFIRM_MAINNET=yes}
     */
    public static ExampleEnvironment fromEnvironment(Map<String, String> env) {
        String network = env.get("KANA_NETWORK");
        if (network == null || network.isBlank()) {
            return startSandbox();
        }
        KanaConfig config = KanaConfig.fromEnvironment(env);
        if (config.network() == KanaNetwork.MAINNET && !"yes".equals(env.get("KANA_CONFIRM_MAINNET"))) {
            throw new IllegalStateException("refusing to trade real money on mainnet: set KANA_CONFIRM_MAINNET=yes "
                    + "if you mean it (the examples place, fill and cancel orders)");
        }
        return new ExampleEnvironment(null, KanaClient.builder(config).build(), null);
    }

    /** An embedded sandbox on a free loopback port with two unfunded test wallets. */
    public static ExampleEnvironment startSandbox() {
        KanaSandbox sandbox = KanaSandbox.builder().seed(SANDBOX_SEED).start();
        KanaClient trader = null;
        try {
            KanaConfig config = KanaConfig.sandbox(URI.create(sandbox.apiUrl()), URI.create(sandbox.nodeUrl()),
                    sandbox.moduleId(), null).withWsUrl(URI.create(sandbox.wsUrl()));
            trader = KanaClient.builder(config).wallet(testWallet("kana-examples wallet 1")).build();
            KanaClient counterparty = KanaClient.builder(config).wallet(testWallet("kana-examples wallet 2")).build();
            return new ExampleEnvironment(sandbox, trader, counterparty);
        } catch (RuntimeException e) {
            if (trader != null) {
                trader.close();
            }
            sandbox.close();
            throw e;
        }
    }

    /** The wallet the examples trade with: sandbox wallet 1, or the configured key on a network. */
    public KanaClient trader() {
        return trader;
    }

    /** A second funded wallet to trade against; only in the sandbox. */
    public Optional<KanaClient> counterparty() {
        return Optional.ofNullable(counterparty);
    }

    /** The embedded sandbox, when running on it. */
    public Optional<KanaSandbox> sandbox() {
        return Optional.ofNullable(sandbox);
    }

    public boolean isSandbox() {
        return sandbox != null;
    }

    /** Where this runs, for a banner: never contains a key. */
    public String description() {
        if (sandbox != null) {
            return "embedded sandbox at " + sandbox.apiUrl() + " (chain " + sandbox.chainId() + ")";
        }
        KanaConfig config = trader.config();
        return config.network().name().toLowerCase() + " (" + config.apiUrl() + ", node " + config.nodeUrl() + ")";
    }

    /**
     * The sandbox faucet: credits {@code wallet} with {@code usdc} and 10 APT for gas. Returns false,
     * doing nothing, on a real network (fund the wallet from that network's faucet instead).
     */
    public boolean fundFromFaucet(KanaClient wallet, BigDecimal usdc) {
        if (sandbox == null) {
            return false;
        }
        sandbox.fundWallet(wallet.wallet().hex(), usdc);
        return true;
    }

    /** Closes the clients, then the sandbox, so no thread keeps the JVM alive. */
    @Override
    public void close() {
        try {
            trader.close();
            if (counterparty != null) {
                counterparty.close();
            }
        } finally {
            if (sandbox != null) {
                sandbox.close();
            }
        }
    }

    /** A TEST-ONLY key: the seed is {@code sha3-256(label)}, public knowledge, so never fund it on a real network. */
    static Ed25519WalletSigner testWallet(String label) {
        return Ed25519WalletSigner.fromSeed(sha3(label));
    }

    static byte[] sha3(String text) {
        try {
            return MessageDigest.getInstance("SHA3-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK provides SHA3-256 since Java 9", e);
        }
    }
}
