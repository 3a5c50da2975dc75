package io.kana.cli.contract;

import io.kana.core.contract.OnChainFunction;
import java.util.Map;
import java.util.Objects;

/**
 * What reading the module's ABI from the node gave: its functions by name, or why there are none
 * to judge by.
 *
 * @param functions the module's functions by name; null when the ABI could not be read
 * @param problem   why the ABI could not be read (or that the module does not exist); empty otherwise
 */
record ModuleReading(Map<String, OnChainFunction> functions, String problem) {

    ModuleReading {
        functions = functions == null ? null : Map.copyOf(functions);
        Objects.requireNonNull(problem, "problem");
    }

    static ModuleReading of(Map<String, OnChainFunction> functions) {
        return new ModuleReading(functions, "");
    }

    /** The node says there is no such module: every function is missing, which is an answer. */
    static ModuleReading absent(String problem) {
        return new ModuleReading(Map.of(), problem);
    }

    /** No answer from the node. */
    static ModuleReading unreadable(String problem) {
        return new ModuleReading(null, problem);
    }

    boolean readable() {
        return functions != null;
    }
}
