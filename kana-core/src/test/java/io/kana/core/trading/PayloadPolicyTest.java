package io.kana.core.trading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kana.core.error.InvalidRequestException;
import io.kana.core.error.PayloadRejectedException;
import io.kana.core.model.AccountAddress;
import io.kana.core.model.EntryFunctionPayload;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PayloadPolicyTest {

    static final AccountAddress TESTNET = AccountAddress.parse("0xabc");
    static final PayloadPolicy POLICY = PayloadPolicy.forPublisher(TESTNET);

    static EntryFunctionPayload collapse(Object marketId) {
        return new EntryFunctionPayload(TESTNET + "::perpetual_scripts::collapse_position", List.of(),
                Arrays.asList(marketId));
    }

    static EntryFunctionPayload addMargin(Object marketId, Object side, Object amount) {
        return new EntryFunctionPayload("0xabc::perpetual_scripts::add_margin", null, Arrays.asList(marketId, side, amount));
    }

    @Test
    void mainnetIsKanasPublishedModule() {
        assertThat(PayloadPolicy.MAINNET.moduleId())
                .isEqualTo("0x7a38039fffd016adcac2c53795ee49325e5ec6fddf3bf02651c09f9a583655a6::perpetual_scripts");
        assertThat(POLICY.moduleId()).isEqualTo(
                "0x0000000000000000000000000000000000000000000000000000000000000abc::perpetual_scripts");
        assertThat(new PayloadPolicy(TESTNET, "kana_v2").moduleName()).isEqualTo("kana_v2");
    }

    @Test
    void aModuleNameIsAMoveIdentifier() {
        assertThatThrownBy(() -> new PayloadPolicy(TESTNET, "perpetual scripts"))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("identifier");
        assertThatThrownBy(() -> new PayloadPolicy(TESTNET, "1module")).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> new PayloadPolicy(null, "m")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new PayloadPolicy(TESTNET, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void theShortFormOfTheModuleAddressIsTheSameModule() {
        assertThatCode(() -> POLICY.verify(TradeOperation.COLLAPSE_POSITION, List.of(BigInteger.valueOf(14)),
                new EntryFunctionPayload("0xABC::perpetual_scripts::collapse_position", List.of(), List.of("14"))))
                .doesNotThrowAnyException();
    }

    static List<Object> sameIntegerInAnyJsonForm() {
        return List.of("1338", 1338, 1338L, BigInteger.valueOf(1338), new BigDecimal("1338"), new BigDecimal("1338.000"),
                new BigDecimal("1.338E+3"), 1338.0d, (short) 1338);
    }

    @ParameterizedTest
    @MethodSource("sameIntegerInAnyJsonForm")
    void integersAreComparedByValue(Object marketId) {
        assertThatCode(() -> POLICY.verify(TradeOperation.COLLAPSE_POSITION, List.of(1338), collapse(marketId)))
                .doesNotThrowAnyException();
    }

    static List<Object> notThatInteger() {
        return Arrays.asList("1338.5", "+1338", "-1338", " 1338", "1_338", "0x53a", "", "abc", true, 1338.5d,
                new BigDecimal("1338.01"), 1339, null, List.of("1338"));
    }

    @ParameterizedTest
    @MethodSource("notThatInteger")
    void anythingElseIsNotThatInteger(Object marketId) {
        assertThatThrownBy(() -> POLICY.verify(TradeOperation.COLLAPSE_POSITION, List.of(1338), collapse(marketId)))
                .isInstanceOf(PayloadRejectedException.class)
                .hasMessageContaining("argument 1 (marketId) expected 1338, got ");
    }

    @Test
    void booleansAreTrueFalseAsWordsOrValues() {
        List<Object> expected = List.of(1338, true, 5);
        assertThatCode(() -> POLICY.verify(TradeOperation.ADD_MARGIN, expected, addMargin("1338", "true", "5")))
                .doesNotThrowAnyException();
        assertThatCode(() -> POLICY.verify(TradeOperation.ADD_MARGIN, expected, addMargin(1338, true, 5)))
                .doesNotThrowAnyException();
        for (Object notTrue : Arrays.asList("TRUE", "True", 1, "1", "yes", null, false, "false")) {
            assertThatThrownBy(() -> POLICY.verify(TradeOperation.ADD_MARGIN, expected, addMargin("1338", notTrue, "5")))
                    .as("%s", notTrue)
                    .isInstanceOf(PayloadRejectedException.class)
                    .hasMessageContaining("argument 2 (tradeSide) expected true");
        }
    }

    @Test
    void u128OrderIdsKeepEveryDigit() {
        BigInteger id = new BigInteger("340282366920938463463374607431768211455"); // 2^128 - 1
        List<Object> expected = List.of(1338, List.of(id), List.of(false));
        EntryFunctionPayload exact = new EntryFunctionPayload("0xabc::perpetual_scripts::cancel_multiple_orders",
                List.of(), List.of("1338", List.of(id.toString()), List.of("false")));
        EntryFunctionPayload asDouble = new EntryFunctionPayload("0xabc::perpetual_scripts::cancel_multiple_orders",
                List.of(), List.of("1338", List.of(id.doubleValue()), List.of("false")));

        assertThatCode(() -> POLICY.verify(TradeOperation.CANCEL_MULTIPLE_ORDERS, expected, exact))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> POLICY.verify(TradeOperation.CANCEL_MULTIPLE_ORDERS, expected, asDouble))
                .isInstanceOf(PayloadRejectedException.class).hasMessageContaining("element 0: expected " + id);
    }

    @Test
    void addressesAreComparedAsAddresses() {
        AccountAddress wallet = AccountAddress.parse("0x1f");
        List<Object> expected = List.of(wallet, 1);
        for (Object same : List.of("0x1f", "0x1F", wallet.hex())) {
            assertThatCode(() -> POLICY.verify(TradeOperation.DEPOSIT, expected, deposit(same)))
                    .doesNotThrowAnyException();
        }
        for (Object other : Arrays.asList("0x20", "1f", 31, null, "0xg")) {
            assertThatThrownBy(() -> POLICY.verify(TradeOperation.DEPOSIT, expected, deposit(other)))
                    .isInstanceOf(PayloadRejectedException.class)
                    .hasMessageContaining("argument 1 (wallet) expected " + wallet.hex());
        }
    }

    static EntryFunctionPayload deposit(Object wallet) {
        return new EntryFunctionPayload("0xabc::perpetual_scripts::deposit", List.of(), Arrays.asList(wallet, "1"));
    }

    @Test
    void longValuesAreShortenedInTheMessage() {
        String huge = "9".repeat(200);
        assertThatThrownBy(() -> POLICY.verify(TradeOperation.COLLAPSE_POSITION, List.of(1), collapse(huge)))
                .isInstanceOf(PayloadRejectedException.class)
                .hasMessageEndingWith("...")
                .hasMessageNotContaining(huge);
    }

    @Test
    void expectationsMustMatchTheOperation() {
        assertThatThrownBy(() -> POLICY.verify(TradeOperation.COLLAPSE_POSITION, List.of(1, 2), collapse("1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("takes 1 arguments, 2 expected");
        assertThatThrownBy(() -> POLICY.verify(TradeOperation.COLLAPSE_POSITION, List.of("1"), collapse("1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("java.lang.String");
        assertThatThrownBy(() -> POLICY.verify(TradeOperation.COLLAPSE_POSITION, List.of(1.5), collapse("1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("integer");
    }

    @Test
    void theOperationsMatchTheWireContract() {
        assertThat(TradeOperation.values()).extracting(TradeOperation::functionName).containsExactly(
                "deposit", "withdraw_specific_market", "place_limit_order", "place_market_order",
                "place_multiple_orders", "cancel_multiple_orders", "cancel_and_place_multiple_orders",
                "update_take_profit", "update_stop_loss", "add_margin", "collapse_position", "settle_pnl");
        assertThat(TradeOperation.PLACE_MULTIPLE_ORDERS.argumentNames()).hasSize(10);
        assertThat(TradeOperation.CANCEL_AND_PLACE_MULTIPLE_ORDERS.argumentNames()).hasSize(12)
                .endsWith("restrictions", "takeProfits", "stopLosses");
        assertThat(TradeOperation.SETTLE_PNL.argumentNames()).containsExactly("wallet", "marketId");
    }
}
