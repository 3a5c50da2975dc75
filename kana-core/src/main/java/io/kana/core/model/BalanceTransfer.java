package io.kana.core.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;

/**
 * A deposit into or withdrawal from the trading account ({@code getDepositAndWithdrawHistory}).
 *
 * @param address            the profile address
 * @param amount             amount moved, in quote coins
 * @param deposit            true for a deposit, false for a withdrawal
 * @param timestamp          time of the transfer
 * @param lastUpdated        last update time
 * @param transactionVersion Aptos ledger version
 */
public record BalanceTransfer(
        ProfileAddress address,
        BigDecimal amount,
        boolean deposit,
        Instant timestamp,
        Instant lastUpdated,
        BigInteger transactionVersion) {}
