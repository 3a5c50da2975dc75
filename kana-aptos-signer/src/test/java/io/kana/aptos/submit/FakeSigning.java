package io.kana.aptos.submit;

import io.kana.aptos.abi.ModuleAbi;
import io.kana.aptos.tx.EntryFunction;
import io.kana.aptos.tx.RawTransaction;
import io.kana.aptos.tx.SignedTransaction;
import io.kana.aptos.tx.TransactionParameters;
import io.kana.core.model.EntryFunctionPayload;
import io.kana.core.port.WalletSigner;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Stands in for the ABI-driven transaction builder: each payload argument goes into the entry function as its
 * UTF-8 text (no ABI needed), and the transaction is really signed by the given wallet, so its bytes and hash
 * are a real {@link SignedTransaction}'s. Records every header it signed, in call order.
 */
final class FakeSigning implements TransactionSigning {

    private final List<TransactionParameters> signed = new ArrayList<>();
    private final List<TransactionParameters> simulated = new ArrayList<>();
    private volatile Predicate<EntryFunctionPayload> refuse = payload -> false;
    private volatile RuntimeException refusal;

    @Override
    public SignedTransaction sign(EntryFunctionPayload payload, ModuleAbi abi, TransactionParameters header,
            WalletSigner wallet) {
        if (refuse.test(payload)) {
            throw refusal;
        }
        synchronized (signed) {
            signed.add(header);
        }
        return new RawTransaction(header, call(payload)).sign(wallet);
    }

    @Override
    public byte[] simulation(EntryFunctionPayload payload, ModuleAbi abi, TransactionParameters header, byte[] publicKey) {
        synchronized (simulated) {
            simulated.add(header);
        }
        return new RawTransaction(header, call(payload)).forSimulation(publicKey).bytes();
    }

    void refuse(Predicate<EntryFunctionPayload> which, RuntimeException error) {
        refusal = error;
        refuse = which;
    }

    List<TransactionParameters> signed() {
        synchronized (signed) {
            return List.copyOf(signed);
        }
    }

    List<Long> signedNumbers() {
        return signed().stream().map(TransactionParameters::sequenceNumber).toList();
    }

    List<TransactionParameters> simulated() {
        synchronized (simulated) {
            return List.copyOf(simulated);
        }
    }

    /** The order's first argument (its id in these tests). */
    static String orderOf(SignedTransaction transaction) {
        return new String(transaction.rawTransaction().payload().arguments().get(0), StandardCharsets.UTF_8);
    }

    private static EntryFunction call(EntryFunctionPayload payload) {
        List<byte[]> arguments = payload.functionArguments().stream()
                .map(argument -> String.valueOf(argument).getBytes(StandardCharsets.UTF_8)).toList();
        return new EntryFunction(payload.moduleAddress(), payload.moduleName(), payload.functionName(), List.of(),
                arguments);
    }
}
