package io.kana.core.trading;

import io.kana.core.contract.ContractVerdict;
import io.kana.core.contract.OnChainFunction;
import io.kana.core.contract.OperationContract;
import io.kana.core.error.ContractMismatchException;
import io.kana.core.error.KanaException;
import io.kana.core.error.KanaTransportException;
import io.kana.core.model.EntryFunctionPayload;
import io.kana.core.port.ModuleInterfaces;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Before the first signature of each (operation, function), asks the chain whether the function the
 * payload calls is what the contract says; remembers a confirmation, forgets anything else so the
 * next call asks again.
 */
final class DriftGuard {

    private final ModuleInterfaces modules;
    private final PayloadPolicy module;
    private final ConcurrentMap<String, CompletableFuture<Void>> confirmed = new ConcurrentHashMap<>();
    private final ConcurrentMap<TradeOperation, CompletableFuture<String>> resolved = new ConcurrentHashMap<>();

    DriftGuard(ModuleInterfaces modules, PayloadPolicy module) {
        this.modules = modules;
        this.module = module;
    }

    /** Completes normally once the chain confirms the payload's function; else with {@link ContractMismatchException}. */
    CompletableFuture<Void> confirm(OperationContract operation, EntryFunctionPayload payload) {
        String function = payload.functionName();
        String key = operation.operation() + " " + function;
        CompletableFuture<Void> known = confirmed.get(key);
        if (known != null) {
            return known;
        }
        CompletableFuture<Void> checking = new CompletableFuture<>();
        CompletableFuture<Void> raced = confirmed.putIfAbsent(key, checking);
        if (raced != null) {
            return raced;
        }
        ask(operation, function).whenComplete((ignored, failure) -> {
            if (failure == null) {
                checking.complete(null);
            } else {
                confirmed.remove(key, checking);
                checking.completeExceptionally(Futures.unwrap(failure));
            }
        });
        return checking;
    }

    /**
     * The one function of {@code operation} the chain's ABI confirms: the proven name, or the only
     * candidate present with the contract's types. Several confirmed candidates are as good as none:
     * without a payload of the trade API to say which one it calls, the guess is not taken. Remembers a
     * result (and counts it as confirmed for {@link #confirm}); forgets a failure.
     */
    CompletableFuture<String> resolve(OperationContract operation) {
        CompletableFuture<String> known = resolved.get(operation.operation());
        if (known != null) {
            return known;
        }
        CompletableFuture<String> resolving = new CompletableFuture<>();
        CompletableFuture<String> raced = resolved.putIfAbsent(operation.operation(), resolving);
        if (raced != null) {
            return raced;
        }
        abi(operation).thenApply(functions -> {
            List<String> confirmedNames = new ArrayList<>();
            for (String name : operation.functionNames()) {
                if (functions.containsKey(name) && operation.check(functions, name).confirmed()) {
                    confirmedNames.add(name);
                }
            }
            if (confirmedNames.size() != 1) {
                ContractVerdict verdict = operation.check(functions);
                throw new ContractMismatchException(operation.operation().name(), verdict.expectedSignature(),
                        verdict.onChainSignature(), confirmedNames.isEmpty()
                                ? module.moduleId() + " confirms none of " + operation.functionNames()
                                : "the chain confirms several candidates " + confirmedNames
                                        + "; a local build does not guess which one the trade API calls");
            }
            return confirmedNames.get(0);
        }).whenComplete((function, failure) -> {
            if (failure == null) {
                confirmed.putIfAbsent(operation.operation() + " " + function, CompletableFuture.completedFuture(null));
                resolving.complete(function);
            } else {
                resolved.remove(operation.operation(), resolving);
                resolving.completeExceptionally(Futures.unwrap(failure));
            }
        });
        return resolving;
    }

    private CompletableFuture<Void> ask(OperationContract operation, String function) {
        return abi(operation).thenApply(functions -> {
            ContractVerdict verdict = operation.check(functions, function);
            if (!verdict.confirmed()) {
                throw new ContractMismatchException(operation.operation().name(), verdict.expectedSignature(),
                        verdict.onChainSignature(), verdict.status() == ContractVerdict.Status.MISSING
                                ? module.moduleId() + " has no function " + function
                                : "the on-chain function differs");
            }
            return null;
        });
    }

    private CompletableFuture<Map<String, OnChainFunction>> abi(OperationContract operation) {
        return Futures.guarded(() -> modules.functions(module.moduleAddress(), module.moduleName())).handle((functions, failure) -> {
            if (failure != null || functions == null) {
                Throwable cause = Futures.unwrap(failure);
                if (cause instanceof KanaException kana) {
                    throw kana;
                }
                throw new KanaTransportException("module ABI", "could not read the ABI of " + module.moduleId()
                        + " to check " + operation.operation() + " against the contract: " + cause, cause);
            }
            return functions;
        });
    }
}
