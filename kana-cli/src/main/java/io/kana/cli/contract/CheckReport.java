package io.kana.cli.contract;

import io.kana.cli.ExitCodes;
import java.util.List;
import java.util.Objects;

/**
 * The whole answer of {@code kana contract check}.
 *
 * @param network    the network checked
 * @param module     the module whose ABI was read, {@code <address>::perpetual_scripts}
 * @param contract   where the contract came from (a file, or the SDK's own)
 * @param payloads   whether the trade API's payloads were checked too
 * @param operations one check per operation of the contract, in the contract's order
 */
public record CheckReport(String network, String module, String contract, boolean payloads,
        List<OperationCheck> operations) {

    public CheckReport {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(contract, "contract");
        operations = List.copyOf(operations);
    }

    /**
     * {@link ExitCodes#OK} when every operation is confirmed; {@link ExitCodes#DRIFT} when any is
     * missing or mismatched (a definite answer outranks an undecided one); else {@link ExitCodes#UNCHECKED}.
     */
    public int exitCode() {
        if (operations.stream().anyMatch(check -> check.verdict().drift())) {
            return ExitCodes.DRIFT;
        }
        boolean allConfirmed = !operations.isEmpty()
                && operations.stream().allMatch(check -> check.verdict() == Verdict.CONFIRMED);
        return allConfirmed ? ExitCodes.OK : ExitCodes.UNCHECKED;
    }
}
