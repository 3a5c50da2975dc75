package io.kana.core.port;

import io.kana.core.model.BalanceTransfer;
import io.kana.core.model.FundingPayment;
import io.kana.core.model.MarketId;
import io.kana.core.model.PageRequest;
import io.kana.core.model.ProfileAddress;
import io.kana.core.model.WalletAddress;
import java.math.BigDecimal;
import java.util.List;

/**
 * A wallet's accounts: balances and money movements. Every method takes the <em>wallet</em> address;
 * the on-chain trading account is the wallet's {@link #profileAddress profile address}.
 */
public interface Accounts {

    /** {@code GET /getProfileAddress}: the trading (profile) account of a wallet. */
    ProfileAddress profileAddress(WalletAddress wallet);

    /** {@code GET /getWalletAccountBalance}: quote coins in the wallet, not yet deposited. */
    BigDecimal walletBalance(WalletAddress wallet);

    /**
     * {@code GET /getProfileBalanceSnapshot}: the trading account's balance.
     *
     * @throws io.kana.core.error.ProfileNotFoundException when the wallet has no trading profile yet
     *         (it has never deposited)
     */
    BigDecimal profileBalance(WalletAddress wallet);

    /** {@code GET /getNetProfileBalance}: available trading balance plus pending balances of closed positions. */
    BigDecimal netProfileBalance(WalletAddress wallet);

    /** {@code GET /getAccountAptBalance}: APT held by the wallet (for gas). */
    BigDecimal aptBalance(WalletAddress wallet);

    /** {@code GET /getDepositAndWithdrawHistory}. */
    List<BalanceTransfer> depositAndWithdrawHistory(WalletAddress wallet);

    /**
     * {@code GET /getFundingHistory}.
     *
     * @param marketId the market, or null for all markets
     */
    List<FundingPayment> fundingHistory(WalletAddress wallet, MarketId marketId, PageRequest page);
}
