package io.kana.sandbox;

import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a sandbox until stopped: {@code java -jar kana-sandbox-standalone.jar --port 8090 --seed 1}.
 * Prints the trade API, node and WebSocket URLs; {@code --fund <wallet address>} (repeatable) pre-funds wallets;
 * {@code --contract FILE} runs a chain whose module follows another contract file (a drifted chain).
 * It never holds or prints a private key: bring your own test key and fund its address.
 */
public final class SandboxMain {

    private static final String USAGE = "usage: java -jar kana-sandbox-standalone.jar [--port N] [--seed N] [--chain-id N] [--contract FILE] [--fund 0xWALLET]...";
    private static final BigDecimal DEMO_USDC = new BigDecimal("100000");
    private static final long DEMO_APT_OCTAS = 100 * 100_000_000L;

    private SandboxMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        KanaSandbox.Builder builder = KanaSandbox.builder().port(8090);
        long seed = 1;
        List<String> wallets = new ArrayList<>();
        Path contract = null;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--port" -> builder.port(Integer.parseInt(value(args, ++i)));
                    case "--seed" -> seed = Long.parseLong(value(args, ++i));
                    case "--fund" -> wallets.add(value(args, ++i));
                    case "--chain-id" -> builder.chainId(Integer.parseInt(value(args, ++i)));
                    case "--contract" -> {
                        contract = Path.of(value(args, ++i));
                        builder.contract(contract);
                    }
                    case "--help", "-h" -> {
                        System.out.println(USAGE);
                        return;
                    }
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
        } catch (IllegalArgumentException | UncheckedIOException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        KanaSandbox sandbox = builder.seed(seed).start();
        for (String wallet : wallets) {
            sandbox.fundWallet(wallet, DEMO_USDC, DEMO_APT_OCTAS);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sandbox.close();
            stopped.countDown();
        }, "kana-sandbox-shutdown"));
        System.out.println("Kana sandbox running (chain id " + sandbox.chainId() + ", seed " + seed + ")");
        System.out.println("  trade API  " + sandbox.apiUrl());
        System.out.println("  Aptos node " + sandbox.nodeUrl());
        System.out.println("  WebSocket  " + sandbox.wsUrl());
        System.out.println("  module     " + sandbox.moduleId());
        System.out.println("  contract   " + (contract == null ? "the standard contract" : contract.toAbsolutePath()));
        for (String wallet : wallets) {
            System.out.println("  funded     " + wallet + " (" + DEMO_USDC.toPlainString() + " USDC, 100 APT)");
        }
        System.out.println("  fund more: POST " + sandbox.apiUrl() + "sandbox/fund {\"address\":\"0x...\",\"amount\":\"1000\"}");
        System.out.println("Ctrl+C stops it.");
        stopped.await();
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }
}
