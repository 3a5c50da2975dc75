package io.kana.cli;

import io.kana.aptos.keys.Ed25519WalletSigner;
import io.kana.client.KanaClient;
import io.kana.client.KanaConfig;
import io.kana.client.KanaConfigException;
import io.kana.core.error.ContractFormatException;
import io.kana.core.error.InvalidRequestException;
import io.kana.core.error.KanaException;
import io.kana.core.error.TransactionOutcomeUnknownException;
import io.kana.core.model.WalletAddress;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What every command that talks to Kana shares: the configuration (environment, {@code --network},
 * {@code --key-file}), the output mode ({@code --json}), and one mapping of failures to exit codes.
 * Reads use a client built without the key, so they cannot sign.
 */
public abstract class KanaCommand implements Callable<Integer> {

    @Spec
    protected CommandSpec spec;

    @Mixin
    protected ConfigOptions configOptions;

    @Mixin
    protected OutputOptions outputOptions;

    @Option(names = "--wallet", paramLabel = "ADDRESS",
            description = "the wallet to read (default: the configured key's address); writes always sign as the key's")
    private String walletOption;

    private CliEnvironment environment;
    private Terminal terminal;
    private KanaConfig config;

    /** Hands the command its environment and terminal; the factory calls it before picocli runs the command. */
    void bind(CliEnvironment environment, Terminal terminal) {
        this.environment = Objects.requireNonNull(environment, "environment");
        this.terminal = Objects.requireNonNull(terminal, "terminal");
    }

    /** The command's work; failures are thrown and mapped to exit codes by {@link #call()}. */
    protected abstract int execute() throws Exception;

    /** Whether this command changes anything (its failures then say whether the change may exist). */
    protected boolean writes() {
        return false;
    }

    @Override
    public final Integer call() throws Exception {
        try {
            return execute();
        } catch (UsageException | IllegalArgumentException | IllegalStateException | UncheckedIOException
                | InvalidRequestException e) {
            return fail(ExitCodes.USAGE, e);
        } catch (KanaException e) {
            if (isConfiguration(e)) {
                return fail(ExitCodes.USAGE, e);
            }
            if (!writes()) {
                return fail(ExitCodes.UNCHECKED, e);
            }
            return fail(e.effectMayExist() ? ExitCodes.OUTCOME_UNKNOWN : ExitCodes.REJECTED, e);
        }
    }

    /** The configuration: environment variables with the options in their place. Read once. */
    protected final KanaConfig config() {
        if (config == null) {
            config = environment.config(configOptions.network(), configOptions.keyFile());
        }
        return config;
    }

    /** A client that reads only (the key, if any, is left out). The caller closes it. */
    protected final KanaClient readClient() {
        return KanaClient.builder(config().withPrivateKey(null)).build();
    }

    /** {@code --wallet}, else the configured key's address. */
    protected final WalletAddress wallet() {
        if (walletOption != null) {
            return WalletAddress.parse(walletOption);
        }
        if (config().privateKey() == null) {
            throw new UsageException("no wallet: pass --wallet ADDRESS, or configure a key (KANA_PRIVATE_KEY,"
                    + " KANA_PRIVATE_KEY_FILE or --key-file)");
        }
        return WalletAddress.of(Ed25519WalletSigner.fromText(config().privateKey().reveal()).address());
    }

    /** Whether {@code --wallet} was given. */
    protected final boolean walletGiven() {
        return walletOption != null;
    }

    protected final Terminal terminal() {
        return terminal;
    }

    protected final CliEnvironment environment() {
        return environment;
    }

    /** Prints {@code document} as JSON with {@code --json}, else {@code table}. */
    protected final void print(Object document, String table) {
        PrintWriter out = spec.commandLine().getOut();
        out.print(outputOptions.json() ? Json.write(Fields.of(document)) + "\n" : table);
        out.flush();
    }

    /** Prints {@code items} as {@code {"<name>": [...]}} with {@code --json}, else as {@code table}'s rows. */
    @SuppressWarnings("unchecked")
    protected final void printList(String name, List<?> items, Table table, String empty) {
        print(Map.of(name, items), table.render((List<Map<String, Object>>) Fields.of(items), empty));
    }

    private int fail(int code, Exception e) {
        PrintWriter err = spec.commandLine().getErr();
        err.println(spec.qualifiedName() + ": " + e.getMessage());
        if (code == ExitCodes.OUTCOME_UNKNOWN) {
            err.println("The write may have happened: look it up before trying again.");
        }
        if (outputOptions.json()) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("type", e.getClass().getSimpleName());
            error.put("message", e.getMessage());
            error.put("effectMayExist", e instanceof KanaException kana && writes() && kana.effectMayExist());
            error.put("hash", e instanceof TransactionOutcomeUnknownException unknown ? unknown.hash() : null);
            error.put("exitCode", code);
            PrintWriter out = spec.commandLine().getOut();
            out.println(Json.write(Map.of("error", error)));
            out.flush();
        }
        err.flush();
        return code;
    }

    private static boolean isConfiguration(KanaException e) {
        return e instanceof KanaConfigException || e instanceof ContractFormatException;
    }
}
