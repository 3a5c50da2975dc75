package io.kana.client;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import io.kana.aptos.node.AptosNodeClient;
import io.kana.core.port.Accounts;
import io.kana.core.port.Markets;
import io.kana.core.port.ModuleInterfaces;
import io.kana.core.port.Orders;
import io.kana.core.port.Positions;
import io.kana.core.port.TransactionPayloads;
import io.kana.core.port.TransactionSubmitter;
import io.kana.core.port.WalletSigner;
import io.kana.core.trading.KanaTrader;
import jakarta.inject.Singleton;
import java.util.Objects;

/**
 * Guice bindings for every port and the trader, built exactly as {@link KanaClient.Builder} builds them
 * (the module assembles one {@link KanaClient} and exposes its parts). The trader is built from the bound
 * ports, so overriding one ({@code Modules.override(new KanaModule(config)).with(...)}) reaches it. Inject
 * {@link KanaClient} to {@link KanaClient#close() close} it, and every trader it made, on shutdown.
 *
 * <pre>{@code
 * Injector injector = Guice.createInjector(new KanaModule(KanaConfig.fromEnvironment()));
 * KanaTrader trader = injector.getInstance(KanaTrader.class);
 * }</pre>
 */
public final class KanaModule extends AbstractModule {

    private final KanaClient.Builder builder;

    /** Binds a client for {@code config}, signing with its configured private key (if any). */
    public KanaModule(KanaConfig config) {
        this(KanaClient.builder(config));
    }

    /** Binds a client for {@code config} that signs with {@code wallet} (an HSM, KMS or remote signer). */
    public KanaModule(KanaConfig config, WalletSigner wallet) {
        this(wallet == null ? KanaClient.builder(config) : KanaClient.builder(config).wallet(wallet));
    }

    /**
     * Binds the client {@code builder} builds, with every setting it holds (journal, automatic halt, timeouts,
     * listener, trader settings...). The automatic halt halts the client's own trader: the one injected
     * unless a port is overridden.
     */
    public KanaModule(KanaClient.Builder builder) {
        this.builder = Objects.requireNonNull(builder, "builder");
    }

    @Override
    protected void configure() {
        bind(KanaConfig.class).toInstance(builder.config());
    }

    @Provides
    @Singleton
    KanaClient client() {
        return builder.build();
    }

    @Provides
    Markets markets(KanaClient client) {
        return client.markets();
    }

    @Provides
    Accounts accounts(KanaClient client) {
        return client.accounts();
    }

    @Provides
    Orders orders(KanaClient client) {
        return client.orders();
    }

    @Provides
    Positions positions(KanaClient client) {
        return client.positions();
    }

    /** The node's module ABIs, through the submitter's cache; needs a key, as the submitter does. */
    @Provides
    ModuleInterfaces moduleInterfaces(KanaClient client) {
        return client.moduleInterfaces();
    }

    @Provides
    TransactionPayloads payloads(KanaClient client) {
        return client.payloads();
    }

    @Provides
    AptosNodeClient node(KanaClient client) {
        return client.node();
    }

    /** Fails at injection, naming the variable to set, when no key is configured. */
    @Provides
    TransactionSubmitter submitter(KanaClient client) {
        return client.submitter();
    }

    /**
     * Over the bound ports: the client's own trader unless a port was overridden. Fails at injection,
     * naming the variable to set, when no key is configured.
     */
    @Provides
    @Singleton
    KanaTrader trader(KanaClient client, Markets markets, TransactionPayloads payloads,
            TransactionSubmitter submitter, ModuleInterfaces moduleInterfaces) {
        return client.trader(markets, payloads, submitter, moduleInterfaces);
    }
}
