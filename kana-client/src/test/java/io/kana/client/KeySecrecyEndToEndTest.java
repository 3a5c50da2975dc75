package io.kana.client;

import static io.kana.client.SandboxWallets.APT;
import static io.kana.client.SandboxWallets.HEX_A;
import static io.kana.client.SandboxWallets.KEY_A;
import static io.kana.client.SandboxWallets.SETTINGS;
import static io.kana.client.SandboxWallets.dec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.kana.core.error.InvalidRequestException;
import io.kana.core.error.KanaException;
import io.kana.core.error.PayloadRejectedException;
import io.kana.core.error.TransactionFailedException;
import io.kana.core.error.TransactionOutcomeUnknownException;
import io.kana.core.error.TransactionRejectedException;
import io.kana.core.model.CancelOrdersRequest;
import io.kana.core.model.Direction;
import io.kana.core.model.LimitOrderRequest;
import io.kana.core.model.OrderId;
import io.kana.core.model.OrderToCancel;
import io.kana.core.model.Side;
import io.kana.core.trading.KanaTrader;
import io.kana.sandbox.KanaSandbox;
import io.kana.sandbox.SandboxFaults;
import java.io.PrintWriter;
import java.net.URI;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The private key never shows in a client's or config's text, nor in any error of the trading flows. */
class KeySecrecyEndToEndTest {

    /** A third test key (bytes 0x41..0x60), for a wallet without gas money. */
    private static final String KEY_C =
            "ed25519-priv-0x4142434445464748494a4b4c4d4e4f505152535455565758595a5b5c5d5e5f60";
    /** Every form the keys could leak in: AIP-80, bare hex in either case, half of the hex. */
    private static final List<String> KEY_FORMS = List.of(KEY_A, HEX_A, HEX_A.toUpperCase(Locale.ROOT),
            HEX_A.substring(0, 32), HEX_A.substring(32), KEY_C.substring(15, 47), KEY_C.substring(47));

    @Test
    void noClientConfigOrSignerTextShowsTheKey() {
        try (KanaSandbox sandbox = KanaSandbox.builder().seed(31).start();
                KanaClient client = SandboxWallets.funded(sandbox, KEY_A, "10")) {
            List<String> texts = List.of(client.toString(), client.config().toString(),
                    client.config().privateKey().toString(), client.submitter().toString(),
                    client.trader().toString(), client.node().toString(), String.valueOf(client.config().withPrivateKey(
                            Secret.of(KEY_A))));

            texts.forEach(KeySecrecyEndToEndTest::assertKeyFree);
            assertThat(client.config().toString()).contains("<redacted>");
            assertThat(client.toString()).contains(client.wallet().hex());
        }
    }

    @Test
    void noErrorOfTheTradingFlowsShowsTheKey() {
        List<Throwable> errors = new ArrayList<>();
        try (KanaSandbox sandbox = KanaSandbox.builder().seed(32).start();
                KanaClient client = SandboxWallets.funded(sandbox, KEY_A, "10");
                KanaClient simulating = SandboxWallets.funded(sandbox, KEY_A, "0",
                        SandboxWallets.AWAIT.simulatingFirst(), SETTINGS)) {
            KanaTrader trader = client.trader();
            KanaTrader.join(trader.deposit(dec("5")));
            LimitOrderRequest tooLarge = LimitOrderRequest.of(APT, Side.LONG, Direction.OPEN, dec("100"), dec("4"), 1);

            errors.add(failure(trader.placeLimitOrder(LimitOrderRequest.of(APT, Side.LONG, Direction.OPEN,
                    dec("1.0001"), dec("4"), 1))));
            sandbox.tamperPayloads(p -> p.withFunction("0x1::coin::transfer"));
            errors.add(failure(trader.placeLimitOrder(tooLarge)));
            sandbox.tamperPayloads(UnaryOperator.identity());
            errors.add(failure(simulating.trader().placeLimitOrder(tooLarge)));
            errors.add(failure(trader.cancelMultipleOrders(new CancelOrdersRequest(APT,
                    List.of(new OrderToCancel(OrderId.of(42), Side.SHORT))))));
            try (KanaClient oneShot = KanaClient.builder(SandboxWallets.config(sandbox, KEY_A))
                    .submitterSettings(SETTINGS.withSubmitAttempts(1)).build()) {
                KanaTrader.join(oneShot.trader().deposit(dec("1")));
                // The submit's answer is lost and so is every look-up of the transaction.
                sandbox.faults().dropAnswerAfterSubmit(1.0).serviceUnavailable(SandboxFaults.Target.NODE_READS, 1.0);
                errors.add(failure(oneShot.trader().deposit(dec("1"))));
                sandbox.faults().reset();
            }
            try (KanaClient withoutGas = KanaClient.builder(SandboxWallets.config(sandbox, KEY_C))
                    .submitterSettings(SETTINGS).build()) {
                sandbox.fundWallet(withoutGas.wallet().hex(), dec("10"), 0);
                errors.add(failure(withoutGas.trader().deposit(dec("1"))));
            }
        }
        KanaConfig truncatedKey = KanaConfig.sandbox(URI.create("http://127.0.0.1:9/"),
                URI.create("http://127.0.0.1:9/v1"), "0xa11ce::perpetual_scripts", Secret.of(KEY_A.substring(0,
                        KEY_A.length() - 2)));
        errors.add(catchThrowable(() -> KanaClient.builder(truncatedKey).build()));

        assertThat(errors).hasAtLeastOneElementOfType(InvalidRequestException.class)
                .hasAtLeastOneElementOfType(PayloadRejectedException.class)
                .hasAtLeastOneElementOfType(TransactionFailedException.class)
                .hasAtLeastOneElementOfType(TransactionOutcomeUnknownException.class)
                .hasAtLeastOneElementOfType(TransactionRejectedException.class)
                .doesNotContainNull();
        errors.forEach(KeySecrecyEndToEndTest::assertKeyFree);
    }

    private static Throwable failure(java.util.concurrent.CompletableFuture<?> operation) {
        Throwable error = catchThrowable(() -> KanaTrader.join(operation));
        assertThat(error).isInstanceOf(KanaException.class);
        return error;
    }

    private static void assertKeyFree(Throwable error) {
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        assertKeyFree(trace.toString());
    }

    private static void assertKeyFree(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (String form : KEY_FORMS) {
            assertThat(lower).doesNotContain(form.toLowerCase(Locale.ROOT));
        }
    }
}
