package io.kana.core.trading;

import static io.kana.core.trading.TraderFixture.MAINNET;
import static io.kana.core.trading.TraderFixture.MODULE;
import static io.kana.core.trading.TraderFixture.done;
import static io.kana.core.trading.TraderFixture.failure;
import static org.assertj.core.api.Assertions.assertThat;

import io.kana.core.contract.OnChainFunction;
import io.kana.core.error.ContractMismatchException;
import io.kana.core.model.MarketId;
import io.kana.core.model.TestMarkets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link PayloadSource#LOCAL}: only a function the chain confirms unambiguously is ever built locally. */
class PayloadSourceLocalTest {

    private static final MarketId APT = MarketId.of(1338);

    private final FakeMarkets markets = new FakeMarkets(TestMarkets.apt(), TestMarkets.btc());
    private final FakePayloads payloads = new FakePayloads();
    private final FakeSubmitter submitter = new FakeSubmitter();
    private final FakeModuleInterfaces chain = new FakeModuleInterfaces();
    private final KanaTrader trader = KanaTrader.builder().markets(markets).payloads(payloads).submitter(submitter)
            .moduleInterfaces(chain).payloadPolicy(MAINNET).executor(Runnable::run)
            .payloadSource(PayloadSource.LOCAL).execution(Execution.SUBMIT_ONLY).build();

    @Test
    void theOneConfirmedCandidateIsBuiltWithoutAskingTheTradeApi() throws Exception {
        // The chain has update_position, not the contract's likeliest settle_pnl.
        chain.remove("settle_pnl").put(new OnChainFunction("update_position", true, List.of("address", "u64"), 0));

        TradeResult result = done(trader.settlePnl(APT));

        assertThat(result.payload().function()).isEqualTo(MODULE + "::update_position");
        assertThat(result.payload().functionArguments()).containsExactly(FakeSubmitter.WALLET.hex(), "1338");
        assertThat(submitter.submitted).containsExactly(result.payload());
        assertThat(payloads.calls).isEmpty();
    }

    @Test
    void twoConfirmedCandidatesAreNotGuessedBetween() {
        chain.put(new OnChainFunction("update_position", true, List.of("address", "u64"), 0));

        Throwable refused = failure(trader.settlePnl(APT));

        assertThat(refused).isInstanceOf(ContractMismatchException.class)
                .hasMessageContaining("several candidates [settle_pnl, update_position]");
        assertThat(((ContractMismatchException) refused).effectMayExist()).isFalse();
        assertThat(submitter.submitted).isEmpty();
        assertThat(payloads.calls).isEmpty();
    }

    @Test
    void aCandidateWithOtherTypesIsNotConfirmed() {
        chain.put(new OnChainFunction("settle_pnl", true, List.of("u64", "address"), 0));

        assertThat(failure(trader.settlePnl(APT))).isInstanceOf(ContractMismatchException.class)
                .hasMessageContaining("confirms none of");
        assertThat(submitter.submitted).isEmpty();
    }
}
