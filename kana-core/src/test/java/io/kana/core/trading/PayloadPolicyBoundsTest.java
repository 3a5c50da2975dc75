package io.kana.core.trading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kana.core.contract.KanaContract;
import io.kana.core.contract.OperationContract;
import io.kana.core.error.PayloadRejectedException;
import io.kana.core.model.EntryFunctionPayload;
import io.kana.testsupport.CpuCost;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Payload arguments built to burn CPU in the comparison are refused as differences, cheaply. */
class PayloadPolicyBoundsTest {

    static final PayloadPolicy POLICY = PayloadPolicy.forModule("0xabc::perpetual_scripts");
    static final OperationContract COLLAPSE = KanaContract.standard().operation(TradeOperation.COLLAPSE_POSITION);

    static EntryFunctionPayload collapse(Object marketId) {
        return new EntryFunctionPayload("0xabc::perpetual_scripts::collapse_position", List.of(), List.of(marketId));
    }

    /** A decimal that fails the test if anything expands it into its digits. */
    static final class Untouchable extends BigDecimal {
        Untouchable(String text) {
            super(text);
        }

        @Override
        public BigInteger toBigIntegerExact() {
            throw new AssertionError("expanded " + this + " into its digits");
        }

        @Override
        public BigInteger toBigInteger() {
            throw new AssertionError("expanded " + this + " into its digits");
        }
    }

    @Test
    void aHugeExponentIsNeverExpanded() {
        assertThatThrownBy(() -> POLICY.verify(COLLAPSE, List.of(BigInteger.valueOf(1338)),
                collapse(new Untouchable("1e100000000")))).isInstanceOf(PayloadRejectedException.class)
                .hasMessageContaining("expected 1338");
    }

    @Test
    void aHugeExponentIsNoInteger() {
        EntryFunctionPayload hostile = collapse(new BigDecimal("1e100000000"));

        CpuCost cost = CpuCost.of(() -> POLICY.verify(COLLAPSE, List.of(BigInteger.valueOf(1338)), hostile));

        System.out.printf("bounds: payload argument 1e100000000 in the payload check -> %s after %s%n",
                cost.thrown().getClass().getSimpleName(), cost);
        assertThat(cost.thrown()).isInstanceOf(PayloadRejectedException.class).hasMessageContaining("expected 1338");
        assertThat(cost.time()).as("once ~90 s").isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void aMillionDigitsAreNoInteger() {
        String digits = "9".repeat(1_000_000);
        assertThatThrownBy(() -> POLICY.verify(COLLAPSE, List.of(BigInteger.valueOf(1338)),
                collapse(digits))).isInstanceOf(PayloadRejectedException.class).hasMessageContaining("expected 1338");
        assertThatThrownBy(() -> POLICY.verify(COLLAPSE, List.of(BigInteger.valueOf(1338)),
                collapse(new BigInteger(digits.substring(0, 5_000))))).isInstanceOf(PayloadRejectedException.class);
    }
}
