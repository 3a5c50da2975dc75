package io.kana.core.error;

import io.kana.core.model.WalletAddress;

/**
 * The wallet has no trading profile yet: Kana creates it with the first deposit, and until then
 * {@code getProfileBalanceSnapshot} answers {@code success:false}. Nothing was changed on chain.
 */
public final class ProfileNotFoundException extends KanaApiException {

    private final WalletAddress wallet;

    public ProfileNotFoundException(WalletAddress wallet, KanaApiException refusal) {
        super(refusal.endpoint(), refusal.httpStatus(), refusal.apiMessage(),
                "wallet " + wallet + " has no trading profile yet (it is created by the first deposit); "
                        + refusal.endpoint() + " answered: "
                        + (refusal.apiMessage() == null ? "no message" : refusal.apiMessage()));
        this.wallet = wallet;
    }

    /** The wallet that has no profile. */
    public WalletAddress wallet() {
        return wallet;
    }
}
