package io.kana.sandbox;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a sandbox until stopped: {@code java -jar kana-sandbox-standalone.jar --port 8090 --seed 1}.
 * Prints the trade API and node URLs and a funded demo wallet.
 */
public final class SandboxMain {

    private static final String USAGE = "usage: java -jar kana-sandbox-standalone.jar [--port N] [--seed N] [--chain-id N]";
    private static final BigDecimal DEMO_USDC = new BigDecimal("100000");
    private static final long DEMO_APT_OCTAS = 100 * 100_000_000L;

    private SandboxMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        KanaSandbox.Builder builder = KanaSandbox.builder().port(8090);
        long seed = 1;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--port" -> builder.port(Integer.parseInt(value(args, ++i)));
                    case "--seed" -> seed = Long.parseLong(value(args, ++i));
                    case "--chain-id" -> builder.chainId(Integer.parseInt(value(args, ++i)));
                    case "--help", "-h" -> {
                        System.out.println(USAGE);
                        return;
                    }
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        KanaSandbox sandbox = builder.seed(seed).start();
        byte[] demoSeed = demoWalletSeed(seed);
        String demoWallet = Hex.of(Crypto.authenticationKey(Crypto.publicKeyFromSeed(demoSeed)));
        sandbox.fundWallet(demoWallet, DEMO_USDC, DEMO_APT_OCTAS);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sandbox.close();
            stopped.countDown();
        }, "kana-sandbox-shutdown"));
        System.out.println("Kana sandbox running (chain id " + sandbox.chainId() + ", seed " + seed + ")");
        System.out.println("  trade API  " + sandbox.apiUrl());
        System.out.println("  Aptos node " + sandbox.nodeUrl());
        System.out.println("  module     " + sandbox.moduleAddress() + "::perpetual_scripts");
        System.out.println("  demo wallet " + demoWallet + " (" + DEMO_USDC.toPlainString() + " USDC, 100 APT)");
        // A throwaway key derived from the public seed, worthless outside this sandbox; printed so
        // the demo wallet can sign, as local dev chains do.
        System.out.println("  demo wallet key, sandbox only: ed25519-priv-" + Hex.of(demoSeed));
        System.out.println("Ctrl+C stops it.");
        stopped.await();
    }

    /** The demo wallet's key seed: sha3_256("kana-sandbox demo wallet" || seed). */
    static byte[] demoWalletSeed(long seed) {
        return Crypto.sha3("kana-sandbox demo wallet".getBytes(StandardCharsets.US_ASCII),
                ByteBuffer.allocate(8).putLong(seed).array());
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }
}
