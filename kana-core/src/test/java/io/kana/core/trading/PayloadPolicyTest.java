package io.kana.core.trading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kana.core.contract.KanaContract;
import io.kana.core.contract.OperationContract;
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
    static final PayloadPolicy POLICY = PayloadPolicy.forModule("0xabc::perpetual_scripts");

    static OperationContract op(TradeOperation operation) {
        return KanaContract.standard().operation(operation);
    }

    static EntryFunctionPayload collapse(Object marketId) {
        return new EntryFunctionPayload(TESTNET + "::perpetual_scripts::collapse_position", List.of(),
                Arrays.asList(marketId));
    }

    static EntryFunctionPayload addMargin(Object marketId, Object side, Object amount) {
        return new EntryFunctionPayload("0xabc::perpetual_scripts::add_margin", null, Arrays.asList(marketId, side, amount));
    }

    @Test
    void aPolicyIsReadFromAModuleId() {
        assertThat(TraderFixture.MAINNET.moduleId())
                .isEqualTo("0x7a38039fffd016adcac2c53795ee49325e5ec6fddf3bf02651c09f9a583655a6::perpetual_scripts");
        assertThat(POLICY.moduleId()).isEqualTo(
                "0x0000000000000000000000000000000000000000000000000000000000000abc::perpetual_scripts");
        assertThat(new PayloadPolicy(TESTNET, "kana_v2").moduleName()).isEqualTo("kana_v2");
        assertThatThrownBy(() -> PayloadPolicy.forModule("0xabc")).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("<address>::<module>");
        assertThatThrownBy(() -> PayloadPolicy.forModule("0xabc::m::f")).isInstanceOf(InvalidRequestException.class);
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
        assertThatCode(() -> POLICY.verify(op(TradeOperation.COLLAPSE_POSITION), List.of(BigInteger.valueOf(14)),
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
        assertThatCode(() -> POLICY.verify(op(TradeOperation.COLLAPSE_POSITION), List.of(1338), collapse(marketId)))
                .doesNotThrowAnyException();
    }

    static List<Object> notThatInteger() {
        return Arrays.asList("1338.5", "+1338", "-1338", " 1338", "1_338", "0x53a", "", "abc", true, 1338.5d,
                new BigDecimal("1338.01"), 1339, null, List.of("1338"));
    }

    @ParameterizedTest
    @MethodSource("notThatInteger")
    void anythingElseIsNotThatInteger(Object marketId) {
        assertThatThrownBy(() -> POLICY.verify(op(TradeOperation.COLLAPSE_POSITION), List.of(1338), collapse(marketId)))
                .isInstanceOf(PayloadRejectedException.class)
                .hasMessageContaining("argument 1 (marketId) expected 1338, got ");
    }

    @Test
    void booleansAreTrueFalseAsWordsOrValues() {
        List<Object> expected = List.of(1338, true, 5);
        assertThatCode(() -> POLICY.verify(op(TradeOperation.ADD_MARGIN), expected, addMargin("1338", "true", "5")))
                .doesNotThrowAnyException();
        assertThatCode(() -> POLICY.verify(op(TradeOperation.ADD_MARGIN), expected, addMargin(1338, true, 5)))
                .doesNotThrowAnyException();
        for (Object notTrue : Arrays.asList("TRUE", "True", 1, "1", "yes", null, false, "false")) {
            assertThatThrownBy(() -> POLICY.verify(op(TradeOperation.ADD_MARGIN), expected, addMargin("1338", notTrue, "5")))
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

        assertThatCode(() -> POLICY.verify(op(TradeOperation.CANCEL_MULTIPLE_ORDERS), expected, exact))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> POLICY.verify(op(TradeOperation.CANCEL_MULTIPLE_ORDERS), expected, asDouble))
                .isInstanceOf(PayloadRejectedException.class).hasMessageContaining("element 0: expected " + id);
    }

    @Test
    void addressesAreComparedAsAddresses() {
        AccountAddress wallet = AccountAddress.parse("0x1f");
        List<Object> expected = List.of(wallet, 1);
        for (Object same : List.of("0x1f", "0x1F", wallet.hex())) {
            assertThatCode(() -> POLICY.verify(op(TradeOperation.DEPOSIT), expected, deposit(same)))
                    .doesNotThrowAnyException();
        }
        for (Object other : Arrays.asList("0x20", "1f", 31, null, "0xg")) {
            assertThatThrownBy(() -> POLICY.verify(op(TradeOperation.DEPOSIT), expected, deposit(other)))
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
        assertThatThrownBy(() -> POLICY.verify(op(TradeOperation.COLLAPSE_POSITION), List.of(1), collapse(huge)))
                .isInstanceOf(PayloadRejectedException.class)
                .hasMessageEndingWith("...")
                .hasMessageNotContaining(huge);
    }

    @Test
    void expectationsMustMatchTheOperation() {
        assertThatThrownBy(() -> POLICY.verify(op(TradeOperation.COLLAPSE_POSITION), List.of(1, 2), collapse("1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("takes 1 arguments, 2 expected");
        assertThatThrownBy(() -> POLICY.verify(op(TradeOperation.COLLAPSE_POSITION), List.of("1"), collapse("1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("java.lang.String");
        assertThatThrownBy(() -> POLICY.verify(op(TradeOperation.COLLAPSE_POSITION), List.of(1.5), collapse("1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("integer");
    }

    @Test
    void theFunctionIsOneTheContractAccepts() {
        List<Object> expected = List.of(AccountAddress.parse("0x1f"), 1338);
        EntryFunctionPayload settle = new EntryFunctionPayload("0xabc::perpetual_scripts::settle_pnl", List.of(),
                List.of("0x1f", "1338"));
        EntryFunctionPayload update = new EntryFunctionPayload("0xabc::perpetual_scripts::update_position", List.of(),
                List.of("0x1f", "1338"));
        EntryFunctionPayload other = new EntryFunctionPayload("0xabc::perpetual_scripts::settle", List.of(),
                List.of("0x1f", "1338"));

        assertThatCode(() -> POLICY.verify(op(TradeOperation.SETTLE_PNL), expected, settle)).doesNotThrowAnyException();
        assertThatCode(() -> POLICY.verify(op(TradeOperation.SETTLE_PNL), expected, update)).doesNotThrowAnyException();
        assertThatThrownBy(() -> POLICY.verify(op(TradeOperation.SETTLE_PNL), expected, other))
                .isInstanceOf(PayloadRejectedException.class)
                .hasMessageContaining("expected function one of [settle_pnl, update_position] for SETTLE_PNL, got settle");
    }

    @Test
    void aProvenNameIsTheOnlyNameAccepted() {
        EntryFunctionPayload renamed = new EntryFunctionPayload("0xabc::perpetual_scripts::deposit_v2", List.of(),
                List.of("0x1f", "1"));

        assertThatThrownBy(() -> POLICY.verify(op(TradeOperation.DEPOSIT), List.of(AccountAddress.parse("0x1f"), 1),
                renamed)).isInstanceOf(PayloadRejectedException.class)
                .hasMessageContaining("expected function deposit for DEPOSIT, got deposit_v2");
    }

    static List<Object> orderIdsThatLostPrecision() {
        BigInteger id = new BigInteger("11905620858892513160724480");
        return List.of(id.doubleValue(), new BigDecimal("1.190562085889251316072448E+25"), new BigDecimal(id + ".0"),
                (float) 123, 123.0d);
    }

    @ParameterizedTest
    @MethodSource("orderIdsThatLostPrecision")
    void anOrderIdArrivingAsAFloatIsRefusedEvenWhenItRoundsRight(Object id) {
        BigInteger expectedId = new BigDecimal(id.toString()).toBigInteger();
        List<Object> expected = List.of(1338, List.of(expectedId), List.of(true));
        EntryFunctionPayload payload = new EntryFunctionPayload("0xabc::perpetual_scripts::cancel_multiple_orders",
                List.of(), List.of("1338", List.of(id), List.of(true)));

        assertThatThrownBy(() -> POLICY.verify(op(TradeOperation.CANCEL_MULTIPLE_ORDERS), expected, payload))
                .isInstanceOf(PayloadRejectedException.class)
                .hasMessageContaining("argument 2 (orderIds) element 0: expected " + expectedId)
                .hasMessageContaining("precision was lost");
    }

    @Test
    void anOrderIdArrivingAsAnExactIntegerIsAccepted() {
        BigInteger id = new BigInteger("11905620858892513160724480");
        List<Object> expected = List.of(1338, List.of(id, id, id), List.of(true, true, true));
        EntryFunctionPayload payload = new EntryFunctionPayload("0xabc::perpetual_scripts::cancel_multiple_orders",
                List.of(), List.of("1338", List.of(id.toString(), id, new BigDecimal(id)), List.of(true, true, true)));

        assertThatCode(() -> POLICY.verify(op(TradeOperation.CANCEL_MULTIPLE_ORDERS), expected, payload))
                .doesNotThrowAnyException();
    }

    @Test
    void withdrawTakesTheSenderTheMarketAndTheAmount() {
        AccountAddress wallet = AccountAddress.parse("0x1f");
        List<Object> expected = List.of(wallet, 1338, 10_000_000);
        EntryFunctionPayload three = new EntryFunctionPayload("0xabc::perpetual_scripts::withdraw_specific_market",
                List.of(), List.of("0x1f", "1338", "10000000"));
        EntryFunctionPayload two = new EntryFunctionPayload("0xabc::perpetual_scripts::withdraw_specific_market",
                List.of(), List.of("1338", "10000000"));

        assertThatCode(() -> POLICY.verify(op(TradeOperation.WITHDRAW), expected, three)).doesNotThrowAnyException();
        assertThatThrownBy(() -> POLICY.verify(op(TradeOperation.WITHDRAW), expected, two))
                .isInstanceOf(PayloadRejectedException.class)
                .hasMessageContaining("expected 3 arguments [wallet, marketId, amount], got 2");
    }
}
