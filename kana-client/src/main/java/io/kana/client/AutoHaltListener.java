package io.kana.client;

import io.kana.core.trading.HaltReport;
import java.util.concurrent.CompletableFuture;

/**
 * Told when a client halts itself because the trade API or the node stayed unreachable, or its stream
 * feed stale, for longer than {@link KanaClient.Builder#autoHaltAfter}. Called once per automatic halt,
 * on an SDK thread: return quickly and do not throw.
 */
@FunctionalInterface
public interface AutoHaltListener {

    /**
     * @param reason what was unreachable and for how long; also the trader's {@code haltReason()}
     * @param report completes with what was cancelled once every open order is (which waits for the trade
     *               API, and for cancels the node, to answer again), or with what was cancelled so far when
     *               trading is resumed first
     */
    void halted(String reason, CompletableFuture<HaltReport> report);
}
