package io.kana.aptos.submit;

import io.kana.core.error.InvalidRequestException;
import java.time.Duration;

/**
 * How {@link AptosTransactionSubmitter} builds and sends transactions. Immutable; start from
 * {@link #defaults()} and change what you need with the {@code with…} methods.
 *
 * @param expirationWindow        how long after signing a transaction may still commit (default 20 s,
 *                                as the Aptos TS SDK); the node drops it after that
 * @param maxGasAmount            the most gas units one transaction may use (default 200,000, as the
 *                                Aptos TS SDK); the account must hold {@code maxGasAmount × gasUnitPrice}
 * @param gasPriceRefreshInterval how often the gas unit price estimate is refreshed in the background
 *                                (default 10 s)
 * @param submitAttempts          how many times the same signed bytes are sent when the node's answer is
 *                                lost (timeout, reset, 5xx, 429), first send included (default 8; re-sends wait at most 1 s)
 * @param retryBackoff            the pause before the first re-send; it doubles for each further one
 *                                (default 200 ms)
 * @param maxResigns              how many times an order refused only for its sequence number is
 *                                signed again with a fresh number (default 3)
 * @param maxUncommitted          how many numbers may be handed out beyond the node's last known count of
 *                                committed transactions; further orders wait, re-reading the count, since a
 *                                node keeps only 100 transactions per account in its mempool (default 90)
 * @param expectedChainId         the chain id the node must report before anything is signed (1..255), or 0
 *                                to sign for whichever chain the node reports (default 0; {@code KanaClient}
 *                                sets its network's)
 */
public record SubmitterSettings(
        Duration expirationWindow,
        long maxGasAmount,
        Duration gasPriceRefreshInterval,
        int submitAttempts,
        Duration retryBackoff,
        int maxResigns,
        int maxUncommitted,
        int expectedChainId) {

    public SubmitterSettings {
        requireAtLeast("expirationWindow", expirationWindow, Duration.ofSeconds(1));
        requireAtLeast("gasPriceRefreshInterval", gasPriceRefreshInterval, Duration.ofMillis(1));
        requireAtLeast("retryBackoff", retryBackoff, Duration.ZERO);
        if (maxGasAmount <= 0) {
            throw new InvalidRequestException("maxGasAmount", "maxGasAmount must be positive, got " + maxGasAmount);
        }
        if (submitAttempts < 1) {
            throw new InvalidRequestException("submitAttempts", "submitAttempts must be at least 1, got " + submitAttempts);
        }
        if (maxUncommitted < 1) {
            throw new InvalidRequestException("maxUncommitted", "maxUncommitted must be at least 1, got " + maxUncommitted);
        }
        if (expectedChainId < 0 || expectedChainId > 255) {
            throw new InvalidRequestException("expectedChainId", "a chain id is 1..255 (0: any), got " + expectedChainId);
        }
        if (maxResigns < 0) {
            throw new InvalidRequestException("maxResigns", "maxResigns must not be negative, got " + maxResigns);
        }
    }

    /** The defaults described on the record components. */
    public static SubmitterSettings defaults() {
        return new SubmitterSettings(
                Duration.ofSeconds(20), 200_000, Duration.ofSeconds(10), 8, Duration.ofMillis(200), 3,
                90, 0);
    }

    public SubmitterSettings withExpirationWindow(Duration value) {
        return new SubmitterSettings(value, maxGasAmount, gasPriceRefreshInterval, submitAttempts, retryBackoff,
                maxResigns, maxUncommitted, expectedChainId);
    }

    public SubmitterSettings withMaxGasAmount(long value) {
        return new SubmitterSettings(expirationWindow, value, gasPriceRefreshInterval, submitAttempts, retryBackoff,
                maxResigns, maxUncommitted, expectedChainId);
    }

    public SubmitterSettings withGasPriceRefreshInterval(Duration value) {
        return new SubmitterSettings(expirationWindow, maxGasAmount, value, submitAttempts, retryBackoff,
                maxResigns, maxUncommitted, expectedChainId);
    }

    public SubmitterSettings withSubmitAttempts(int value) {
        return new SubmitterSettings(expirationWindow, maxGasAmount, gasPriceRefreshInterval, value, retryBackoff,
                maxResigns, maxUncommitted, expectedChainId);
    }

    public SubmitterSettings withRetryBackoff(Duration value) {
        return new SubmitterSettings(expirationWindow, maxGasAmount, gasPriceRefreshInterval, submitAttempts, value,
                maxResigns, maxUncommitted, expectedChainId);
    }

    public SubmitterSettings withMaxResigns(int value) {
        return new SubmitterSettings(expirationWindow, maxGasAmount, gasPriceRefreshInterval, submitAttempts,
                retryBackoff, value, maxUncommitted, expectedChainId);
    }

    private static void requireAtLeast(String name, Duration value, Duration minimum) {
        if (value == null || value.compareTo(minimum) < 0) {
            throw new InvalidRequestException(name, name + " must be at least " + minimum + ", got " + value);
        }
    }

    public SubmitterSettings withMaxUncommitted(int value) {
        return new SubmitterSettings(expirationWindow, maxGasAmount, gasPriceRefreshInterval, submitAttempts,
                retryBackoff, maxResigns, value, expectedChainId);
    }

    /** Only sign when the node reports this chain id (1..255); 0 signs for whichever it reports. */
    public SubmitterSettings withExpectedChainId(int value) {
        return new SubmitterSettings(expirationWindow, maxGasAmount, gasPriceRefreshInterval, submitAttempts,
                retryBackoff, maxResigns, maxUncommitted, value);
    }
}
