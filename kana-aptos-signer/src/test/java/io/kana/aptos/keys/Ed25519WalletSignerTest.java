package io.kana.aptos.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kana.core.error.InvalidRequestException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Ed25519WalletSignerTest {

    private static final String SEED = "0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20";
    private static final String PUBLIC_KEY = "79b5562e8fe654f94078b112e8a98ba7901f853ae695bed7e0e3910bad049664";
    private static final String ADDRESS = "0xb6bbeddd149a70b603089e5a1e4e259c39d6cbfb0139265b1d4bd79eaf790b03";

    @ParameterizedTest
    @ValueSource(strings = {"ed25519-priv-0x" + SEED, "0x" + SEED, SEED, "  0X" + SEED + "\n",
            "ED25519-PRIV-0x" + SEED})
    void acceptsAip80AndHexForms(String text) {
        Ed25519WalletSigner signer = Ed25519WalletSigner.fromText(text);
        assertThat(HexFormat.of().formatHex(signer.publicKey())).isEqualTo(PUBLIC_KEY);
        assertThat(signer.address().hex()).isEqualTo(ADDRESS);
        assertThat("0x" + HexFormat.of().formatHex(signer.authenticationKey())).isEqualTo(ADDRESS);
    }

    @Test
    void readsTheKeyFromAFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("wallet.key");
        Files.writeString(file, "ed25519-priv-0x" + SEED + "\n");
        assertThat(Ed25519WalletSigner.fromFile(file).address().hex()).isEqualTo(ADDRESS);
        assertThatThrownBy(() -> Ed25519WalletSigner.fromFile(dir.resolve("missing.key")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("missing.key");
    }

    @Test
    void environmentVariablesThatAreUnsetOrNotKeysAreNamedButNotShown() {
        assertThatThrownBy(() -> Ed25519WalletSigner.fromEnvironment("KANA_TEST_SURELY_UNSET_VARIABLE"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("KANA_TEST_SURELY_UNSET_VARIABLE is not set");
        String path = System.getenv("PATH");
        if (path != null && !path.isBlank()) {
            assertThatThrownBy(() -> Ed25519WalletSigner.fromEnvironment("PATH"))
                    .isInstanceOf(InvalidRequestException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(path));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ed25519-priv-" + SEED, "0x" + SEED + "00", "0xzzab",
            "0xg" + "eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee",
            "ed25519-priv-0x" + "abababababababababababababababababababababababababababababab", "", "secp256k1-priv-0x" + SEED})
    void badKeyTextIsRejectedWithoutEchoingIt(String text) {
        assertThatThrownBy(() -> Ed25519WalletSigner.fromText(text))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> {
                    assertThat(e.getMessage()).contains("the key text is not shown").doesNotContain(SEED);
                    if (text.length() > 4) {
                        assertThat(e.getMessage()).doesNotContain(text.strip());
                    }
                });
    }

    @Test
    void toStringShowsOnlyTheAddress() {
        Ed25519WalletSigner signer = Ed25519WalletSigner.fromText(SEED);
        assertThat(signer.toString()).isEqualTo("Ed25519WalletSigner[address=" + ADDRESS + "]").doesNotContain(SEED);
    }

    @Test
    void signsDeterministicallyPerRfc8032AndHandsOutCopies() {
        Ed25519WalletSigner signer = Ed25519WalletSigner.fromSeed(HexFormat.of().parseHex(SEED));
        byte[] message = "kana".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertThat(signer.sign(message)).hasSize(64).isEqualTo(signer.sign(message));
        byte[] publicKey = signer.publicKey();
        publicKey[0] ^= 1;
        assertThat(HexFormat.of().formatHex(signer.publicKey())).isEqualTo(PUBLIC_KEY);
        assertThatThrownBy(() -> Ed25519WalletSigner.fromSeed(new byte[31])).isInstanceOf(InvalidRequestException.class);
    }
}
