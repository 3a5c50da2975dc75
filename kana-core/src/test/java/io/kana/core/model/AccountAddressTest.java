package io.kana.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kana.core.error.InvalidRequestException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AccountAddressTest {

    static final String WALLET = "0xd01e3a233632a41463bd6d289e99e69e1b50815c7afff710e1c992659a8722f3";

    @Test
    void keepsTheLongFormAsIs() {
        AccountAddress address = AccountAddress.parse(WALLET);

        assertThat(address.hex()).isEqualTo(WALLET);
        assertThat(address).hasToString(WALLET);
    }

    @ParameterizedTest
    @CsvSource({
        "0x1, 0x0000000000000000000000000000000000000000000000000000000000000001",
        "0xA, 0x000000000000000000000000000000000000000000000000000000000000000a",
        "0X1f, 0x000000000000000000000000000000000000000000000000000000000000001f",
        "'  0xabc  ', 0x0000000000000000000000000000000000000000000000000000000000000abc",
        "0x0, 0x0000000000000000000000000000000000000000000000000000000000000000"
    })
    void normalizesShortAndMixedCaseFormsToTheLongForm(String text, String longForm) {
        assertThat(AccountAddress.parse(text).hex()).isEqualTo(longForm);
    }

    @Test
    void twoFormsOfOneAddressAreEqual() {
        assertThat(AccountAddress.parse("0x1")).isEqualTo(AccountAddress.parse("0x" + "0".repeat(63) + "1"))
                .hasSameHashCodeAs(AccountAddress.parse("0x01"));
        assertThat(AccountAddress.parse(WALLET.toUpperCase().replace("0X", "0x"))).isEqualTo(AccountAddress.parse(WALLET));
    }

    @Test
    void theShortFormIsForSpecialAddressesOnly() {
        assertThat(AccountAddress.parse("0x1").toShortString()).isEqualTo("0x1");
        assertThat(AccountAddress.parse("0x0").toShortString()).isEqualTo("0x0");
        assertThat(AccountAddress.parse("0xf").toShortString()).isEqualTo("0xf");
        assertThat(AccountAddress.parse("0x10").toShortString()).hasSize(66);
        assertThat(AccountAddress.parse(WALLET).toShortString()).isEqualTo(WALLET);
    }

    @Test
    void bytesRoundTripAndAreACopy() {
        AccountAddress address = AccountAddress.parse(WALLET);
        byte[] bytes = address.bytes();

        assertThat(bytes).hasSize(AccountAddress.LENGTH).isEqualTo(HexFormat.of().parseHex(WALLET.substring(2)));
        bytes[0] = 0;
        assertThat(address.bytes()[0]).isEqualTo((byte) 0xd0);
        assertThat(AccountAddress.ofBytes(address.bytes())).isEqualTo(address);
    }

    @Test
    void ofBytesNeedsExactly32Bytes() {
        assertThatThrownBy(() -> AccountAddress.ofBytes(new byte[31])).isInstanceOf(InvalidRequestException.class)
                .hasMessage("an address has exactly 32 bytes, got 31");
        assertThatThrownBy(() -> AccountAddress.ofBytes(null)).hasMessage("an address has exactly 32 bytes, got null");
    }

    @Test
    void rejectsAnAddressWithout0x() {
        assertThatThrownBy(() -> AccountAddress.parse(WALLET.substring(2)))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("an address must start with 0x, got 'd01e3a23");
    }

    @Test
    void rejectsMoreThan64Digits() {
        assertThatThrownBy(() -> AccountAddress.parse(WALLET + "0"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("1 to 64 hex digits after 0x, got 65");
        assertThatThrownBy(() -> AccountAddress.parse("0x")).hasMessageContaining("got 0");
    }

    @Test
    void rejectsNonHexDigitsNamingTheCulprit() {
        assertThatThrownBy(() -> AccountAddress.parse("0x12g4"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("an address is hex, but '0x12g4' contains 'g'");
    }

    @Test
    void rejectsNull() {
        assertThatThrownBy(() -> AccountAddress.parse(null)).isInstanceOf(InvalidRequestException.class)
                .hasMessage("an address is required, got null");
        assertThatThrownBy(() -> new AccountAddress(null)).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void abbreviatesLongGarbageInMessages() {
        String garbage = "x".repeat(500);
        assertThatThrownBy(() -> AccountAddress.parse(garbage))
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(130).contains("..."));
        assertThat(catchField(garbage)).isEqualTo("address");
    }

    private static String catchField(String text) {
        try {
            AccountAddress.parse(text);
            throw new AssertionError("accepted " + text);
        } catch (InvalidRequestException e) {
            return e.field();
        }
    }
}
