package io.kana.client;

import io.kana.aptos.node.AptosNodeClient;
import io.kana.aptos.submit.AptosTransactionSubmitter;
import io.kana.aptos.submit.SubmitterSettings;
import io.kana.aptos.submit.TransactionJournal;
import io.kana.core.model.WalletAddress;
import io.kana.core.port.Markets;
import io.kana.core.port.ModuleInterfaces;
import io.kana.core.port.TransactionPayloads;
import io.kana.core.port.TransactionSubmitter;
import io.kana.core.port.WalletSigner;
import io.kana.core.trading.Execution;
import io.kana.core.trading.KanaTrader;
import io.kana.core.trading.NetTrader;
import io.kana.core.trading.PayloadPolicy;
import io.kana.core.trading.TradeListener;
import io.kana.http.KanaHttpApi;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

/** The trading half of a {@link KanaClient}: one wallet's submitter, journal, traders and their threads. */
final class Trading {

    final WalletSigner wallet;
    final AptosTransactionSubmitter submitter;
    final KanaTrader trader;
    final NetTrader netTrader;
    /** One cache of the node's module ABIs, so a trader over these ports is recognised as the client's own. */
    final ModuleInterfaces moduleInterfaces;
    private final KanaConfig config;
    private final KanaHttpApi api;
    private final Execution execution;
    private final PayloadPolicy policy;
    private final Consumer<KanaTrader.Builder> traderSettings;
    private final ScheduledExecutorService scheduler;
    private final TransactionJournal journal;
    /** Traders over other ports ({@link KanaModule}'s overrides), closed with the client. */
    private final List<KanaTrader> otherTraders = new CopyOnWriteArrayList<>();

    /** Starts the submitter's threads, settling what {@code journal} holds before new orders are numbered. */
    Trading(WalletSigner wallet, KanaConfig config, KanaHttpApi api, AptosNodeClient node, TransactionJournal journal,
            SubmitterSettings settings, Execution execution, PayloadPolicy policy, TradeListener listener,
            Consumer<KanaTrader.Builder> traderSettings) {
        this.wallet = wallet;
        this.config = config;
        this.api = api;
        this.execution = execution;
        this.policy = policy;
        this.journal = journal;
        this.scheduler = Assembly.scheduler();
        this.submitter = AptosTransactionSubmitter.create(wallet, node,
                settings.withExpectedChainId(config.network().chainId()), scheduler, journal, listener);
        this.moduleInterfaces = submitter.moduleInterfaces();
        this.traderSettings = Assembly.withListener(listener, traderSettings);
        this.trader = Assembly.trader(config, api, api, api, submitter, moduleInterfaces, execution,
                policy, this.traderSettings);
        this.netTrader = NetTrader.of(trader, WalletAddress.of(wallet.address()), api, api, api, api);
    }

    ScheduledExecutorService scheduler() {
        return scheduler;
    }

    /** {@link #trader} itself over the client's own ports, else a new trader over the given ones, closed with it. */
    KanaTrader traderOver(Markets markets, TransactionPayloads payloads, TransactionSubmitter transactions,
            ModuleInterfaces moduleInterfaces) {
        if (markets == api && payloads == api && transactions == submitter
                && moduleInterfaces == this.moduleInterfaces) {
            return trader;
        }
        KanaTrader other = Assembly.trader(config, markets, payloads, api, transactions, moduleInterfaces, execution,
                policy, traderSettings);
        otherTraders.add(other);
        return other;
    }

    /** Completes every outstanding trade; nothing new is signed after it. */
    void closeTraders() {
        trader.close();
        otherTraders.forEach(KanaTrader::close);
    }

    /** Stops the submitter and its threads and closes the journal; after {@link #closeTraders()}. */
    void close() {
        submitter.close();
        scheduler.shutdownNow();
        journal.close();
    }
}
