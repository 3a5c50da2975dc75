package io.kana.sandbox.exchange;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Undo steps of a transaction's changes to the order books, which are shared with the committed state
 * rather than copied (copying every resting order for every transaction would make each one cost as
 * much as the whole book). Rolled back, newest first, when the transaction aborts.
 */
final class Journal {

    private final Deque<Runnable> undo = new ArrayDeque<>();

    void onRollback(Runnable step) {
        undo.push(step);
    }

    /** Records the order's current fields so that a rollback restores them. */
    void save(LiveOrder order) {
        LiveOrder saved = order.copy();
        undo.push(() -> order.restore(saved));
    }

    void rollback() {
        while (!undo.isEmpty()) {
            undo.pop().run();
        }
    }
}
