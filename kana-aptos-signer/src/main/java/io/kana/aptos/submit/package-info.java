/**
 * Submitting signed transactions to an Aptos node: {@link io.kana.aptos.submit.AptosTransactionSubmitter},
 * the {@link io.kana.core.port.TransactionSubmitter} of the SDK, configured by
 * {@link io.kana.aptos.submit.SubmitterSettings}.
 *
 * <p>The submitter depends on two package-private seams, so that its rules can be tested against fakes:
 * {@code NodeGateway} (the node REST client) and {@code TransactionSigning} (the BCS transaction builder).
 * Production code binds them with thin adapters in this package; each method maps to exactly one call.
 *
 * <h2>Sequence-number rule</h2>
 * A number whose transaction may be in the mempool (sent, accepted, or its answer lost) is <em>live</em>
 * and is never handed out again. It stops being live when the node definitely refused its first and only
 * send, when its transaction was never sent (signing failed), when the node's account count passed it, or
 * when an account read proves it can never commit: the read's chain time ({@code X-Aptos-Ledger-TimestampUsec})
 * reached its expiry while the count was still at or below it. The local clock never frees a number; it only
 * says when such a read is worth making. The next order gets the lowest number at or above the node's count
 * that is not live. So:
 * <ul>
 *   <li>steady state: numbers are handed out locally, one after the other, with one account read per
 *       expiration window;</li>
 *   <li>any outright refusal triggers one re-read of the node's count before the next number is handed
 *       out; a refused number below live ones (a hole that parks them) goes to the next order;</li>
 *   <li>an order refused only for its number is signed again with a fresh one; its old bytes were not
 *       accepted, so this cannot duplicate it;</li>
 *   <li>an order whose answer was lost is never signed again: the same bytes are resent, then its hash
 *       decides; if it stays unknown its number stays live until the node proves it expired;</li>
 *   <li>an accepted transaction that the node then loses is a hole: once proven expired on chain its order
 *       (and any parked one proven expired with it) is signed again into the hole, and
 *       {@code awaitOutcome} on the old hash follows the new transaction. An order whose caller was told
 *       "not executed" is never signed again.</li>
 * </ul>
 */
package io.kana.aptos.submit;
