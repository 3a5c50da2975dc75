package io.kana.aptos.submit;

import io.kana.core.model.AccountAddress;
import io.kana.core.port.WalletSigner;

/** A wallet whose "signature" is fixed bytes: the fakes never verify it. It can play a custody that fails. */
final class TestWallet implements WalletSigner {

    private volatile RuntimeException failure;

    static final AccountAddress ADDRESS = AccountAddress.parse("0xb6bbeddd149a70b603089e5a1e4e259c39d6cbfb0139265b1d4bd79eaf790b03");

    @Override
    public byte[] publicKey() {
        return new byte[32];
    }

    @Override
    public byte[] sign(byte[] message) {
        RuntimeException fail = failure;
        if (fail != null) {
            throw fail;
        }
        return new byte[64];
    }

    /** From now on every signature fails with {@code error}; null signs again. */
    void failWith(RuntimeException error) {
        failure = error;
    }

    @Override
    public AccountAddress address() {
        return ADDRESS;
    }
}
