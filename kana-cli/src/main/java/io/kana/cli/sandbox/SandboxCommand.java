package io.kana.cli.sandbox;

import io.kana.cli.ExitCodes;
import io.kana.cli.Terminal;
import io.kana.sandbox.KanaSandbox;
import io.kana.sandbox.SandboxMain;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kana sandbox}: the standalone sandbox ({@link SandboxMain}) in the same jar, until Ctrl+C. */
@Command(name = "sandbox", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run an offline Kana sandbox (trade API, Aptos node and WebSocket on this machine) until Ctrl+C.",
            "It prints the URLs to set as KANA_API_URL, NODE_URL, KANA_WS_URL and KANA_MODULE (with"
                    + " KANA_NETWORK=sandbox). It never holds a key: fund your test key's address with --fund."},
        footerHeading = "%nExample:%n", footer = "  java -jar kana.jar sandbox --port 8090 --fund 0x1f3a...")
public final class SandboxCommand implements Callable<Integer> {

    private final Terminal terminal;

    @Spec
    private CommandSpec spec;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8090", description = "port (default 8090; 0 picks a free one)")
    private int port;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "seed of the simulated market (default 1)")
    private long seed;

    @Option(names = "--chain-id", paramLabel = "N", description = "the chain id the node reports")
    private Integer chainId;

    @Option(names = "--contract", paramLabel = "FILE", description = "a chain following this contract file (a drifted chain)")
    private Path contract;

    @Option(names = "--fund", paramLabel = "ADDRESS", description = "fund this wallet (repeatable)")
    private List<String> fund = new ArrayList<>();

    SandboxCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() throws InterruptedException {
        List<String> args = new ArrayList<>(List.of("--port", String.valueOf(port), "--seed", String.valueOf(seed)));
        if (chainId != null) {
            args.addAll(List.of("--chain-id", String.valueOf(chainId)));
        }
        if (contract != null) {
            args.addAll(List.of("--contract", contract.toString()));
        }
        fund.forEach(wallet -> args.addAll(List.of("--fund", wallet)));
        KanaSandbox sandbox;
        try {
            sandbox = SandboxMain.start(args.toArray(String[]::new), spec.commandLine().getOut());
        } catch (IllegalArgumentException | UncheckedIOException e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println(spec.qualifiedName() + ": " + e.getMessage());
            err.flush();
            return ExitCodes.USAGE;
        }
        terminal.runUntilInterrupted(sandbox::close);
        return ExitCodes.OK;
    }
}
