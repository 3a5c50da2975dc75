package io.kana.cli.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.kana.cli.ExitCodes;
import io.kana.core.contract.KanaContract;
import io.kana.core.contract.OnChainFunction;
import io.kana.core.contract.OperationContract;
import io.kana.core.trading.TradeOperation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the chain's verdict and the payload's outcome combine into one line, and lines into an exit code. */
class ContractJudgementTest {

    private static final OperationContract SETTLE = KanaContract.standard().operation(TradeOperation.SETTLE_PNL);
    private static final OnChainFunction SETTLE_PNL = entry("settle_pnl", "address", "u64");
    private static final OnChainFunction UPDATE_POSITION = entry("update_position", "address", "u64");

    @Test
    void theChainAloneDecidesWithoutPayloads() {
        OperationCheck check = ContractJudgement.judge(SETTLE, ModuleReading.of(Map.of("settle_pnl", SETTLE_PNL)), null);

        assertThat(check.verdict()).isEqualTo(Verdict.CONFIRMED);
        assertThat(check.onChainSignature()).isEqualTo("settle_pnl(address, u64)");
        assertThat(check.detail()).isEmpty();
    }

    @Test
    void aPayloadTheLibraryRejectsMakesAConfirmedFunctionAMismatch() {
        OperationCheck check = ContractJudgement.judge(SETTLE, ModuleReading.of(Map.of("settle_pnl", SETTLE_PNL)),
                PayloadOutcome.rejected("argument 2 (marketId) expected 1338, got 1339"));

        assertThat(check.verdict()).isEqualTo(Verdict.MISMATCH);
        assertThat(check.detail()).contains("expected 1338, got 1339");
    }

    @Test
    void aPayloadThatCouldNotBeFetchedLeavesItUnchecked() {
        OperationCheck check = ContractJudgement.judge(SETTLE, ModuleReading.of(Map.of("settle_pnl", SETTLE_PNL)),
                PayloadOutcome.failed("HTTP 503"));

        assertThat(check.verdict()).isEqualTo(Verdict.UNCHECKED);
        assertThat(check.detail()).contains("HTTP 503");
    }

    @Test
    void aPayloadCallingAnotherConfirmedCandidateIsJudgedByThatFunction() {
        OperationCheck check = ContractJudgement.judge(SETTLE,
                ModuleReading.of(Map.of("settle_pnl", SETTLE_PNL, "update_position", UPDATE_POSITION)),
                PayloadOutcome.agrees("update_position"));

        assertThat(check.verdict()).isEqualTo(Verdict.CONFIRMED);
        assertThat(check.function()).isEqualTo("update_position");
    }

    @Test
    void aPayloadCallingACandidateTheChainLacksIsMissing() {
        OperationCheck check = ContractJudgement.judge(SETTLE, ModuleReading.of(Map.of("settle_pnl", SETTLE_PNL)),
                PayloadOutcome.agrees("update_position"));

        assertThat(check.verdict()).isEqualTo(Verdict.MISSING);
        assertThat(check.function()).isEqualTo("update_position");
    }

    @Test
    void anUnreadableAbiIsUncheckedUnlessThePayloadAlreadyDisagrees() {
        ModuleReading unreadable = ModuleReading.unreadable("connection refused");

        assertThat(ContractJudgement.judge(SETTLE, unreadable, null).verdict()).isEqualTo(Verdict.UNCHECKED);
        assertThat(ContractJudgement.judge(SETTLE, unreadable, PayloadOutcome.agrees("settle_pnl")).verdict())
                .isEqualTo(Verdict.UNCHECKED);
        assertThat(ContractJudgement.judge(SETTLE, unreadable, PayloadOutcome.rejected("3 arguments")).verdict())
                .isEqualTo(Verdict.MISMATCH);
    }

    @Test
    void aModuleTheNodeDoesNotHaveMakesEveryFunctionMissing() {
        OperationCheck check = ContractJudgement.judge(SETTLE, ModuleReading.absent("the node has no module 0xbeef"),
                PayloadOutcome.agrees("settle_pnl"));

        assertThat(check.verdict()).isEqualTo(Verdict.MISSING);
        assertThat(check.detail()).contains("no module 0xbeef");
    }

    @Test
    void driftOutranksUncheckedInTheExitCode() {
        OperationCheck confirmed = line(Verdict.CONFIRMED);

        assertThat(report(confirmed, confirmed).exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(report(confirmed, line(Verdict.UNCHECKED)).exitCode()).isEqualTo(ExitCodes.UNCHECKED);
        assertThat(report(line(Verdict.UNCHECKED), line(Verdict.MISSING)).exitCode()).isEqualTo(ExitCodes.DRIFT);
        assertThat(report(confirmed, line(Verdict.MISMATCH)).exitCode()).isEqualTo(ExitCodes.DRIFT);
        assertThat(report().exitCode()).as("nothing checked is not success").isEqualTo(ExitCodes.UNCHECKED);
    }

    private static OnChainFunction entry(String name, String... parameterTypes) {
        return new OnChainFunction(name, true, List.of(parameterTypes), 0);
    }

    private static OperationCheck line(Verdict verdict) {
        return new OperationCheck(TradeOperation.SETTLE_PNL, "settle_pnl", "settle_pnl(address, u64)", "", verdict, "");
    }

    private static CheckReport report(OperationCheck... checks) {
        return new CheckReport("sandbox", "0xa11ce::perpetual_scripts", "test", false, List.of(checks));
    }
}
