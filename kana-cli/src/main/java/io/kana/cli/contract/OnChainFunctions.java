package io.kana.cli.contract;

import io.kana.aptos.abi.FunctionAbi;
import io.kana.core.contract.OnChainFunction;

/** The node's ABI of a function as the contract's verdict reads it. */
final class OnChainFunctions {

    private OnChainFunctions() {}

    static OnChainFunction of(FunctionAbi function) {
        return new OnChainFunction(function.name(), function.entry(), function.paramsAfterSigners(),
                function.typeParameterCount());
    }
}
