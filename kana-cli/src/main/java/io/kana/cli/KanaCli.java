package io.kana.cli;

import io.kana.cli.contract.ContractCommand;
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
        subcommands = {ContractCommand.class},
        description = "Kana Perps from a terminal. Configured like the library: KANA_NETWORK, KANA_API_URL, "
                + "NODE_URL, KANA_MODULE, KANA_API_KEY, KANA_CONTRACT.",
        footerHeading = "%nExample:%n", footer = "  java -jar kana.jar contract check --payloads",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
            ExitCodes.OK + ":success",
            ExitCodes.DRIFT + ":drift: the chain or the trade API disagrees with the contract",
            ExitCodes.USAGE + ":bad options or configuration",
            ExitCodes.UNCHECKED + ":could not check (node or trade API unreachable)",
            ExitCodes.INTERNAL + ":unexpected failure"})
public final class KanaCli implements Runnable {

    @Spec
    private CommandSpec spec;

    /** Runs {@code kana} with the process's arguments, environment and streams, and exits with its code. */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(execute(System.getenv(), out, err, args));
    }

    /**
     * Runs {@code kana} in-process, as {@link #main} does, with the given environment and streams.
     *
     * @return the exit code, one of {@link ExitCodes}
     */
    public static int execute(Map<String, String> environment, PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(KanaCli.class, new Factory(new CliEnvironment(environment)))
                .setOut(out)
                .setErr(err)
                .setParameterExceptionHandler(KanaCli::usageError)
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    cmd.getErr().println(cmd.getCommandName() + ": unexpected failure: " + e);
                    return ExitCodes.INTERNAL;
                });
        int code = commandLine.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a command is required");
    }

    /** One line saying what is wrong and where help is, instead of the whole usage text. */
    private static int usageError(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        err.println(command.getCommandSpec().qualifiedName() + ": " + e.getMessage());
        err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help'.");
        return ExitCodes.USAGE;
    }

    /** Hands every command that asks for it (a constructor taking {@link CliEnvironment}) the environment. */
    private record Factory(CliEnvironment environment) implements CommandLine.IFactory {

        Factory {
            Objects.requireNonNull(environment, "environment");
        }

        @Override
        public <K> K create(Class<K> type) throws Exception {
            for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                Class<?>[] parameters = constructor.getParameterTypes();
                if (parameters.length == 1 && parameters[0] == CliEnvironment.class) {
                    constructor.setAccessible(true);
                    return type.cast(constructor.newInstance(environment));
                }
            }
            return CommandLine.defaultFactory().create(type);
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
