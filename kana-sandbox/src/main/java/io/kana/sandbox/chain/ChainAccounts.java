package io.kana.sandbox.chain;

/**
 * The seam in the other direction: what the exchange may ask of the simulated chain's accounts.
 * Implemented by the chain side. Addresses are long-form {@code 0x} hex.
 */
public interface ChainAccounts {

    /** Creates the account if needed and credits it with APT (in octas, 10^-8 APT) for gas. */
    void fundApt(String address, long octas);

    /** The account's APT balance in octas; 0 for an unknown account. */
    long aptBalanceOctas(String address);
}
