package io.kana.core.trading;

/**
 * Where a trader's entry-function payloads come from. Every payload, whatever its source, passes the
 * {@link PayloadPolicy} check and the on-chain drift guard before it is signed.
 */
public enum PayloadSource {

    /** Every payload from the trade API (two requests per order: the payload, then the submit). The default. */
    TRADE_API,

    /**
     * Built locally from the contract once the trade API has shown, for each operation, that its
     * payload equals the local build exactly and the chain's ABI confirmed the function it calls; one
     * order in every {@code recheckEvery} is compared again. A steady-state order is one request (the
     * submit). Any difference falls back to {@link #TRADE_API} for that operation and is reported.
     *
     * <p>Where Move parameters of one type could be swapped (size and leverage are both u64), a sample
     * proves their order only when it carries different values in them; a local build is used only when
     * every such pair whose values differ in the order at hand has been proven so, else the trade API is
     * asked again (that answer is the next sample).
     */
    VERIFIED_LOCAL,

    /**
     * Built locally from the contract, never asking the trade API: only for operations whose function
     * the chain's ABI confirms unambiguously (the proven name, or the one candidate present with the
     * contract's types); any other operation is refused before anything is sent. Opt-in: it trusts the
     * contract's argument order where the evidence leaves it open.
     */
    LOCAL
}
