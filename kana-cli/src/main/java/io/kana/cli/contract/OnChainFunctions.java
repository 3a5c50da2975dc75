package io.kana.cli.contract;

import io.kana.aptos.abi.FunctionAbi;
import io.kana.core.contract.OnChainFunction;
import java.util.List;

/** The node's ABI of a function as the contract's verdict reads it. */
final class OnChainFunctions {

    private OnChainFunctions() {}

    static OnChainFunction of(FunctionAbi function) {
        List<String> params = function.params();
        int first = 0;
        while (first < params.size() && (params.get(first).equals("signer") || params.get(first).equals("&signer"))) {
            first++;
        }
        return new OnChainFunction(function.name(), function.entry(), params.subList(first, params.size()),
                function.typeParameterCount());
    }
}
