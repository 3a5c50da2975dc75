package io.kana.core.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.kana.core.contract.ContractVerdict.Status;
import io.kana.core.trading.TradeOperation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContractVerdictTest {

    static final KanaContract CONTRACT = KanaContract.standard();
    static final OperationContract CANCEL = CONTRACT.operation(TradeOperation.CANCEL_MULTIPLE_ORDERS);
    static final OperationContract SETTLE = CONTRACT.operation(TradeOperation.SETTLE_PNL);
    static final OperationContract WITHDRAW = CONTRACT.operation(TradeOperation.WITHDRAW);

    static Map<String, OnChainFunction> module(OnChainFunction... functions) {
        Map<String, OnChainFunction> byName = new HashMap<>();
        for (OnChainFunction function : functions) {
            byName.put(function.name(), function);
        }
        return byName;
    }

    static OnChainFunction entry(String name, String... types) {
        return new OnChainFunction(name, true, List.of(types), 0);
    }

    @Test
    void aProvenNameWithTheContractsTypesIsConfirmed() {
        ContractVerdict verdict = CANCEL.check(module(entry("cancel_multiple_orders", "u64", "vector<u128>", "vector<bool>"),
                entry("deposit", "address", "u64")));

        assertThat(verdict).isEqualTo(new ContractVerdict(TradeOperation.CANCEL_MULTIPLE_ORDERS, Status.CONFIRMED,
                "cancel_multiple_orders", "cancel_multiple_orders(u64, vector<u128>, vector<bool>)",
                "cancel_multiple_orders(u64, vector<u128>, vector<bool>)"));
        assertThat(verdict.confirmed()).isTrue();
    }

    @Test
    void typesAreComparedWithoutWhitespace() {
        assertThat(CANCEL.check(module(entry("cancel_multiple_orders", "u64", "vector< u128 >", "vector<bool>")))
                .status()).isEqualTo(Status.CONFIRMED);
    }

    @Test
    void aRenamedProvenFunctionIsMissing() {
        ContractVerdict verdict = CANCEL.check(module(entry("cancel_orders", "u64", "vector<u128>", "vector<bool>")));

        assertThat(verdict.status()).isEqualTo(Status.MISSING);
        assertThat(verdict.function()).isEqualTo("cancel_multiple_orders");
        assertThat(verdict.onChainSignature()).isEmpty();
        assertThat(verdict.confirmed()).isFalse();
    }

    @Test
    void anAddedParameterIsAMismatch() {
        ContractVerdict verdict = CANCEL.check(module(
                entry("cancel_multiple_orders", "u64", "vector<u128>", "vector<bool>", "u64")));

        assertThat(verdict.status()).isEqualTo(Status.MISMATCH);
        assertThat(verdict.onChainSignature()).isEqualTo("cancel_multiple_orders(u64, vector<u128>, vector<bool>, u64)");
        assertThat(verdict.expectedSignature()).isEqualTo("cancel_multiple_orders(u64, vector<u128>, vector<bool>)");
    }

    @Test
    void reorderedParametersAreAMismatch() {
        assertThat(CANCEL.check(module(entry("cancel_multiple_orders", "u64", "vector<bool>", "vector<u128>"))).status())
                .isEqualTo(Status.MISMATCH);
    }

    @Test
    void aGenericFunctionIsAMismatch() {
        ContractVerdict verdict = CANCEL.check(module(new OnChainFunction("cancel_multiple_orders", true,
                List.of("u64", "vector<u128>", "vector<bool>"), 1)));

        assertThat(verdict.status()).isEqualTo(Status.MISMATCH);
        assertThat(verdict.onChainSignature()).isEqualTo("cancel_multiple_orders<T0>(u64, vector<u128>, vector<bool>)");
    }

    @Test
    void aFunctionThatIsNotEntryIsAMismatch() {
        ContractVerdict verdict = CANCEL.check(module(new OnChainFunction("cancel_multiple_orders", false,
                List.of("u64", "vector<u128>", "vector<bool>"), 0)));

        assertThat(verdict.status()).isEqualTo(Status.MISMATCH);
        assertThat(verdict.onChainSignature()).endsWith("[not entry]");
    }

    @Test
    void anUnprovenNameIsConfirmedByAnyCandidateWithTheContractsTypes() {
        ContractVerdict verdict = SETTLE.check(module(entry("update_position", "address", "u64")));

        assertThat(verdict.status()).isEqualTo(Status.CONFIRMED);
        assertThat(verdict.function()).isEqualTo("update_position");
        assertThat(verdict.expectedSignature()).isEqualTo("update_position(address, u64)");
    }

    @Test
    void theFirstConfirmingCandidateWinsOverOneWithOtherTypes() {
        ContractVerdict verdict = WITHDRAW.check(module(entry("withdraw_specific_market", "u64", "u64"),
                entry("withdraw", "address", "u64", "u64")));

        assertThat(verdict.status()).isEqualTo(Status.CONFIRMED);
        assertThat(verdict.function()).isEqualTo("withdraw");
    }

    @Test
    void anUnprovenCandidateWithOtherTypesIsAMismatch() {
        ContractVerdict verdict = WITHDRAW.check(module(entry("withdraw_from_market", "u64", "u64")));

        assertThat(verdict.status()).isEqualTo(Status.MISMATCH);
        assertThat(verdict.function()).isEqualTo("withdraw_from_market");
        assertThat(verdict.onChainSignature()).isEqualTo("withdraw_from_market(u64, u64)");
    }

    @Test
    void noCandidateAtAllIsMissingUnderTheLikeliestName() {
        ContractVerdict verdict = SETTLE.check(module(entry("settle", "address", "u64")));

        assertThat(verdict.status()).isEqualTo(Status.MISSING);
        assertThat(verdict.function()).isEqualTo("settle_pnl");
        assertThat(verdict.expectedSignature()).isEqualTo("settle_pnl(address, u64)");
    }

    @Test
    void candidatesAreAcceptedOnlyByName() {
        assertThat(SETTLE.accepts("update_position")).isTrue();
        assertThat(SETTLE.accepts("settle_pnl")).isTrue();
        assertThat(SETTLE.accepts("settle")).isFalse();
        assertThat(SETTLE.likeliestFunction()).isEqualTo("settle_pnl");
    }
}
