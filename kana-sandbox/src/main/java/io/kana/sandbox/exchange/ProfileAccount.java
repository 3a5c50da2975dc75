package io.kana.sandbox.exchange;

import java.util.Map;
import java.util.TreeMap;

/** A profile's trading account: free balance and, per market, realised profit not yet settled. */
public final class ProfileAccount {

    /** Free trading balance, quote subunits. */
    public long balance;
    /** Market id to unsettled realised profit, quote subunits (never negative: losses are taken at once). */
    final Map<Long, Long> pendingPnl = new TreeMap<>();

    public long totalPending() {
        return pendingPnl.values().stream().mapToLong(Long::longValue).sum();
    }

    ProfileAccount copy() {
        ProfileAccount c = new ProfileAccount();
        c.balance = balance;
        c.pendingPnl.putAll(pendingPnl);
        return c;
    }
}
