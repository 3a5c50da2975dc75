package io.kana.aptos.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.kana.core.model.MoveAbort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MoveAbortsTest {

    @Test
    void readsModuleCodeNameCodeAndReason() {
        assertThat(MoveAborts.parse("Move abort in 0x1::coin: EINSUFFICIENT_BALANCE(0x10006): Not enough coins"))
                .isEqualTo(new MoveAbort("0x1::coin", "EINSUFFICIENT_BALANCE", 65542, "Not enough coins"));
    }

    @Test
    void keepsColonsAndPunctuationInsideTheReason() {
        assertThat(MoveAborts.parse("Move abort in 0x6a0b1f::perpetual_core: EPRICE(0x1): price: too far (>5%)"))
                .isEqualTo(new MoveAbort("0x6a0b1f::perpetual_core", "EPRICE", 1, "price: too far (>5%)"));
    }

    @Test
    void anEmptyReasonIsNull() {
        assertThat(MoveAborts.parse("Move abort in 0x1::m: ECODE(0x3): ").reason()).isNull();
    }

    @Test
    void readsTheFormWithoutACodeName() {
        assertThat(MoveAborts.parse("Move abort in 0xabc::market: 0x1"))
                .isEqualTo(new MoveAbort("0xabc::market", null, 1, null));
    }

    @Test
    void readsAScriptAbort() {
        assertThat(MoveAborts.parse("Move abort: code 0x2a")).isEqualTo(new MoveAbort("script", null, 42, null));
    }

    @Test
    void readsTheOlderAbortedForm() {
        assertThat(MoveAborts.parse("ABORTED { code: 65542, location: 00000000000000000000000000000001::coin }"))
                .isEqualTo(new MoveAbort("0x00000000000000000000000000000001::coin", null, 65542, null));
        assertThat(MoveAborts.parse("ABORTED")).isNull();
    }

    @Test
    void aU64CodeAboveLongRangeKeepsItsBits() {
        MoveAbort abort = MoveAborts.parse("Move abort in 0x1::m: 0xffffffffffffffff");
        assertThat(Long.toUnsignedString(abort.code())).isEqualTo("18446744073709551615");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Executed successfully", "Out of gas", "",
            "Execution failed in 0x1::m::f at code offset 3", "Move abort in 0x1::m: 0x1ffffffffffffffff"})
    void anythingElseIsNotAnAbort(String vmStatus) {
        assertThat(MoveAborts.parse(vmStatus)).isNull();
    }
}
