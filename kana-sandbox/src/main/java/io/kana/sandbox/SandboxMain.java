package io.kana.sandbox;

import java.io.PrintWriter;
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
        PrintWriter out = new PrintWriter(System.out, true);
        KanaSandbox sandbox;
        try {
            sandbox = start(args, out);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        if (sandbox == null) {
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sandbox.close();
            stopped.countDown();
        }, "kana-sandbox-shutdown"));
        stopped.await();
    }

    /**
     * Starts the sandbox {@code args} describe (the options of {@link #main}), funds the wallets and
     * prints its URLs to {@code out}; the caller closes it. Null after {@code --help} (usage printed).
     *
     * @throws IllegalArgumentException for an unknown option or a malformed value, before anything starts
     * @throws UncheckedIOException     when the contract file cannot be read
     */
    public static KanaSandbox start(String[] args, PrintWriter out) {
        KanaSandbox.Builder builder = KanaSandbox.builder().port(8090);
        long seed = 1;
        List<String> wallets = new ArrayList<>();
        Path contract = null;
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
                    out.println(USAGE);
                    out.flush();
                    return null;
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        KanaSandbox sandbox = builder.seed(seed).start();
        try {
            for (String wallet : wallets) {
                sandbox.fundWallet(wallet, DEMO_USDC, DEMO_APT_OCTAS);
            }
        } catch (RuntimeException e) {
            sandbox.close();
            throw e;
        }
        out.println("Kana sandbox running (chain id " + sandbox.chainId() + ", seed " + seed + ")");
        out.println("  trade API  " + sandbox.apiUrl());
        out.println("  Aptos node " + sandbox.nodeUrl());
        out.println("  WebSocket  " + sandbox.wsUrl());
        out.println("  module     " + sandbox.moduleId());
        out.println("  contract   " + (contract == null ? "the standard contract" : contract.toAbsolutePath()));
        for (String wallet : wallets) {
            out.println("  funded     " + wallet + " (" + DEMO_USDC.toPlainString() + " USDC, 100 APT)");
        }
        out.println("  fund more: POST " + sandbox.apiUrl() + "sandbox/fund {\"address\":\"0x...\",\"amount\":\"1000\",\"apt\":\"10\"} (USDC, and APT for gas)");
        out.println("Ctrl+C stops it.");
        out.flush();
        return sandbox;
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }
}
