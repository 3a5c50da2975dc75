package io.kana.core.trading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.kana.core.contract.KanaContract;
import io.kana.core.model.EntryFunctionPayload;
import io.kana.core.model.TestMarkets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A trader over in-memory ports (APT 1338 and BTC 1339 known), running its stages on the calling thread. */
final class TraderFixture {

    static final String MODULE = "0x7a38039fffd016adcac2c53795ee49325e5ec6fddf3bf02651c09f9a583655a6::perpetual_scripts";
    static final String WALLET = FakeSubmitter.WALLET.hex();

    final FakeMarkets markets = new FakeMarkets(TestMarkets.apt(), TestMarkets.btc());
    final FakePayloads payloads = new FakePayloads();
    static final PayloadPolicy MAINNET = PayloadPolicy.forModule(KanaContract.standard().moduleId("mainnet").orElseThrow());

    final FakeSubmitter submitter = new FakeSubmitter();
    final FakeModuleInterfaces chain = new FakeModuleInterfaces();
    final KanaTrader trader = KanaTrader.builder()
            .markets(markets)
            .payloads(payloads)
            .submitter(submitter)
            .moduleInterfaces(chain)
            .payloadPolicy(MAINNET)
            .executor(Runnable::run)
            .build();

    /** A payload of Kana's mainnet module, as the trade API returns it. */
    static EntryFunctionPayload kana(String function, Object... arguments) {
        return new EntryFunctionPayload(MODULE + "::" + function, List.of(), Arrays.asList(arguments));
    }

    /** Sets the payload the API answers with. */
    TraderFixture answering(EntryFunctionPayload payload) {
        payloads.answer(payload);
        return this;
    }

    /** The operation's result; fails the test if the future does not complete at once or fails. */
    static TradeResult done(CompletableFuture<TradeResult> future) throws Exception {
        return future.get(5, TimeUnit.SECONDS);
    }

    /** The exception the future failed with: the KanaException itself, not a wrapper. */
    static Throwable failure(CompletableFuture<?> future) {
        Throwable thrown = catchThrowable(() -> future.get(5, TimeUnit.SECONDS));
        assertThat(thrown).as("the operation should have failed").isNotNull();
        assertThat(future).isCompletedExceptionally();
        return thrown.getCause();
    }

    void assertNothingSubmitted() {
        assertThat(submitter.submitted).as("submitted").isEmpty();
        assertThat(submitter.simulated).as("simulated").isEmpty();
    }
}
