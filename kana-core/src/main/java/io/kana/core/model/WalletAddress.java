package io.kana.core.model;

import io.kana.core.error.InvalidRequestException;

/**
 * A wallet: the account that signs and holds the quote coins and APT. Kana's read endpoints take it
 * as {@code userAddress}; its trading account is a different address, its {@link ProfileAddress}.
 *
 * @param address the raw 32-byte address
 */
public record WalletAddress(AccountAddress address) {

    public WalletAddress {
        if (address == null) {
            throw new InvalidRequestException("wallet", "a wallet address is required, got null");
        }
    }

    /** Parses {@code 0x}-prefixed hex as {@link AccountAddress#parse} does. */
    public static WalletAddress parse(String text) {
        return new WalletAddress(AccountAddress.parse(text));
    }

    /** The wallet at {@code address}. */
    public static WalletAddress of(AccountAddress address) {
        return new WalletAddress(address);
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
