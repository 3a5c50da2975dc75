package io.kana.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Provides;
import com.google.inject.ProvisionException;
import com.google.inject.util.Modules;
import io.kana.aptos.keys.Ed25519WalletSigner;
import io.kana.core.error.InvalidRequestException;
import io.kana.core.model.BookSnapshot;
import io.kana.core.model.Direction;
import io.kana.core.model.LimitOrderRequest;
import io.kana.core.model.MarketId;
import io.kana.core.model.Side;
import io.kana.core.port.Markets;
import io.kana.core.port.Orders;
import io.kana.core.port.TransactionPayloads;
import io.kana.core.port.TransactionSubmitter;
import io.kana.core.port.WalletSigner;
import io.kana.core.stream.Feed;
import io.kana.core.stream.StreamEvent;
import io.kana.core.trading.KanaTrader;
import io.kana.core.trading.TradeResult;
import io.kana.sandbox.KanaSandbox;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.net.URI;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import java.time.Duration;
import io.kana.core.trading.Execution;
import org.junit.jupiter.api.Test;

class KanaClientWiringTest {

    /** A test-only key (the Aptos SDK's 0x01..0x20 pattern); worthless anywhere else. */
    private static final String TEST_KEY = "ed25519-priv-0x0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20";
    private static final MarketId APT = MarketId.of(1338);

    private KanaSandbox sandbox;

    @BeforeEach
    void startSandbox() {
        sandbox = KanaSandbox.builder().seed(11).start();
    }

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    private KanaConfig config(Secret key) {
        return KanaConfig.sandbox(URI.create(sandbox.apiUrl()), URI.create(sandbox.nodeUrl()),
                sandbox.moduleId(), key);
    }

    @Test
    void theBuilderAssemblesAClientThatTradesOnTheSandbox() {
        try (KanaClient kana = KanaClient.builder(config(Secret.of(TEST_KEY))).build()) {
            sandbox.fundWallet(kana.wallet().hex(), new BigDecimal("1000"));
            KanaTrader.join(kana.trader().deposit(new BigDecimal("100")));

            TradeResult placed = KanaTrader.join(kana.trader().placeLimitOrder(
                    LimitOrderRequest.of(APT, Side.LONG, Direction.OPEN, new BigDecimal("1.5"), new BigDecimal("4.2"), 2)));

            assertThat(placed.committed()).isTrue();
            assertThat(placed.outcome().success()).isTrue();
            assertThat(kana.orders().openOrders(kana.wallet(), APT))
                    .singleElement()
                    .satisfies(order -> {
                        assertThat(order.size()).isEqualByComparingTo("1.5");
                        assertThat(order.price()).isEqualByComparingTo("4.2");
                        assertThat(order.side()).contains(Side.LONG);
                    });
            assertThat(kana.toString()).contains(kana.wallet().hex()).doesNotContain("0102030405060708");
        }
    }

    @Test
    void aCustomWalletSignerReplacesTheConfiguredKey() {
        byte[] seed = HexFormat.of().parseHex("9bf49a6a0755f953811fce125f2683d50429c3bb49e074147e0089a52eae155f");
        WalletSigner custody = Ed25519WalletSigner.fromSeed(seed);
        try (KanaClient kana = KanaClient.builder(config(null)).wallet(custody).build()) {
            assertThat(kana.canTrade()).isTrue();
            assertThat(kana.wallet().address()).isEqualTo(custody.address());
            assertThat(kana.submitter().sender()).isEqualTo(custody.address());
        }
    }

    @Test
    void withoutAKeyTheClientReadsButRefusesToTrade() {
        try (KanaClient kana = KanaClient.builder(config(null)).build()) {
            assertThat(kana.canTrade()).isFalse();
            assertThat(kana.markets().market(APT).baseName()).isEqualTo("APT/USDC");
            assertThatThrownBy(kana::trader).isInstanceOf(KanaConfigException.class)
                    .hasMessageContaining("KANA_PRIVATE_KEY");
        }
    }

    @Test
    void tradingOnANetworkWithoutAPinnedModuleNamesTheVariableToSet() {
        // The contract names modules for mainnet and testnet only.
        KanaConfig unpinned = new KanaConfig(KanaNetwork.SANDBOX, URI.create(sandbox.apiUrl()),
                URI.create(sandbox.nodeUrl()), null, null, Secret.of(TEST_KEY));
        assertThatThrownBy(() -> KanaClient.builder(unpinned).build())
                .isInstanceOf(KanaConfigException.class)
                .hasMessageContaining("KANA_MODULE")
                .satisfies(e -> assertThat(((KanaConfigException) e).setting()).isEqualTo("KANA_MODULE"));
    }

