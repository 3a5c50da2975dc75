package io.kana.core.trading;

import io.kana.core.contract.OperationContract;
import io.kana.core.contract.Parameter;
import io.kana.core.error.KanaDecodingException;
import io.kana.core.error.KanaException;
import io.kana.core.error.KanaTransportException;
import io.kana.core.error.PayloadRejectedException;
import io.kana.core.model.AccountAddress;
import io.kana.core.model.EntryFunctionPayload;
import java.math.BigInteger;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Gives each operation its payload as the {@link PayloadSource} says: fetched from the trade API and
 * checked, or built locally from the contract. Thread-safe; shared by a trader and its copies.
 */
final class PayloadSourcing {

    private static final System.Logger LOG = System.getLogger(PayloadSourcing.class.getName());

    private final PayloadSource source;
    private final int recheckEvery;
    private final PayloadPolicy policy;
    private final DriftGuard driftGuard;
    private final Executor executor;
    private final Consumer<PayloadFallback> listener;
    private final Clock clock;
    private final Map<TradeOperation, Verification> verifications = new ConcurrentHashMap<>();
    private final List<PayloadFallback> fallbacks = new CopyOnWriteArrayList<>();
    private final AtomicLong localBuilds = new AtomicLong();

    PayloadSourcing(PayloadSource source, int recheckEvery, PayloadPolicy policy, DriftGuard driftGuard,
            Executor executor, Consumer<PayloadFallback> listener, Clock clock) {
        this.source = source;
        this.recheckEvery = recheckEvery;
        this.policy = policy;
        this.driftGuard = driftGuard;
        this.executor = executor;
        this.listener = listener;
        this.clock = clock;
    }

    PayloadSource source() {
        return source;
    }

    /** Every fallback so far, oldest first: at most one per operation. */
    List<PayloadFallback> fallbacks() {
        return List.copyOf(fallbacks);
    }

    /** Payloads built locally so far. */
    long localBuilds() {
        return localBuilds.get();
    }

    /**
     * The payload for {@code operation} with {@code expected} arguments, checked against the policy.
     *
     * @param fetch         asks the trade API (blocking; run on the executor)
     * @param beforeFetch   throws when the operation was stopped meanwhile
     */
    CompletableFuture<EntryFunctionPayload> payload(OperationContract operation, List<Object> expected,
            Supplier<EntryFunctionPayload> fetch, Runnable beforeFetch) {
        switch (source) {
            case LOCAL:
                return driftGuard.resolve(operation).thenApply(function -> local(operation, function, expected));
            case VERIFIED_LOCAL:
                Verification verification = verifications.computeIfAbsent(operation.operation(),
                        op -> new Verification(operation));
                String function = verification.localFunction(expected, recheckEvery);
                if (function != null) {
                    return CompletableFuture.completedFuture(local(operation, function, expected));
                }
                return fetched(operation, expected, fetch, beforeFetch).thenCompose(payload ->
                        verification.sampled(payload, expected));
            default:
                return fetched(operation, expected, fetch, beforeFetch);
        }
    }

    private CompletableFuture<EntryFunctionPayload> fetched(OperationContract operation, List<Object> expected,
            Supplier<EntryFunctionPayload> fetch, Runnable beforeFetch) {
        return CompletableFuture.supplyAsync(() -> {
            beforeFetch.run();
            return checkedPayload(operation, expected, fetch);
        }, executor);
    }

    /** Blocking (the payload port). */
    private EntryFunctionPayload checkedPayload(OperationContract operation, List<Object> expected,
            Supplier<EntryFunctionPayload> fetch) {
        EntryFunctionPayload payload;
        String function = operation.likeliestFunction();
        try {
            payload = fetch.get();
        } catch (KanaException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new KanaTransportException(function, "the payload port failed: " + e, e);
        }
        if (payload == null) {
            throw new KanaDecodingException(function, "the trade API returned no payload", null, null);
        }
        try {
            policy.verify(operation, expected, payload);
        } catch (PayloadRejectedException e) {
            if (source == PayloadSource.VERIFIED_LOCAL) {
                fallBack(operation, e.getMessage());
            }
            throw e;
        }
        return payload;
    }

