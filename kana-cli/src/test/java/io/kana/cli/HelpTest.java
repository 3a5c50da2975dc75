package io.kana.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command's {@code --help} shows an example and the exit codes, without contacting anything. */
class HelpTest {

    @Test
    void everyCommandHasHelpWithAnExampleAndTheExitCodes() {
        List<String> commands = new ArrayList<>();
        collect(KanaCli.commandLine(Map.of(), Terminal.none(), new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter())), commands);
        assertThat(commands).contains("kana markets", "kana orders history", "kana orders status", "kana place-limit",
                "kana cancel", "kana stream", "kana sandbox", "kana contract check");

        for (String command : commands) {
            List<String> args = new ArrayList<>(List.of(command.split(" ")).subList(1, command.split(" ").length));
            args.add("--help");
            CliRun run = CliRun.kana(Map.of(), args.toArray(String[]::new));
            assertThat(run.code()).as(command).isZero();
            assertThat(run.out()).as(command).contains("java -jar kana.jar").contains("Exit codes:");
        }
    }

    @Test
    void writesDocumentRejectedAndOutcomeUnknownApart() {
        CliRun run = CliRun.kana(Map.of(), "place-limit", "--help");

        assertThat(run.out()).contains("--yes").contains("--json").contains("--network").contains("--key-file")
                .containsPattern(ExitCodes.REJECTED + " +write rejected.*nothing happened")
                .containsPattern(ExitCodes.OUTCOME_UNKNOWN + " +write outcome unknown");
    }

    private static void collect(CommandLine command, List<String> into) {
        if (!command.getCommandSpec().qualifiedName().equals("kana")) {
            into.add(command.getCommandSpec().qualifiedName());
        }
        command.getSubcommands().values().forEach(sub -> collect(sub, into));
    }
}
