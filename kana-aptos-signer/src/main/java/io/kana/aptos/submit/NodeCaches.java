package io.kana.aptos.submit;

import io.kana.aptos.abi.ModuleAbi;
import io.kana.core.error.TransactionNotSentException;
import io.kana.core.model.AccountAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What rarely changes, fetched from the node once: the chain id (checked against the expected one), each
 * module's ABI, and the gas price,
 * which is then refreshed in the background so that no submission waits for it.
 */
final class NodeCaches implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NodeCaches.class);

    private final NodeGateway node;
    private final ScheduledExecutorService scheduler;
    private final Duration refreshInterval;
    private final Memo<Integer> chainId;
    private final Memo<Long> firstGasUnitPrice;
    private final ConcurrentHashMap<String, Memo<ModuleAbi>> abis = new ConcurrentHashMap<>();
    private volatile long gasUnitPrice;
    private ScheduledFuture<?> refresh;
    private boolean closed;

    /** @param expectedChainId the chain id the node must report, or 0 to take whichever it reports */
    NodeCaches(NodeGateway node, ScheduledExecutorService scheduler, Duration refreshInterval, int expectedChainId) {
        this.node = node;
        this.scheduler = scheduler;
        this.refreshInterval = refreshInterval;
        this.chainId = new Memo<>(() -> node.chainId().thenApply(reported -> {
            if (expectedChainId != 0 && reported != expectedChainId) {
                // A transaction signed for another chain could execute there: sign nothing.
                throw new TransactionNotSentException("check chain id", "the node reports chain id " + reported
                        + " but chain id " + expectedChainId + " is expected; is NODE_URL the right network?", null);
            }
            return reported;
        }));
        this.firstGasUnitPrice = new Memo<>(() -> node.gasUnitPrice().thenApply(price -> {
            gasUnitPrice = price;
            startRefreshing();
            return price;
        }));
    }

    CompletableFuture<Integer> chainId() {
        return chainId.get();
    }

    CompletableFuture<ModuleAbi> abi(AccountAddress address, String module) {
        return abis.computeIfAbsent(address.hex() + "::" + module,
                key -> new Memo<>(() -> node.moduleAbi(address, module))).get();
    }

    /** Completes once a gas price is known; read it with {@link #gasUnitPrice()}. */
    CompletableFuture<Long> gasUnitPriceKnown() {
        return firstGasUnitPrice.get();
    }

    /** The latest gas price estimate; valid once {@link #gasUnitPriceKnown()} completed. */
    long gasUnitPrice() {
        return gasUnitPrice;
    }

    private synchronized void startRefreshing() {
        if (refresh != null || closed) {
            return;
        }
        long millis = refreshInterval.toMillis();
        refresh = scheduler.scheduleAtFixedRate(this::refreshGasUnitPrice, millis, millis, TimeUnit.MILLISECONDS);
    }

    private void refreshGasUnitPrice() {
        Futures.call(node::gasUnitPrice).whenComplete((price, error) -> {
            if (error == null) {
                gasUnitPrice = price;
            } else {
                LOG.warn("gas price refresh failed, keeping {} octas: {}", gasUnitPrice,
                        Futures.unwrap(error).toString());
            }
        });
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (refresh != null) {
            refresh.cancel(false);
        }
    }
}