    @Test
    void guiceBindsTheSameGraphAsTheBuilder() {
        Injector injector = Guice.createInjector(new KanaModule(config(Secret.of(TEST_KEY))));
        KanaClient client = injector.getInstance(KanaClient.class);
        try (client) {
            assertThat(injector.getInstance(KanaClient.class)).isSameAs(client);
            assertThat(injector.getInstance(Markets.class)).isSameAs(client.markets());
            assertThat(injector.getInstance(Orders.class)).isSameAs(client.orders());
            assertThat(injector.getInstance(TransactionSubmitter.class)).isSameAs(client.submitter());
            KanaTrader trader = injector.getInstance(KanaTrader.class);
            assertThat(trader).isSameAs(client.trader());

            sandbox.fundWallet(client.wallet().hex(), new BigDecimal("50"));
            TradeResult deposit = KanaTrader.join(trader.deposit(new BigDecimal("10")));
            assertThat(deposit.outcome().success()).isTrue();
            assertThat(client.accounts().profileBalance(client.wallet())).isEqualByComparingTo("10");
        }
    }

    @Test
    void guiceBindsTheClientOfAConfiguredBuilderWithAllItsSettings() {
        KanaClient.Builder builder = KanaClient.builder(config(Secret.of(TEST_KEY)))
                .autoHaltAfter(Duration.ofSeconds(30)).execution(Execution.SUBMIT_ONLY);
        Injector injector = Guice.createInjector(new KanaModule(builder));
        try (KanaClient client = injector.getInstance(KanaClient.class)) {
            assertThat(injector.getInstance(KanaConfig.class)).isSameAs(client.config());
            assertThat(client.autoHalt()).isNotNull();
            KanaTrader trader = injector.getInstance(KanaTrader.class);
            assertThat(trader).isSameAs(client.trader());

            sandbox.fundWallet(client.wallet().hex(), new BigDecimal("50"));
            TradeResult deposit = KanaTrader.join(trader.deposit(new BigDecimal("10")));
            assertThat(deposit.committed()).as("submit-only: not awaited").isFalse();
        }
    }

    @Test
    void aGuiceOverrideOfAPortReachesTheTrader() {
        List<String> calls = new CopyOnWriteArrayList<>();
        Injector injector = Guice.createInjector(Modules.override(new KanaModule(config(Secret.of(TEST_KEY))))
                .with(new AbstractModule() {
                    @Provides
                    TransactionPayloads payloads(KanaClient client) {
                        return recording(TransactionPayloads.class, client.payloads(), calls);
                    }
                }));
        try (KanaClient client = injector.getInstance(KanaClient.class)) {
            KanaTrader trader = injector.getInstance(KanaTrader.class);
            assertThat(trader).isNotSameAs(client.trader()).isSameAs(injector.getInstance(KanaTrader.class));

            sandbox.fundWallet(client.wallet().hex(), new BigDecimal("50"));
            TradeResult deposit = KanaTrader.join(trader.deposit(new BigDecimal("10")));

            assertThat(deposit.outcome().success()).isTrue();
            assertThat(calls).containsExactly("deposit");
        }
    }

    /** {@code real}, recording the name of every method called on it. */
    private static <T> T recording(Class<T> port, T real, List<String> calls) {
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (proxy, method, args) -> {
            calls.add(method.getName());
            try {
                return method.invoke(real, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }));
    }

    @Test
    @SuppressWarnings("try") // the try only closes the client the injector made
    void guiceWithoutAKeyFailsOnlyWhenTheTraderIsInjected() {
        Injector injector = Guice.createInjector(new KanaModule(config(null)));
        try (KanaClient client = injector.getInstance(KanaClient.class)) {
            assertThat(injector.getInstance(Markets.class).market(APT).id()).isEqualTo(APT);
            assertThatThrownBy(() -> injector.getInstance(KanaTrader.class))
                    .isInstanceOf(ProvisionException.class)
                    .hasMessageContaining("KANA_PRIVATE_KEY");
        }
    }

    @Test
    void streamsConnectToTheConfiguredUrlAndTheBuilderOverridesIt() {
        URI sandboxWs = URI.create(sandbox.wsUrl());
        URI elsewhere = URI.create("ws://127.0.0.1:9/ws/");
        try (KanaClient configured = KanaClient.builder(config(null).withWsUrl(sandboxWs)).build();
                KanaClient overridden = KanaClient.builder(config(null).withWsUrl(elsewhere)).wsUrl(sandboxWs).build()) {
            for (KanaClient kana : new KanaClient[] {configured, overridden}) {
                Recorder<StreamEvent<BookSnapshot>> book = new Recorder<>();
                kana.streams().subscribe(Feed.orderBook(APT)).subscribe(book);
                await().until(() -> !book.items.isEmpty());
            }
        }
    }

    @Test
    void streamsRefuseCleartextToAnotherHostAndNameTheVariableWhenNoUrlIsKnown() {
        try (KanaClient remote = KanaClient.builder(config(null).withWsUrl(URI.create("ws://perps.example.com/ws/")))
                .build()) {
            assertThatThrownBy(remote::streams).isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("KANA_ALLOW_CLEARTEXT");
        }
        try (KanaClient none = KanaClient.builder(config(null)).build()) {
            assertThatThrownBy(none::streams).isInstanceOf(KanaConfigException.class)
                    .hasMessageContaining("KANA_WS_URL");
        }
    }
}
