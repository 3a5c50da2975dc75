package io.kana.client;

import io.kana.aptos.keys.Ed25519WalletSigner;
import io.kana.aptos.submit.FileTransactionJournal;
import io.kana.aptos.submit.TransactionJournal;
import io.kana.core.error.InvalidRequestException;
import io.kana.core.port.Accounts;
import io.kana.core.port.Markets;
import io.kana.core.port.ModuleInterfaces;
import io.kana.core.port.Orders;
import io.kana.core.port.Positions;
import io.kana.core.port.TransactionPayloads;
import io.kana.core.port.TransactionSubmitter;
import io.kana.core.port.WalletSigner;
import io.kana.core.trading.Execution;
import io.kana.core.trading.KanaTrader;
import io.kana.core.trading.PayloadPolicy;
import io.kana.core.trading.TradeListener;
import io.kana.core.stream.KanaStreams;
import io.kana.core.stream.StreamTransport;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The pieces, built one way for both the builder and the Guice module. */
final class Assembly {

    private static final Logger LOG = LoggerFactory.getLogger(KanaClient.class);

    private Assembly() {}

    /** The configured key's signer, or null when no key is configured. */
    static WalletSigner wallet(KanaConfig config) {
        return config.privateKey() == null ? null : Ed25519WalletSigner.fromText(config.privateKey().reveal());
    }

    /**
     * The module payloads must call: the configured one, which on mainnet must be the contract's
     * unless an override is allowed (then logged at WARN).
     */
    static PayloadPolicy payloadPolicy(KanaConfig config, boolean allowModuleOverride) {
        String network = config.network().contractName();
        if (config.moduleId() == null) {
            throw new KanaConfigException("KANA_MODULE", "trading on " + network + " needs the Kana module to pin "
                    + "payloads to: the contract (" + config.contract().source() + ") names none, so set "
                    + "KANA_MODULE=<address>::perpetual_scripts");
        }
        PayloadPolicy policy;
        try {
            policy = PayloadPolicy.forModule(config.moduleId());
        } catch (InvalidRequestException e) {
            throw new KanaConfigException("KANA_MODULE", "KANA_MODULE is <address>::<module>, got '"
                    + config.moduleId() + "': " + e.getMessage());
        }
        if (config.network() == KanaNetwork.MAINNET) {
            String pinned = config.contract().moduleId(network).orElse(null);
            if (pinned != null && !PayloadPolicy.forModule(pinned).equals(policy)) {
                if (!(allowModuleOverride || config.allowModuleOverride())) {
                    throw new KanaConfigException("KANA_MODULE", "mainnet's module is pinned to " + pinned
                            + " by the contract; KANA_MODULE=" + config.moduleId() + " overrides it only with "
                            + "KANA_ALLOW_MODULE_OVERRIDE=true (or KanaClient.Builder.allowModuleOverride(true))");
                }
                LOG.warn("mainnet payloads will call {} instead of the contract's pinned module {} "
                        + "(module override allowed)", policy.moduleId(), pinned);
            }
        }
        return policy;
    }

    /**
     * {@link KanaMetrics#global()} when Micrometer can be loaded by {@code loader}, else
     * {@link TradeListener#NONE}. Reflective, so that without Micrometer no class naming it is loaded.
     */
    static TradeListener detectMetrics(ClassLoader loader) {
        try {
            Class.forName("io.micrometer.core.instrument.Metrics", false, loader);
            return (TradeListener) Class.forName("io.kana.client.KanaMetrics", true, loader)
                    .getMethod("global").invoke(null);
        } catch (ReflectiveOperationException | LinkageError absent) {
            return TradeListener.NONE;
        }
    }

    static KanaTrader trader(KanaConfig config, Markets markets, TransactionPayloads payloads, Orders orders,
            TransactionSubmitter submitter, ModuleInterfaces moduleInterfaces, Execution execution,
            PayloadPolicy policy, Consumer<KanaTrader.Builder> settings) {
        KanaTrader.Builder builder = KanaTrader.builder()
                .markets(markets)
                .payloads(payloads)
                .orders(orders)
                .submitter(submitter)
                .moduleInterfaces(moduleInterfaces)
                .contract(config.contract())
                .payloadPolicy(policy)
                .execution(execution);
        settings.accept(builder);
        return builder.build();
    }

    /** Two daemon threads for the submitter's timers and the node's few blocking reads. */
    static ScheduledExecutorService scheduler() {
        AtomicInteger count = new AtomicInteger();
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(2, runnable -> {
            Thread thread = new Thread(runnable, "kana-submitter-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        return Executors.unconfigurableScheduledExecutorService(executor);
    }

    /** {@code listener} first, so that the caller's own trader settings may replace it. */
    static Consumer<KanaTrader.Builder> withListener(TradeListener listener, Consumer<KanaTrader.Builder> settings) {
        return trader -> {
            trader.listener(listener);
            settings.accept(trader);
        };
    }

    /** The journal at {@code path}; when it cannot be opened, {@code release} runs before the error is thrown. */
    static TransactionJournal openJournal(Path path, Runnable release) {
        try {
            return FileTransactionJournal.open(path);
        } catch (RuntimeException e) {
            release.run();
            throw e;
        }
    }

    /**
     * Streams over {@code transport}, reconciled through {@code reads} (the trade API, all four read ports), with
     * their connection followed by the metrics listener and the automatic halt when there are such.
     */
    static <R extends Markets & Accounts & Orders & Positions> KanaStreams streams(StreamTransport transport, R reads,
            TradeListener listener, AutoHalt autoHalt) {
        KanaStreams streams = KanaStreams.builder(transport).reconcileWith(reads, reads, reads, reads).build();
        if (listener instanceof ConnectionWatcher watcher) {
            watcher.watch(streams);
        }
        if (autoHalt != null) {
            autoHalt.watch(streams);
        }
        return streams;
    }
}
