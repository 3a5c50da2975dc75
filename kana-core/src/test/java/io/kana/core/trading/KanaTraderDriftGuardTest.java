package io.kana.core.trading;

import static io.kana.core.trading.TraderFixture.WALLET;
import static io.kana.core.trading.TraderFixture.done;
import static io.kana.core.trading.TraderFixture.failure;
import static io.kana.core.trading.TraderFixture.kana;
import static org.assertj.core.api.Assertions.assertThat;

import io.kana.core.contract.KanaContract;
import io.kana.core.contract.OnChainFunction;
import io.kana.core.error.ContractMismatchException;
import io.kana.core.error.KanaTransportException;
import io.kana.core.error.PayloadRejectedException;
import io.kana.core.model.AccountAddress;
import io.kana.core.model.CancelOrdersRequest;
import io.kana.core.model.MarketId;
import io.kana.core.model.OrderId;
import io.kana.core.model.OrderToCancel;
import io.kana.core.model.Side;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Before the first signature of each operation and function, the chain's ABI must confirm the
 * contract; when it does not, nothing is signed (the fake submitter signs and submits in one call,
 * so its counts are the signatures) and nothing is submitted.
 */
class KanaTraderDriftGuardTest {

    static final MarketId APT = MarketId.of(1338);
    static final AccountAddress MAINNET_PUBLISHER =
            AccountAddress.parse("0x7a38039fffd016adcac2c53795ee49325e5ec6fddf3bf02651c09f9a583655a6");

    final TraderFixture f = new TraderFixture();

    @Test
    void aConfirmedOperationIsSignedOnceAndTheAbiIsReadOncePerOperation() throws Exception {
        f.answering(kana("collapse_position", "1338"));

        done(f.trader.collapsePosition(APT));
        done(f.trader.collapsePosition(APT));
        done(f.trader.collapsePosition(APT));

        assertThat(f.submitter.submitted).hasSize(3);
        assertThat(f.chain.questions).containsExactly(
                new FakeModuleInterfaces.Question(MAINNET_PUBLISHER, "perpetual_scripts"));

        f.answering(kana("settle_pnl", WALLET, "1338"));
        done(f.trader.settlePnl(APT));
        assertThat(f.chain.questions).as("another operation is checked on its own").hasSize(2);
    }

    @Test
    void aRenamedFunctionIsRefusedBeforeSigning() {
        f.chain.remove("collapse_position").put(new OnChainFunction("close_position", true, List.of("u64"), 0));
        f.answering(kana("collapse_position", "1338"));

        Throwable thrown = failure(f.trader.collapsePosition(APT));

        assertThat(thrown).isInstanceOf(ContractMismatchException.class)
                .hasMessageContaining("COLLAPSE_POSITION: the contract expects collapse_position(u64), the chain has "
                        + "no such function");
        ContractMismatchException mismatch = (ContractMismatchException) thrown;
        assertThat(mismatch.operation()).isEqualTo("COLLAPSE_POSITION");
        assertThat(mismatch.expectedSignature()).isEqualTo("collapse_position(u64)");
        assertThat(mismatch.onChainSignature()).isEmpty();
        assertThat(mismatch.effectMayExist()).isFalse();
        f.assertNothingSubmitted();
    }

    @Test
    void anAddedParameterIsRefusedBeforeSigning() {
        f.chain.put(new OnChainFunction("withdraw_specific_market", true, List.of("address", "u64", "u64", "bool"), 0));
        f.answering(kana("withdraw_specific_market", WALLET, "1338", "10000000"));

        Throwable thrown = failure(f.trader.withdraw(APT, new BigDecimal("10")));

        assertThat(thrown).isInstanceOf(ContractMismatchException.class);
        assertThat(((ContractMismatchException) thrown).onChainSignature())
                .isEqualTo("withdraw_specific_market(address, u64, u64, bool)");
        assertThat(((ContractMismatchException) thrown).expectedSignature())
                .isEqualTo("withdraw_specific_market(address, u64, u64)");
        assertThat(f.submitter.submitted).hasSize(0);
        assertThat(f.submitter.simulated).hasSize(0);
    }

    @Test
    void reorderedParametersAreRefusedBeforeSigning() {
        f.chain.put(new OnChainFunction("cancel_multiple_orders", true, List.of("u64", "vector<bool>", "vector<u128>"), 0));
        f.answering(kana("cancel_multiple_orders", "1338", List.of("5"), List.of("true")));

        Throwable thrown = failure(f.trader.cancelMultipleOrders(
                new CancelOrdersRequest(APT, List.of(new OrderToCancel(OrderId.of(5), Side.LONG)))));

        assertThat(thrown).isInstanceOf(ContractMismatchException.class)
                .hasMessageContaining("the chain has cancel_multiple_orders(u64, vector<bool>, vector<u128>)");
        f.assertNothingSubmitted();
    }

