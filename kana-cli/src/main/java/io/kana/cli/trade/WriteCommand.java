package io.kana.cli.trade;

import io.kana.cli.ExitCodes;
import io.kana.cli.KanaCommand;
import io.kana.cli.Table;
import io.kana.cli.UsageException;
import io.kana.client.KanaClient;
import io.kana.client.KanaConfig;
import io.kana.client.KanaNetwork;
import io.kana.core.trading.Execution;
import io.kana.core.trading.TradeResult;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * A command that signs and submits: it checks its own input before contacting anything, asks for
 * confirmation on mainnet (unless {@code --yes}), waits for the commit (a spinner on a terminal) and
 * prints each transaction's hash and outcome.
 */
abstract class WriteCommand extends KanaCommand {

    @Option(names = {"-y", "--yes"}, description = "do not ask for confirmation on mainnet")
    private boolean yes;

    @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "30",
            description = "how long to wait for the commit (default 30); past it the outcome is unknown (exit 6)")
    private long waitSeconds;

    /** What the write does, in the words of the mainnet prompt, e.g. {@code deposit 100 USDC}. */
    protected abstract String describe();

    /** The write itself, blocking until every transaction committed; no transaction when there is nothing to do. */
    protected abstract List<TradeResult> perform(KanaClient client);

    /** Checks the options before anything is contacted; throws {@link UsageException}. */
    protected void validate() {}

    /** What the committed writes did beyond their transactions, read after the commit; nothing by default. */
    protected Report report(KanaClient client, List<TradeResult> results) {
        return Report.NONE;
    }

    /**
     * Output that follows the transactions.
     *
     * @param fields added to the JSON document after {@code transactions}
     * @param text   printed after the transactions' table
     */
    protected record Report(Map<String, Object> fields, String text) {
        static final Report NONE = new Report(Map.of(), "");
    }

    @Override
    protected final boolean writes() {
        return true;
    }

    @Override
    protected final int execute() throws InterruptedException {
        if (waitSeconds < 1) {
            throw new UsageException("--wait must be at least 1 second, got " + waitSeconds);
        }
        if (walletGiven()) {
            throw new UsageException("--wallet names a wallet to read; a write signs with the configured key");
        }
        validate();
        KanaConfig config = config();
        if (config.privateKey() == null) {
            throw new UsageException("no key to sign with: set KANA_PRIVATE_KEY or KANA_PRIVATE_KEY_FILE, or pass"
                    + " --key-file FILE");
        }
        PrintWriter err = spec.commandLine().getErr();
        if (config.network() == KanaNetwork.MAINNET && !yes && !confirmed()) {
            err.println(spec.qualifiedName() + ": not confirmed; nothing was sent");
            err.flush();
            return ExitCodes.REJECTED;
        }
        try (KanaClient client = KanaClient.builder(config)
                .execution(Execution.awaitCommit(Duration.ofSeconds(waitSeconds))).build()) {
            List<TradeResult> results = Spinner.await(terminal(), err, "waiting for the commit", () -> perform(client));
            Report report = report(client, results);
            Map<String, Object> document = document(config, results);
            document.putAll(report.fields());
            print(document, table(results) + report.text());
        }
        return ExitCodes.OK;
    }

    private boolean confirmed() {
        if (!terminal().interactive()) {
            throw new UsageException("a write on mainnet needs --yes when no one is at the terminal; nothing was sent");
        }
        String answer = terminal().ask("About to " + describe() + " on MAINNET as " + wallet() + ". Continue? [y/N] ");
        return answer != null && List.of("y", "yes").contains(answer.strip().toLowerCase(Locale.ROOT));
    }

    private Map<String, Object> document(KanaConfig config, List<TradeResult> results) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("network", config.network().contractName());
        document.put("command", spec.name());
        List<Object> transactions = new ArrayList<>();
        results.forEach(result -> transactions.add(transaction(result)));
        document.put("transactions", transactions);
        return document;
    }

    private String table(List<TradeResult> results) {
        if (results.isEmpty()) {
            return "Nothing to do: no transaction sent.\n";
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        results.forEach(result -> rows.add(transaction(result)));
        return new Table().column("OPERATION", "operation").column("HASH", "hash").column("VERSION", "version")
                .column("STATUS", "vmStatus").render(rows, "");
    }

    private static Map<String, Object> transaction(TradeResult result) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("operation", result.operation().name());
        fields.put("hash", result.hash());
        fields.put("sequenceNumber", result.sequenceNumber());
        fields.put("committed", result.committed());
        fields.put("version", result.outcome() == null ? null : result.outcome().version());
        fields.put("success", result.outcome() == null ? null : result.outcome().success());
        fields.put("gasUsed", result.outcome() == null ? null : result.outcome().gasUsed());
        fields.put("vmStatus", result.outcome() == null ? null : result.outcome().vmStatus());
        return fields;
    }

    /** {@code value} when positive; else a usage error naming {@code option}. */
    static BigDecimal positive(BigDecimal value, String option) {
        if (value.signum() <= 0) {
            throw new UsageException(option + " must be positive, got " + value.toPlainString());
        }
        return value;
    }
}
