package io.kana.sandbox.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CryptoTest {

    @Test
    void derivesEveryVectorKeysPublicKeyAndAddressWithTheJdkAlone() {
        for (Map<String, Object> vector : SigningVectors.cases()) {
            byte[] seed = Hex.decode((String) SigningVectors.inputs(vector).get("privateKeyHex"));
            byte[] publicKey = Crypto.publicKeyFromSeed(seed);
            assertThat(Hex.of(publicKey)).isEqualTo(SigningVectors.outputs(vector).get("publicKey"));
            assertThat(Hex.of(Crypto.authenticationKey(publicKey))).isEqualTo(SigningVectors.outputs(vector).get("address"));
        }
    }

    @Test
    void aFlippedBitBreaksTheSignature() {
        SignedTransaction tx = SignedTransaction.decode(SigningVectors.signedBytes(SigningVectors.cases().get(0)));
        byte[] raw = tx.rawBytes().clone();
        raw[raw.length - 1] ^= 1;
        assertThat(Crypto.verifyTransaction(tx.publicKey(), tx.signature(), tx.rawBytes())).isTrue();
        assertThat(Crypto.verifyTransaction(tx.publicKey(), tx.signature(), raw)).isFalse();
        assertThat(Crypto.verifyTransaction(new byte[32], tx.signature(), tx.rawBytes())).isFalse();
    }

    @Test
    void printsAddressesInEachForm() {
        byte[] one = Hex.address("0x1");
        assertThat(Hex.standardAddress(one)).isEqualTo("0x1");
        assertThat(Hex.longAddress(one)).isEqualTo("0x" + "0".repeat(63) + "1");
        byte[] alice = Hex.address("0xa11ce");
        assertThat(Hex.standardAddress(alice)).isEqualTo("0x" + "0".repeat(59) + "a11ce");
        assertThat(Hex.literalAddress(alice)).isEqualTo("0xa11ce");
    }
}
