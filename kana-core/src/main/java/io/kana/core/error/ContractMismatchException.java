package io.kana.core.error;

/**
 * The chain disagrees with the contract: the entry function a payload calls is missing from the
 * module, is not an entry function, is generic, or takes other parameter types than the contract
 * says. Raised before signing: nothing was signed or submitted.
 */
public final class ContractMismatchException extends KanaException {

    private final String operation;
    private final String expectedSignature;
    private final String onChainSignature;

    /**
     * @param operation         the write operation, e.g. {@code WITHDRAW}
     * @param expectedSignature what the contract expects, e.g. {@code withdraw(address, u64, u64)}
     * @param onChainSignature  what the module's ABI has, or empty when no candidate exists
     * @param detail            why they disagree
     */
    public ContractMismatchException(String operation, String expectedSignature, String onChainSignature,
            String detail) {
        super(operation + ": the contract expects " + expectedSignature + ", the chain has "
                + (onChainSignature.isEmpty() ? "no such function" : onChainSignature) + " (" + detail
                + "); nothing was signed");
        this.operation = operation;
        this.expectedSignature = expectedSignature;
        this.onChainSignature = onChainSignature;
    }

    /** The write operation, e.g. {@code WITHDRAW}. */
    public String operation() {
        return operation;
    }

    /** The signature the contract expects. */
    public String expectedSignature() {
        return expectedSignature;
    }

    /** The on-chain signature, or empty when the module has no candidate function. */
    public String onChainSignature() {
        return onChainSignature;
    }
}
