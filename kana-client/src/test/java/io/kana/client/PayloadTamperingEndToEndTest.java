package io.kana.client;

import static io.kana.client.SandboxWallets.APT;
import static io.kana.client.SandboxWallets.KEY_A;
import static io.kana.client.SandboxWallets.dec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kana.core.error.PayloadRejectedException;
import io.kana.core.model.CancelOrdersRequest;
import io.kana.core.model.Direction;
import io.kana.core.model.LimitOrderRequest;
import io.kana.core.model.OrderId;
import io.kana.core.model.OrderToCancel;
import io.kana.core.model.Side;
import io.kana.core.trading.KanaTrader;
import io.kana.core.trading.TradeResult;
import io.kana.sandbox.KanaSandbox;
import io.kana.sandbox.SandboxPayload;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A trade API that answers a payload other than the one asked for (a compromised or buggy server,
 * simulated by the sandbox's tampering hook) gets a {@link PayloadRejectedException}: nothing is
 * simulated, signed or submitted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PayloadTamperingEndToEndTest {

    private static final String ATTACKER = "0x" + "ee".repeat(32);
    private static final LimitOrderRequest ORDER =
            LimitOrderRequest.of(APT, Side.LONG, Direction.OPEN, dec("1.5"), dec("4.5"), 2);

    private KanaSandbox sandbox;
    private KanaClient client;

    @BeforeAll
    void start() {
        sandbox = KanaSandbox.builder().seed(5).start();
        client = SandboxWallets.warmedUp(sandbox, KEY_A, ORDER);
    }

    @AfterAll
    void stop() {
        client.close();
        sandbox.close();
    }

    @BeforeEach
    void resetCounts() {
        sandbox.resetRequestCounts();
    }

    @AfterEach
    void stopTampering() {
        sandbox.tamperPayloads(UnaryOperator.identity());
    }

    static Stream<Arguments> tamperedLimitOrders() {
        return Stream.of(
                tampered("a coin transfer to another account", "0x1::coin (an Aptos framework module)",
                        p -> p.withFunction("0x1::coin::transfer").withTypeArguments(List.of("0x1::aptos_coin::AptosCoin"))
                                .withArguments(List.of(ATTACKER, "100000000"))),
                tampered("a transfer through the Aptos account module", "0x1::aptos_account",
                        p -> p.withFunction("0x1::aptos_account::transfer").withArguments(List.of(ATTACKER, "1"))),
                tampered("the same function published at another address", "only functions of",
                        p -> p.withFunction(ATTACKER + "::perpetual_scripts::place_limit_order")),
                tampered("another function of Kana's module", "expected function place_limit_order",
                        p -> p.withFunction(p.function().replace("place_limit_order", "place_market_order"))),
                tampered("another market", "argument 1 (marketId) expected 1338, got \"1339\"",
                        p -> p.withArgument(0, "1339")),
                tampered("the other side", "argument 2 (tradeSide) expected true, got \"false\"",
                        p -> p.withArgument(1, "false")),
                tampered("a closing order", "argument 3 (direction)",
                        p -> p.withArgument(2, "true")),
                tampered("ten times the size", "argument 4 (size) expected 1500, got \"15000\"",
                        p -> p.withArgument(3, "15000")),
                tampered("another price", "argument 5 (price) expected 4500",
                        p -> p.withArgument(4, "9000")),
                tampered("more leverage", "argument 6 (leverage) expected 2",
                        p -> p.withArgument(5, "20")),
                tampered("a stop loss nobody asked for", "argument 9 (stopLoss) expected 0",
                        p -> p.withArgument(8, "1")),
                tampered("type arguments", "expected no type arguments",
                        p -> p.withTypeArguments(List.of("0x1::aptos_coin::AptosCoin"))),
                tampered("an extra argument", "expected 9 arguments",
                        p -> {
                            List<Object> more = new ArrayList<>(p.functionArguments());
                            more.add("1");
                            return p.withArguments(more);
                        }));
    }

    private static Arguments tampered(String name, String reason, UnaryOperator<SandboxPayload> tamper) {
        return Arguments.of(name, reason, tamper);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tamperedLimitOrders")
    void aTamperedLimitOrderIsNeverSigned(String name, String reason, UnaryOperator<SandboxPayload> tamper) {
        sandbox.tamperPayloads(tamper);

        assertRefused(t -> t.placeLimitOrder(ORDER), reason);

        assertThat(sandbox.requestCounts()).isEqualTo(Map.of("/placeLimitOrder", 1L));
    }

    @Test
    void aDepositRedirectedToAnotherWalletIsNeverSigned() {
        sandbox.tamperPayloads(p -> p.withArgument(0, ATTACKER));

        assertRefused(t -> t.deposit(dec("10")), "argument 1 (wallet) expected " + client.wallet());

        assertThat(sandbox.requestCounts()).isEqualTo(Map.of("/deposit", 1L));
    }

    @Test
    void aCancelOfOtherOrdersIsNeverSigned() {
        sandbox.tamperPayloads(p -> p.withArgument(1, List.of("7", "8")).withArgument(2, List.of("true", "true")));

        assertRefused(t -> t.cancelMultipleOrders(new CancelOrdersRequest(APT,
                        List.of(new OrderToCancel(OrderId.of(7), Side.LONG)))),
                "argument 2 (orderIds) expected 1 elements [7], got 2");

        assertThat(sandbox.requestCounts()).isEqualTo(Map.of("/cancelMultipleOrders", 1L));
    }

    @Test
    void theTraderSignsAgainOnceThePayloadsAreHonest() {
        sandbox.tamperPayloads(p -> p.withArgument(0, "1339"));
        assertRefused(t -> t.placeLimitOrder(ORDER), "marketId");
        BigInteger before = client.node().account(client.wallet().address()).sequenceNumber();
        sandbox.tamperPayloads(UnaryOperator.identity());

        TradeResult placed = KanaTrader.join(client.trader().placeLimitOrder(ORDER));

        assertThat(placed.sequenceNumber()).isEqualTo(before);
        assertThat(placed.committed()).isTrue();
    }

    private void assertRefused(Function<KanaTrader, CompletableFuture<TradeResult>> call, String reason) {
        assertThatThrownBy(() -> KanaTrader.join(call.apply(client.trader())))
                .isInstanceOfSatisfying(PayloadRejectedException.class,
                        e -> assertThat(e.effectMayExist()).isFalse())
                .hasMessageStartingWith("refusing to sign payload ")
                .hasMessageContaining(reason);
    }
}
