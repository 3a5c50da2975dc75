package io.kana.sandbox.chain;

import io.kana.sandbox.chain.SandboxNode.Accepted;
import io.kana.sandbox.chain.SandboxNode.Committed;
import io.kana.sandbox.chain.SandboxNode.Pending;
import io.kana.sandbox.chain.SandboxNode.Rejected;
import io.kana.sandbox.chain.SandboxNode.Submission;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the Aptos VM and mempool decide about one transaction, apart from the node's state: the
 * prologue's checks, mempool's rule for a resubmitted sequence number, and the outcome (status and
 * gas) of running it. {@link SandboxNode} holds the accounts, the mempool and the ledger.
 */
final class Vm {

    private static final Logger LOG = LoggerFactory.getLogger(Vm.class);

    /** aptos-core's default {@code maximum_number_of_gas_units}. */
    static final long MAX_GAS_UNITS = 2_000_000;
    private static final long FAILED_RESOLUTION_GAS = 20;
    private static final long ABORT_GAS = 400;
    private static final long EXECUTION_BASE_GAS = 800;

    private final SandboxNode.Config config;
    private final ModuleInterface moduleInterface;

    Vm(SandboxNode.Config config, ModuleInterface moduleInterface) {
        this.config = config;
        this.moduleInterface = moduleInterface;
    }

    /**
     * Mempool's rule for a second transaction with the same sender and sequence number: identical
     * is an idempotent accept, a higher gas price replaces, anything else is refused.
     *
     * @return the answer, or null when {@code tx} replaces {@code existing}
     */
    static Submission update(Pending existing, SignedTransaction tx) {
        SignedTransaction old = existing.transaction();
        String refusal = null;
        if (!Arrays.equals(old.payloadBytes(), tx.payloadBytes())) {
            refusal = "Transaction already in mempool with a different payload";
        } else if (old.expirationSecs() != tx.expirationSecs()) {
            refusal = "Transaction already in mempool with a different expiration timestamp";
        } else if (old.maxGasAmount() != tx.maxGasAmount()) {
            refusal = "Transaction already in mempool with a different max gas amount";
        } else if (Long.compareUnsigned(old.gasUnitPrice(), tx.gasUnitPrice()) > 0) {
            refusal = "Transaction already in mempool with a higher gas price";
        } else if (old.gasUnitPrice() == tx.gasUnitPrice()) {
            return new Accepted(existing);
        }
        if (refusal != null) {
            return new Rejected(new NodeError(400, "invalid_transaction_update", refusal, null));
        }
        return null;
    }

    /**
     * The VM prologue's checks after the signature, in its order. In validation (mempool) a
     * sequence number ahead of the account is fine; in execution it must be exact.
     *
     * @param sequenceNumber the sender's committed sequence number, or null when it has no account
     * @param aptOctas       the sender's APT balance
     * @return the failing status, or null
     */
    StatusCode prologue(SignedTransaction tx, Long sequenceNumber, long aptOctas, boolean execution) {
        if (Long.compareUnsigned(tx.maxGasAmount(), MAX_GAS_UNITS) > 0) {
            return StatusCode.MAX_GAS_UNITS_EXCEEDS_MAX_GAS_UNITS_BOUND;
        }
        if (Long.compareUnsigned(tx.gasUnitPrice(), SandboxNode.MIN_GAS_UNIT_PRICE) < 0) {
            return StatusCode.GAS_UNIT_PRICE_BELOW_MIN_BOUND;
        }
        if (expired(tx)) {
            return StatusCode.TRANSACTION_EXPIRED;
        }
        if (tx.chainId() != config.chainId()) {
            return StatusCode.BAD_CHAIN_ID;
        }
        if (sequenceNumber == null) {
            return StatusCode.SENDING_ACCOUNT_DOES_NOT_EXIST;
        }
        // Keys are never rotated here, so an account's authentication key is its address.
        if (!tx.authenticationKey().equals(tx.sender())) {
            return StatusCode.INVALID_AUTH_KEY;
        }
        int order = Long.compareUnsigned(tx.sequenceNumber(), sequenceNumber);
        if (order < 0) {
            return StatusCode.SEQUENCE_NUMBER_TOO_OLD;
        }
        if (execution && order > 0) {
            return StatusCode.SEQUENCE_NUMBER_TOO_NEW;
        }
        BigInteger maxFee = unsigned(tx.maxGasAmount()).multiply(unsigned(tx.gasUnitPrice()));
        if (maxFee.compareTo(BigInteger.valueOf(aptOctas)) > 0) {
            return StatusCode.INSUFFICIENT_BALANCE_FOR_TRANSACTION_FEE;
        }
        return null;
    }

    boolean expired(SignedTransaction tx) {
        return Long.compareUnsigned(config.clock().instant().getEpochSecond(), tx.expirationSecs()) >= 0;
    }

    /**
     * What running {@code tx} after its prologue gives, by one rule for commits and simulations:
     * a failed resolution, running out of gas, or the module's result with its gas.
     */
    Committed outcome(SignedTransaction tx, ModuleInterface.Resolution resolution, long version,
            long timestamp, Function<ModuleInterface.Call, PerpsModule.ExecutionResult> invoke) {
        boolean success = false;
        String vmStatus;
        long gasUsed;
        if (resolution instanceof ModuleInterface.Unresolved unresolved) {
            vmStatus = unresolved.status().name();
            gasUsed = FAILED_RESOLUTION_GAS;
        } else {
            ModuleInterface.Call call = (ModuleInterface.Call) resolution;
            gasUsed = executionGas(tx);
            if (Long.compareUnsigned(tx.maxGasAmount(), gasUsed) < 0) {
                vmStatus = "Out of gas";
                gasUsed = tx.maxGasAmount();
            } else {
                PerpsModule.ExecutionResult result = run(tx, call, invoke);
                success = result.success();
                vmStatus = success ? "Executed successfully" : abortStatus(result);
                gasUsed = success ? gasUsed : ABORT_GAS;
            }
        }
        gasUsed = Long.compareUnsigned(gasUsed, tx.maxGasAmount()) > 0 ? tx.maxGasAmount() : gasUsed;
        return new Committed(tx, resolution, version, success, vmStatus, gasUsed, timestamp);
    }

    private static PerpsModule.ExecutionResult run(SignedTransaction tx, ModuleInterface.Call call,
            Function<ModuleInterface.Call, PerpsModule.ExecutionResult> invoke) {
        try {
            return invoke.apply(call);
        } catch (RuntimeException e) {
            // A bug in the module must not stop the chain; the transaction fails like a VM error.
            LOG.error("the perps module threw while running {} for {}", call.function(), tx.sender(), e);
            return PerpsModule.ExecutionResult.abort(null, 0, null);
        }
    }

    private String abortStatus(PerpsModule.ExecutionResult result) {
        String location = Hex.literalAddress(Hex.address(moduleInterface.address())) + "::" + moduleInterface.name();
        String code = "0x" + Long.toHexString(result.code());
        if (result.codeName() == null) {
            return "Move abort in " + location + ": " + code;
        }
        return "Move abort in " + location + ": " + result.codeName() + "(" + code + "): "
                + (result.reason() == null ? "" : result.reason());
    }

    /** A deterministic gas estimate: a base cost plus the transaction's size. */
    static long executionGas(SignedTransaction tx) {
        return EXECUTION_BASE_GAS + tx.rawBytes().length;
    }

    private static BigInteger unsigned(long value) {
        return new BigInteger(Long.toUnsignedString(value));
    }
}