    private EntryFunctionPayload local(OperationContract operation, String function, List<Object> expected) {
        List<Object> arguments = new ArrayList<>(expected.size());
        for (Object value : expected) {
            arguments.add(json(value));
        }
        EntryFunctionPayload payload = new EntryFunctionPayload(policy.moduleId() + "::" + function, List.of(), arguments);
        // The check applies to every payload, whoever built it.
        policy.verify(operation, expected, payload);
        localBuilds.incrementAndGet();
        return payload;
    }

    private void fallBack(OperationContract operation, String reason) {
        if (!verifications.computeIfAbsent(operation.operation(), op -> new Verification(operation)).fellBackNow()) {
            return;
        }
        PayloadFallback fallback = new PayloadFallback(operation.operation(), reason, clock.instant());
        fallbacks.add(fallback);
        LOG.log(System.Logger.Level.WARNING, "payloads of " + operation.operation() + " now come from the trade API only: " + reason);
        try {
            listener.accept(fallback);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "the payload fallback listener failed", e);
        }
    }

    /**
     * The JSON form of an expected value, as the trade API writes it: integers as decimal strings,
     * booleans as they are, addresses as 0x and 64 hex digits, vectors element by element.
     */
    static Object json(Object value) {
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object element : list) {
                out.add(json(element));
            }
            return out;
        }
        if (value instanceof Boolean) {
            return value;
        }
        if (value instanceof AccountAddress address) {
            return address.toString();
        }
        if (value instanceof BigInteger || value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof Byte) {
            return value.toString();
        }
        throw new IllegalArgumentException("an expected argument is a Boolean, an integer, an AccountAddress or a List, got "
                + (value == null ? "null" : value.getClass().getName()));
    }

    /** What the trade API has shown so far about one operation. */
    private final class Verification {

        private final OperationContract operation;
        /** Pairs of parameters of one Move type, as i * 1024 + j with i < j. */
        private final List<Integer> swappable = new ArrayList<>();
        private final Set<Integer> proven = ConcurrentHashMap.newKeySet();
        private final AtomicLong orders = new AtomicLong();
        private volatile String function;
        private volatile boolean fellBack;

        Verification(OperationContract operation) {
            this.operation = operation;
            List<Parameter> parameters = operation.parameters();
            for (int i = 0; i < parameters.size(); i++) {
                for (int j = i + 1; j < parameters.size(); j++) {
                    if (type(parameters.get(i)).equals(type(parameters.get(j)))) {
                        swappable.add(i * 1024 + j);
                    }
                }
            }
        }

        /** The function to build locally with, or null when the trade API must be asked. */
        String localFunction(List<Object> expected, int every) {
            String verified = function;
            if (fellBack || verified == null) {
                return null;
            }
            if (orders.incrementAndGet() % every == 0) {
                return null;
            }
            for (int pair : swappable) {
                if (!proven.contains(pair) && differ(expected, pair)) {
                    // Only a sample that tells these two apart proves their order.
                    return null;
                }
            }
            return verified;
        }

        /** The trade API's payload passed the policy: confirm its function on chain, then learn from it. */
        CompletableFuture<EntryFunctionPayload> sampled(EntryFunctionPayload payload, List<Object> expected) {
            String known = function;
            if (known != null && !known.equals(payload.functionName())) {
                String reason = "the trade API called " + payload.functionName() + " where it called " + known + " before";
                PayloadSourcing.this.fallBack(operation, reason);
                return CompletableFuture.failedFuture(new PayloadRejectedException(payload.function(), reason));
            }
            return driftGuard.confirm(operation, payload).thenApply(confirmed -> {
                for (int pair : swappable) {
                    if (differ(expected, pair)) {
                        proven.add(pair);
                    }
                }
                function = payload.functionName();
                return payload;
            });
        }

        /** True the first time. */
        boolean fellBackNow() {
            synchronized (this) {
                if (fellBack) {
                    return false;
                }
                fellBack = true;
                return true;
            }
        }

        private boolean differ(List<Object> expected, int pair) {
            return !json(expected.get(pair / 1024)).equals(json(expected.get(pair % 1024)));
        }

        private String type(Parameter parameter) {
            return parameter.moveType().replaceAll("\\s+", "");
        }
    }
}