    @Test
    void aGenericOrNonEntryFunctionIsRefused() {
        f.chain.put(new OnChainFunction("collapse_position", true, List.of("u64"), 1));
        f.answering(kana("collapse_position", "1338"));
        assertThat(failure(f.trader.collapsePosition(APT))).isInstanceOf(ContractMismatchException.class)
                .hasMessageContaining("collapse_position<T0>(u64)");

        f.chain.put(new OnChainFunction("collapse_position", false, List.of("u64"), 0));
        assertThat(failure(f.trader.collapsePosition(APT))).isInstanceOf(ContractMismatchException.class)
                .hasMessageContaining("[not entry]");
        f.assertNothingSubmitted();
    }

    @Test
    void aMismatchIsNotRememberedSoAFixedChainIsAskedAgain() throws Exception {
        f.chain.put(new OnChainFunction("collapse_position", true, List.of("u128"), 0));
        f.answering(kana("collapse_position", "1338"));
        assertThat(failure(f.trader.collapsePosition(APT))).isInstanceOf(ContractMismatchException.class);

        f.chain.put(new OnChainFunction("collapse_position", true, List.of("u64"), 0));
        done(f.trader.collapsePosition(APT));

        assertThat(f.chain.questions).hasSize(2);
        assertThat(f.submitter.submitted).hasSize(1);
    }

    @Test
    void anUnprovenCandidateIsSignedOnlyWhenTheChainConfirmsThatVeryFunction() throws Exception {
        // The chain has update_position, not settle_pnl: a payload calling settle_pnl is refused...
        f.chain.remove("settle_pnl").put(new OnChainFunction("update_position", true, List.of("address", "u64"), 0));
        f.answering(kana("settle_pnl", WALLET, "1338"));
        assertThat(failure(f.trader.settlePnl(APT))).isInstanceOf(ContractMismatchException.class)
                .hasMessageContaining("has no function settle_pnl");
        f.assertNothingSubmitted();

        // ...and one calling update_position is signed.
        f.answering(kana("update_position", WALLET, "1338"));
        done(f.trader.settlePnl(APT));
        assertThat(f.submitter.submitted).hasSize(1);
    }

    @Test
    void anUnreadableAbiFailsBeforeSigning() {
        f.chain.failure = new KanaTransportException("module ABI", "node down", null);
        f.answering(kana("collapse_position", "1338"));

        Throwable thrown = failure(f.trader.collapsePosition(APT));

        assertThat(thrown).isInstanceOf(KanaTransportException.class).hasMessageContaining("node down");
        assertThat(((KanaTransportException) thrown).effectMayExist()).isFalse();
        f.assertNothingSubmitted();
    }

    @Test
    void aReplacedContractDrivesTheArgumentsTheFunctionAndTheGuard() throws Exception {
        String text = java.nio.file.Files.readString(java.nio.file.Path.of("..", "contract", "kana-perps.contract"))
                .replace("function unproven collapse_position", "function proven close_market")
                .replace("  endpoint GET /collapsePosition marketId\n", "  endpoint GET /collapsePosition marketId\n"
                        + "  arg address owner sender\n");
        KanaContract contract = KanaContract.parse(text, "replaced.contract");
        FakeModuleInterfaces chain = new FakeModuleInterfaces(contract);
        KanaTrader trader = KanaTrader.builder().markets(f.markets).payloads(f.payloads).submitter(f.submitter)
                .moduleInterfaces(chain).payloadPolicy(TraderFixture.MAINNET).contract(contract)
                .executor(Runnable::run).build();

        f.answering(kana("collapse_position", "1338"));
        assertThat(failure(trader.collapsePosition(APT))).isInstanceOf(PayloadRejectedException.class)
                .hasMessageContaining("expected function close_market");

        f.answering(kana("close_market", WALLET, "1338"));
        TradeResult result = done(trader.collapsePosition(APT));

        assertThat(result.payload().functionName()).isEqualTo("close_market");
        assertThat(trader.contract()).isSameAs(contract);
        assertThat(f.submitter.submitted).hasSize(1);
    }

    @Test
    void anOrderIdThatArrivesAsAFloatIsRefusedBecausePrecisionWasLost() {
        BigInteger id = new BigInteger("11905620858892513160724480");
        f.answering(kana("cancel_multiple_orders", "1338", List.of(id.doubleValue()), List.of("true")));

        Throwable thrown = failure(f.trader.cancelMultipleOrders(
                new CancelOrdersRequest(APT, List.of(new OrderToCancel(OrderId.parse(id.toString()), Side.LONG)))));

        assertThat(thrown).isInstanceOf(PayloadRejectedException.class).hasMessageContaining("precision was lost");
        f.assertNothingSubmitted();
    }
}
