package io.kana.core.model;

import io.kana.core.error.InvalidRequestException;

/**
 * A wallet's profile: the on-chain trading account Kana derives from the wallet
 * ({@code getProfileAddress}). Orders, positions and fills carry it; the SDK looks it up from the
 * {@link WalletAddress}, so callers need only the wallet.
 *
 * @param address the raw 32-byte address
 */
public record ProfileAddress(AccountAddress address) {

    public ProfileAddress {
        if (address == null) {
            throw new InvalidRequestException("profile", "a profile address is required, got null");
        }
    }

    /** Parses {@code 0x}-prefixed hex as {@link AccountAddress#parse} does. */
    public static ProfileAddress parse(String text) {
        return new ProfileAddress(AccountAddress.parse(text));
    }

    /** The profile at {@code address}. */
    public static ProfileAddress of(AccountAddress address) {
        return new ProfileAddress(address);
    }

    /** The long form: {@code 0x} followed by 64 lowercase hex digits. */
    public String hex() {
        return address.hex();
    }

    @Override
    public String toString() {
        return address.toString();
    }
}
