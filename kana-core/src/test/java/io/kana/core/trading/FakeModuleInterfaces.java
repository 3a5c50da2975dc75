package io.kana.core.trading;

import io.kana.core.contract.KanaContract;
import io.kana.core.contract.OnChainFunction;
import io.kana.core.contract.OperationContract;
import io.kana.core.model.AccountAddress;
import io.kana.core.port.ModuleInterfaces;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The node's ABI in memory: by default the module the contract describes (each operation's likeliest
 * name with the contract's parameter types); records every question; functions can be replaced to
 * simulate drift.
 */
final class FakeModuleInterfaces implements ModuleInterfaces {

    /** One question: which module. */
    record Question(AccountAddress publisher, String module) {}

    final List<Question> questions = new CopyOnWriteArrayList<>();
    final Map<String, OnChainFunction> functions = new ConcurrentHashMap<>();
    volatile RuntimeException failure;

    FakeModuleInterfaces() {
        this(KanaContract.standard());
    }

    FakeModuleInterfaces(KanaContract contract) {
        for (OperationContract operation : contract.operations().values()) {
            put(new OnChainFunction(operation.likeliestFunction(), true, operation.parameterTypes(), 0));
        }
    }

    /** Publishes (or replaces) a function. */
    FakeModuleInterfaces put(OnChainFunction function) {
        functions.put(function.name(), function);
        return this;
    }

    FakeModuleInterfaces remove(String name) {
        functions.remove(name);
        return this;
    }

    @Override
    public CompletableFuture<Map<String, OnChainFunction>> functions(AccountAddress publisher, String module) {
        questions.add(new Question(publisher, module));
        RuntimeException failing = failure;
        return failing != null ? CompletableFuture.failedFuture(failing)
                : CompletableFuture.completedFuture(Map.copyOf(functions));
    }
}
