package io.kana.cli;

import io.kana.cli.account.BalancesCommand;
import io.kana.cli.account.FillsCommand;
import io.kana.cli.account.FundingCommand;
import io.kana.cli.account.OrdersCommand;
import io.kana.cli.account.PositionsCommand;
import io.kana.cli.account.TradesCommand;
import io.kana.cli.contract.ContractCommand;
import io.kana.cli.market.MarketCommand;
import io.kana.cli.market.MarketsCommand;
import io.kana.cli.market.PriceCommand;
import io.kana.cli.sandbox.SandboxCommand;
import io.kana.cli.stream.StreamCommand;
import io.kana.cli.trade.AddMarginCommand;
import io.kana.cli.trade.CancelCommand;
import io.kana.cli.trade.CollapseCommand;
import io.kana.cli.trade.DepositCommand;
import io.kana.cli.trade.PlaceLimitCommand;
import io.kana.cli.trade.PlaceMarketCommand;
import io.kana.cli.trade.SettleCommand;
import io.kana.cli.trade.StopLossCommand;
import io.kana.cli.trade.TakeProfitCommand;
import io.kana.cli.trade.WithdrawCommand;
import java.io.Console;
import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.util.Map;
import java.util.Objects;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code kana} command line: {@code java -jar kana-cli/target/kana.jar <command>}. It reads the
 * same environment variables as the library ({@link io.kana.client.KanaConfig#fromEnvironment()}).
 */
@Command(name = "kana", mixinStandardHelpOptions = true, versionProvider = KanaCli.Version.class,
        subcommands = {MarketsCommand.class, MarketCommand.class, PriceCommand.class, BalancesCommand.class,
            OrdersCommand.class, PositionsCommand.class, FillsCommand.class, TradesCommand.class, FundingCommand.class,
            DepositCommand.class, WithdrawCommand.class, PlaceLimitCommand.class, PlaceMarketCommand.class,
            CancelCommand.class, TakeProfitCommand.class, StopLossCommand.class, AddMarginCommand.class,
            CollapseCommand.class, SettleCommand.class, StreamCommand.class, ContractCommand.class,
            SandboxCommand.class},
        description = {"Kana Perps from a terminal. Configured like the library: KANA_NETWORK, KANA_API_URL, "
                + "NODE_URL, KANA_WS_URL, KANA_MODULE, KANA_API_KEY, KANA_PRIVATE_KEY or KANA_PRIVATE_KEY_FILE,"
                + " KANA_CONTRACT; --network and --key-file override them.",
            "Tables by default; --json prints one JSON document (stable field names, money as strings)."},
        footerHeading = "%nExamples:%n", footer = {"  java -jar kana.jar markets",
            "  java -jar kana.jar place-limit --market 1338 --side long --size 1.5 --price 5.7 --json",
            "  java -jar kana.jar contract check --payloads"},
        exitCodeListHeading = "%nExit codes:%n")
public final class KanaCli implements Runnable {

    @Spec
    private CommandSpec spec;

    /** Runs {@code kana} with the process's arguments, environment and streams, and exits with its code. */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(execute(System.getenv(), new ProcessTerminal(System.console()), out, err, args));
    }

    /**
     * Runs {@code kana} in-process, as {@link #main} does, with the given environment and streams.
     *
     * @return the exit code, one of {@link ExitCodes}
     */
    public static int execute(Map<String, String> environment, PrintWriter out, PrintWriter err, String... args) {
        return execute(environment, Terminal.none(), out, err, args);
    }

    /**
     * Runs {@code kana} in-process with {@code terminal} as the person at the keyboard (prompts, the
     * spinner, Ctrl+C).
     *
     * @return the exit code, one of {@link ExitCodes}
     */
    public static int execute(Map<String, String> environment, Terminal terminal, PrintWriter out, PrintWriter err,
            String... args) {
        CommandLine commandLine = commandLine(environment, terminal, out, err);
        int code = commandLine.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a command is required");
    }

    /** The command tree, ready to execute, with every command's exit codes documented. */
    static CommandLine commandLine(Map<String, String> environment, Terminal terminal, PrintWriter out,
            PrintWriter err) {
        CommandLine commandLine = new CommandLine(KanaCli.class,
                new Factory(new CliEnvironment(environment), Objects.requireNonNull(terminal, "terminal")))
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setOut(out)
                .setErr(err)
                .setParameterExceptionHandler(KanaCli::usageError)
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    cmd.getErr().println(cmd.getCommandName() + ": unexpected failure: " + e);
                    return ExitCodes.INTERNAL;
                });
        documentExitCodes(commandLine);
        return commandLine;
    }

    /** Every command's --help lists the exit codes, from the one list in {@link ExitCodes}. */
    private static void documentExitCodes(CommandLine command) {
        if (command.getCommandSpec().usageMessage().exitCodeList().isEmpty()) {
            Map<String, String> codes = new java.util.LinkedHashMap<>();
            for (String line : ExitCodes.DESCRIPTIONS) {
                int colon = line.indexOf(':');
                codes.put(line.substring(0, colon), line.substring(colon + 1));
            }
            command.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(codes);
        }
        command.getSubcommands().values().forEach(KanaCli::documentExitCodes);
    }

    /** One line saying what is wrong and where help is, instead of the whole usage text. */
    private static int usageError(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        err.println(command.getCommandSpec().qualifiedName() + ": " + e.getMessage());
        err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help'.");
        return ExitCodes.USAGE;
    }

    /**
     * Hands every command the environment and terminal: a {@link KanaCommand} through {@code bind}, any
     * other through a constructor taking {@link CliEnvironment} or {@link Terminal}.
     */
    private record Factory(CliEnvironment environment, Terminal terminal) implements CommandLine.IFactory {

        Factory {
            Objects.requireNonNull(environment, "environment");
        }

        @Override
        public <K> K create(Class<K> type) throws Exception {
            for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                Class<?>[] parameters = constructor.getParameterTypes();
                if (parameters.length == 1 && (parameters[0] == CliEnvironment.class || parameters[0] == Terminal.class)) {
                    constructor.setAccessible(true);
                    return type.cast(constructor.newInstance(parameters[0] == Terminal.class ? terminal : environment));
                }
            }
            K created = CommandLine.defaultFactory().create(type);
            if (created instanceof KanaCommand command) {
                command.bind(environment, terminal);
            }
            return created;
        }
    }

    /** The process's console, when there is one, and Ctrl+C as the end of a command that runs until stopped. */
    private record ProcessTerminal(Console console) implements Terminal {

        @Override
        public boolean interactive() {
            return console != null;
        }

        @Override
        public String ask(String prompt) {
            return console == null ? null : console.readLine("%s", prompt);
        }

        @Override
        public void runUntilInterrupted(Runnable cleanup) throws InterruptedException {
            Runtime.getRuntime().addShutdownHook(new Thread(cleanup, "kana-cli-shutdown"));
            new java.util.concurrent.CountDownLatch(1).await();
        }
    }

    /** The version from the jar's manifest (the build's project version). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = KanaCli.class.getPackage().getImplementationVersion();
            return new String[] {"kana " + (version == null ? "(development build)" : version)};
        }
    }
}
