package io.kana.cli.contract;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code kana contract}: the commands about the write contract ({@code contract/kana-perps.contract}). */
@Command(name = "contract", mixinStandardHelpOptions = true, subcommands = {ContractCheckCommand.class},
        description = "Check the SDK's write contract against the chain and the trade API.",
        footerHeading = "%nExample:%n", footer = "  java -jar kana.jar contract check --payloads")
public final class ContractCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a subcommand is required (check)");
    }
}
