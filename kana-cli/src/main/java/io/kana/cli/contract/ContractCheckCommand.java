package io.kana.cli.contract;

import io.kana.aptos.abi.ModuleAbi;
import io.kana.aptos.keys.Ed25519WalletSigner;
import io.kana.aptos.node.AptosErrorCode;
import io.kana.aptos.node.AptosNodeException;
import io.kana.cli.CliEnvironment;
import io.kana.cli.ConfigOptions;
import io.kana.cli.ExitCodes;
import io.kana.cli.OutputOptions;
import io.kana.client.KanaClient;
import io.kana.client.KanaConfig;
import io.kana.core.contract.KanaContract;
import io.kana.core.contract.OnChainFunction;
import io.kana.core.contract.OperationContract;
import io.kana.core.error.KanaException;
import io.kana.core.error.KanaTransportException;
import io.kana.core.model.AccountAddress;
import io.kana.core.model.MarketId;
import io.kana.core.port.ModuleInterfaces;
import io.kana.core.trading.PayloadPolicy;
import io.kana.core.trading.TradeOperation;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kana contract check}: does the chain (and the trade API) still speak the contract the SDK
 * signs by? Reads the module's ABI from {@code NODE_URL}, judges each of the twelve operations with
 * the library's verdict ({@link OperationContract#check}), and with {@code --payloads} also asks the
 * trade API for each payload and runs the library's payload check on it. Nothing is ever signed.
 */
@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Check the 12 write operations of the contract against the module ABI on NODE_URL and,"
                    + " with --payloads, against the payloads the trade API builds (never signed).",
            "Prints one line per operation: operation, function, on-chain signature, verdict"
                    + " (confirmed, mismatch, missing, unchecked)."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  java -jar kana.jar contract check --payloads",
            "  java -jar kana.jar contract check --network mainnet --json",
            "  java -jar kana.jar contract check --contract my.contract",
            "Against a local sandbox: KANA_NETWORK=sandbox, and KANA_API_URL, NODE_URL",
            "and KANA_MODULE as the sandbox prints them."},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
            ExitCodes.OK + ":all 12 operations confirmed",
            ExitCodes.DRIFT + ":drift: some function is missing or mismatched (on chain or in the trade API's payload)",
            ExitCodes.USAGE + ":bad options or configuration (nothing was contacted)",
            ExitCodes.UNCHECKED + ":some operation unchecked (ABI or payload unavailable), none drifted",
            ExitCodes.INTERNAL + ":unexpected failure"})
public final class ContractCheckCommand implements Callable<Integer> {

    /** The address probed when no key is configured: the trade API only builds payloads for it. */
    static final AccountAddress PLACEHOLDER_WALLET = AccountAddress.parse("0x" + "0".repeat(60) + "cafe");

    private final CliEnvironment environment;

    @Spec
    private CommandSpec spec;

    @Mixin
    private ConfigOptions configOptions;

    @Mixin
    private OutputOptions outputOptions;

    @Option(names = "--payloads", description = "also ask the trade API for each write payload (never signed)"
            + " and run the library's payload check on it")
    private boolean payloads;

    @Option(names = "--contract", paramLabel = "FILE",
            description = "check this contract file (overrides KANA_CONTRACT; default the SDK's own)")
    private Path contractFile;

    @Option(names = "--market", paramLabel = "ID",
            description = "the market the payloads are asked for (default: the first the trade API lists)")
    private Long market;

    @Option(names = "--wallet", paramLabel = "ADDRESS",
            description = "the wallet the payloads are built for (default: the configured key's address,"
                    + " else a placeholder)")
    private String wallet;

    ContractCheckCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        KanaConfig config;
        PayloadPolicy module;
        AccountAddress sender;
        MarketId marketId;
        try {
            config = environment.config(configOptions.network());
            if (contractFile != null) {
                config = config.withContract(KanaContract.load(contractFile));
            }
            if (config.moduleId() == null) {
                throw new IllegalArgumentException("no Kana module known for " + config.network().contractName()
                        + ": the contract (" + config.contract().source() + ") names none, so set"
                        + " KANA_MODULE=<address>::perpetual_scripts");
            }
            module = PayloadPolicy.forModule(config.moduleId());
            sender = sender(config);
            marketId = market == null ? null : MarketId.of(market);
        } catch (IllegalArgumentException | UncheckedIOException | KanaException e) {
            spec.commandLine().getErr().println(spec.qualifiedName() + ": " + e.getMessage());
            return ExitCodes.USAGE;
        }
        CheckReport report = check(config.withPrivateKey(null), module, sender, marketId);
        PrintWriter out = spec.commandLine().getOut();
        out.print(outputOptions.json() ? ReportFormat.json(report) : ReportFormat.table(report));
        out.flush();
        return report.exitCode();
    }

    /** Read-only: the client is built without the key, so nothing here could sign. */
    private CheckReport check(KanaConfig config, PayloadPolicy module, AccountAddress sender, MarketId marketId) {
        KanaContract contract = config.contract();
        try (KanaClient client = KanaClient.builder(config).build()) {
            ModuleReading chain = readModule(client, module);
            Map<TradeOperation, PayloadOutcome> outcomes = payloads
                    ? new PayloadProbe(client.markets(), client.payloads(), contract, module, snapshot(chain), sender,
                            marketId).probeAll()
                    : Map.of();
            List<OperationCheck> checks = new ArrayList<>();
            for (OperationContract operation : contract.operations().values()) {
                checks.add(ContractJudgement.judge(operation, chain, payloads ? outcomes.get(operation.operation()) : null));
            }
            return new CheckReport(config.network().contractName(), module.moduleId(), contract.source(), payloads,
                    checks);
        }
    }

    /** {@code --wallet}, else the configured key's address, else a placeholder. */
    private AccountAddress sender(KanaConfig config) {
        if (wallet != null) {
            return AccountAddress.parse(wallet);
        }
        return config.privateKey() == null ? PLACEHOLDER_WALLET
                : Ed25519WalletSigner.fromText(config.privateKey().reveal()).address();
    }

    /** The ABI already read, for the trader's drift guard: both checks judge the same answer of the node. */
    private static ModuleInterfaces snapshot(ModuleReading chain) {
        return (publisher, module) -> chain.readable() ? CompletableFuture.completedFuture(chain.functions())
                : CompletableFuture.failedFuture(new KanaTransportException("module ABI", chain.problem(), null));
    }

    private static ModuleReading readModule(KanaClient client, PayloadPolicy module) {
        try {
            ModuleAbi abi = client.node().moduleAbi(module.moduleAddress(), module.moduleName());
            Map<String, OnChainFunction> functions = new LinkedHashMap<>();
            abi.functions().forEach(f -> functions.put(f.name(), OnChainFunctions.of(f)));
            return ModuleReading.of(functions);
        } catch (AptosNodeException e) {
            if (e.errorCode() == AptosErrorCode.MODULE_NOT_FOUND) {
                return ModuleReading.absent("the node has no module " + module.moduleId());
            }
            return ModuleReading.unreadable("cannot read the ABI of " + module.moduleId() + ": " + e.getMessage());
        } catch (KanaException e) {
            return ModuleReading.unreadable("cannot read the ABI of " + module.moduleId() + ": " + e.getMessage());
        }
    }
}
