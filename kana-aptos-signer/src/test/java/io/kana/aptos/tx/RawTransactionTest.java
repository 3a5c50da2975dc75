package io.kana.aptos.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kana.aptos.types.TypeTag;
import io.kana.core.error.InvalidRequestException;
import io.kana.core.error.SignerException;
import io.kana.core.model.AccountAddress;
import io.kana.core.port.WalletSigner;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class RawTransactionTest {

    private static final AccountAddress SENDER = AccountAddress.parse("0x" + "ab".repeat(32));
    private static final EntryFunction COLLAPSE = new EntryFunction(AccountAddress.parse("0x1"), "m", "f", List.of(),
            List.of(new byte[] {7}));

    @Test
    void encodesFieldsInAptosOrderWithPayloadVariantTwo() {
        RawTransaction raw = new RawTransaction(new TransactionParameters(SENDER, 1, 2, 3, 4, 5), COLLAPSE);
        assertThat(HexFormat.of().formatHex(raw.bytes())).isEqualTo("ab".repeat(32) + "0100000000000000"
                + "02" + "00".repeat(31) + "01" + "016d" + "0166" + "00" + "01" + "0107"
                + "0200000000000000" + "0300000000000000" + "0400000000000000" + "05");
        assertThat(HexFormat.of().formatHex(raw.signingMessage()))
                .isEqualTo("b5e97db07fa0bd0e5598aa3643a9bc6f6693bddc1a9fec9e674a461eaa00b193"
                        + HexFormat.of().formatHex(raw.bytes()));
    }

    @Test
    void refusesSignersThatReturnMalformedKeysOrSignatures() {
        RawTransaction raw = new RawTransaction(new TransactionParameters(SENDER, 1, 2, 3, 4, 5), COLLAPSE);
        assertThatThrownBy(() -> raw.sign(signer(new byte[32], new byte[63])))
                .isInstanceOf(SignerException.class).hasMessageContaining("signature has 64 bytes");
        assertThatThrownBy(() -> raw.sign(signer(new byte[33], new byte[64])))
                .isInstanceOf(SignerException.class).hasMessageContaining("public key has 32 bytes");
        assertThatThrownBy(() -> raw.forSimulation(new byte[31])).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void entryFunctionValidatesNamesAndTypeArgumentsAndCopiesArguments() {
        assertThatThrownBy(() -> new EntryFunction(SENDER, "perpetual-scripts", "f", List.of(), List.of()))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("module name");
        assertThatThrownBy(() -> new EntryFunction(SENDER, "m", "1f", List.of(), List.of()))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("function name");
        assertThatThrownBy(() -> new EntryFunction(SENDER, "m", "f", List.of(TypeTag.parse("vector<T0>")), List.of()))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("concrete type");

        byte[] argument = {1, 2};
        EntryFunction function = new EntryFunction(SENDER, "m", "f", List.of(), List.of(argument));
        argument[0] = 9;
        function.arguments().get(0)[1] = 9;
        assertThat(function.arguments().get(0)).containsExactly(1, 2);
        assertThat(function).isEqualTo(new EntryFunction(SENDER, "m", "f", List.of(), List.of(new byte[] {1, 2})));
        assertThat(function.functionId()).isEqualTo(SENDER.hex() + "::m::f");
    }

    @Test
    void chainIdIsAU8() {
        assertThatThrownBy(() -> new TransactionParameters(SENDER, 0, 0, 0, 0, 256))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("0..255");
        assertThat(new TransactionParameters(SENDER, -1L, 0, 0, 0, 1).toString())
                .contains("sequenceNumber=18446744073709551615");
    }

    @Test
    void aCustodyThatFailsIsASignerErrorKeepingItsCause() {
        RawTransaction raw = new RawTransaction(new TransactionParameters(SENDER, 1, 2, 3, 4, 5), COLLAPSE);
        IllegalStateException offline = new IllegalStateException("the HSM did not answer");
        WalletSigner failing = new WalletSigner() {
            @Override
            public byte[] publicKey() {
                return new byte[32];
            }

            @Override
            public byte[] sign(byte[] message) {
                throw offline;
            }

            @Override
            public AccountAddress address() {
                return SENDER;
            }
        };

        assertThatThrownBy(() -> raw.sign(failing)).isInstanceOf(SignerException.class)
                .hasMessage("nothing was sent (sign): the wallet's signer failed: IllegalStateException: the HSM did not answer")
                .hasCause(offline)
                .satisfies(e -> assertThat(((SignerException) e).effectMayExist()).isFalse());
    }

    private static WalletSigner signer(byte[] publicKey, byte[] signature) {
        return new WalletSigner() {
            @Override
            public byte[] publicKey() {
                return publicKey;
            }

            @Override
            public byte[] sign(byte[] message) {
                return signature;
            }

            @Override
            public AccountAddress address() {
                return SENDER;
            }
        };
    }
}
