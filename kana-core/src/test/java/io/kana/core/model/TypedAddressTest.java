package io.kana.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kana.core.error.InvalidRequestException;
import org.junit.jupiter.api.Test;

class TypedAddressTest {

    private static final String LONG_ONE = "0x" + "0".repeat(63) + "1";

    @Test
    void bothParseLikeAnAccountAddressAndPrintTheLongForm() {
        assertThat(WalletAddress.parse(" 0X1 ").address()).isEqualTo(AccountAddress.parse(LONG_ONE));
        assertThat(ProfileAddress.parse("0x1").hex()).isEqualTo(LONG_ONE);
        assertThat(WalletAddress.of(AccountAddress.parse("0x1"))).hasToString(LONG_ONE);
        assertThat(ProfileAddress.of(AccountAddress.parse("0x1"))).hasToString(LONG_ONE);
    }

    @Test
    void aWalletIsNeverEqualToAProfileWithTheSameBytes() {
        assertThat((Object) WalletAddress.parse("0x1")).isNotEqualTo(ProfileAddress.parse("0x1"));
        assertThat(WalletAddress.parse("0x1")).isEqualTo(WalletAddress.parse(LONG_ONE));
    }

    @Test
    void aMissingOrMalformedAddressIsATypedRefusal() {
        assertThatThrownBy(() -> WalletAddress.of(null)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("a wallet address is required");
        assertThatThrownBy(() -> ProfileAddress.of(null)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("a profile address is required");
        assertThatThrownBy(() -> WalletAddress.parse("abc")).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("must start with 0x");
    }
}
