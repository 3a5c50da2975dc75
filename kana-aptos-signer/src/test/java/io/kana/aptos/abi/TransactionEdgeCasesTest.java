package io.kana.aptos.abi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kana.aptos.keys.Ed25519WalletSigner;
import io.kana.aptos.tx.SignedTransaction;
import io.kana.aptos.tx.TransactionParameters;
import io.kana.core.model.AccountAddress;
import io.kana.core.model.EntryFunctionPayload;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The reference's edge cases, checked against bytes written out by hand from the BCS rules (not
 * produced by the code under test), plus an independent JDK check of signature and hash.
 */
class TransactionEdgeCasesTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final String MODULE = "0x6a0b1f4c2d3e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8";
    private static final String MODULE_HEX = MODULE.substring(2);
    private static final String U64_MAX = "18446744073709551615";
    private static final String U128_MAX = "340282366920938463463374607431768211455";
    private static final String FF8 = "ff".repeat(8);
    private static final Ed25519WalletSigner SIGNER = Ed25519WalletSigner.fromText(
            "ed25519-priv-0x0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20");

    private final TransactionFactory factory = new TransactionFactory();

    @Test
    void u64MaxInEveryNumericField() {
        ModuleAbi abi = abi("place_limit_order", 0, "u64", "bool", "bool", "u64", "u64", "u64", "u8", "u64", "u64");
        EntryFunctionPayload payload = payload("place_limit_order", List.of(),
                U64_MAX, "true", "false", U64_MAX, U64_MAX, U64_MAX, "255", U64_MAX, U64_MAX);
        TransactionParameters parameters = new TransactionParameters(SIGNER.address(), -1L, -1L, -1L, -1L, 255);

        SignedTransaction signed = factory.sign(payload, abi, parameters, SIGNER);

        String expectedPayload = "02" + MODULE_HEX + "11" + ascii("perpetual_scripts") + "11" + ascii("place_limit_order")
                + "00" + "09" + "08" + FF8 + "0101" + "0100" + ("08" + FF8).repeat(3) + "01ff" + ("08" + FF8).repeat(2);
        String expectedRaw = SIGNER.address().hex().substring(2) + FF8 + expectedPayload + FF8 + FF8 + FF8 + "ff";
        assertThat(HEX.formatHex(signed.rawTransactionBytes())).isEqualTo(expectedRaw);
        assertIndependentlySignedAndHashed(signed, expectedRaw);
    }

    @ParameterizedTest
    @ValueSource(strings = {"9223372036854775806", "9223372036854775807", "9223372036854775808", "9223372036854775809"})
    void sequenceNumbersAroundTwoToThe63(String sequenceNumber) {
        SignedTransaction signed = factory.sign(payload("collapse_position", List.of(), "1"),
                abi("collapse_position", 0, "u64"),
                new TransactionParameters(SIGNER.address(), Long.parseUnsignedLong(sequenceNumber), 2000, 100, 1, 2),
                SIGNER);

        byte[] raw = signed.rawTransactionBytes();
        assertThat(HEX.formatHex(raw, 32, 40)).isEqualTo(littleEndian(new BigInteger(sequenceNumber), 8));
        assertThat(Long.toUnsignedString(signed.sequenceNumber())).isEqualTo(sequenceNumber);
        assertThat(signed.toString()).contains("sequenceNumber=" + sequenceNumber);
        assertIndependentlySignedAndHashed(signed, HEX.formatHex(raw));
    }

    @Test
    void u128IdsAboveTwoToThe64AndAtU128Max() {
        List<Object> ids = List.of("18446744073709551616", "18446744073709551617", U128_MAX, "0", "123456789");
        assertThat(argument("vector<u128>", ids)).isEqualTo("05"
                + "00".repeat(8) + "01" + "00".repeat(7)
                + "01" + "00".repeat(7) + "01" + "00".repeat(7)
                + "ff".repeat(16)
                + "00".repeat(16)
                + littleEndian(BigInteger.valueOf(123456789), 16));
        assertThatThrownBy(() -> argument("u128", "340282366920938463463374607431768211456"))
                .isInstanceOf(AbiEncodingException.class).hasMessageContaining("out of range for u128");
    }

    @Test
    void emptyVectors() {
        assertThat(argument("vector<u128>", List.of())).isEqualTo("00");
        assertThat(argument("vector<bool>", "[]")).isEqualTo("00");
        assertThat(argument("vector<u8>", "")).isEqualTo("00");
        assertThat(argument("vector<vector<u64>>", List.of(List.of(), List.of()))).isEqualTo("020000");
        assertThat(argument("vector<0x1::string::String>", List.of())).isEqualTo("00");
    }

    @Test
    void lengthsThatNeedTwoByteUleb128() {
        List<Object> many = new ArrayList<>(Collections.nCopies(130, (Object) "7"));
        String vector = argument("vector<u64>", many);
        assertThat(vector).isEqualTo("8201" + "0700000000000000".repeat(130));

        // 100 two-byte characters: 200 UTF-8 bytes, length c8 01.
        assertThat(argument("0x1::string::String", "é".repeat(100))).isEqualTo("c801" + "c3a9".repeat(100));
        assertThat(argument("0x1::string::String", "€".repeat(43))).isEqualTo("8101" + "e282ac".repeat(43));
        assertThat(argument("vector<u8>", "a".repeat(128))).isEqualTo("8001" + "61".repeat(128));

        // The argument itself (2 + 1040 bytes) gets a two-byte length inside the payload: 1042 = 92 08.
        String payload = HEX.formatHex(factory.encode(payload("f", List.of(), (Object) many), abi("f", 0, "vector<u64>"))
                .payloadBytes());
        assertThat(payload).endsWith("01" + "9208" + vector);
    }

    @Test
    void optionNoneAndSomeAtTheExtremes() {
        assertThat(argument("0x1::option::Option<u64>", null)).isEqualTo("00");
        assertThat(argument("0x1::option::Option<u64>", "0")).isEqualTo("01" + "00".repeat(8));
        assertThat(argument("0x1::option::Option<u64>", U64_MAX)).isEqualTo("01" + FF8);
        assertThat(argument("0x1::option::Option<u128>", U128_MAX)).isEqualTo("01" + "ff".repeat(16));
        assertThat(argument("0x1::option::Option<u8>", "255")).isEqualTo("01ff");
        assertThat(argument("0x1::option::Option<0x1::string::String>", "")).isEqualTo("0100");
        assertThat(argument("0x1::option::Option<0x1::string::String>", null)).isEqualTo("00");
        assertThat(argument("0x1::option::Option<vector<u64>>", List.of())).isEqualTo("0100");
        assertThat(argument("0x1::option::Option<address>", "0x0")).isEqualTo("01" + "00".repeat(32));
        assertThatThrownBy(() -> argument("0x1::option::Option<u64>", "18446744073709551616"))
                .isInstanceOf(AbiEncodingException.class).hasMessageContaining("option value");
    }

    @Test
    void addressesZeroAndAllOnes() {
        String allOnes = "0x" + "f".repeat(64);
        assertThat(argument("address", "0x0")).isEqualTo("00".repeat(32));
        assertThat(argument("address", "0x" + "0".repeat(64))).isEqualTo("00".repeat(32));
        assertThat(argument("address", allOnes)).isEqualTo("ff".repeat(32));
        assertThat(argument("0x1::object::Object<0x1::fungible_asset::Metadata>", allOnes)).isEqualTo("ff".repeat(32));
        assertThat(argument("vector<address>", List.of("0x0", allOnes))).isEqualTo("02" + "00".repeat(32) + "ff".repeat(32));

        for (String sender : List.of("0x0", allOnes)) {
            SignedTransaction signed = factory.sign(payload("collapse_position", List.of(), "1"),
                    abi("collapse_position", 0, "u64"),
                    new TransactionParameters(AccountAddress.parse(sender), 0, 1, 1, 1, 2), SIGNER);
            assertThat(HEX.formatHex(signed.rawTransactionBytes(), 0, 32)).isEqualTo(sender.equals("0x0")
                    ? "00".repeat(32) : "ff".repeat(32));
        }
    }

    @Test
    void nestedGenericTypeArguments() {
        String usdc = "0x" + "ab".repeat(32) + "::usdc::USDC";
        ModuleAbi abi = abi("deposit", 2, "u64", "T1", "vector<T0>");
        EntryFunctionPayload payload = payload("deposit",
                List.of("0x1::coin::CoinStore<" + usdc + ">", "u128"),
                "5", U128_MAX, List.of());

        String bytes = HEX.formatHex(factory.encode(payload, abi).payloadBytes());

        String coinStore = "07" + "00".repeat(31) + "01" + "04" + ascii("coin") + "09" + ascii("CoinStore") + "01"
                + "07" + "ab".repeat(32) + "04" + ascii("usdc") + "04" + ascii("USDC") + "00";
        assertThat(bytes).isEqualTo("02" + MODULE_HEX + "11" + ascii("perpetual_scripts") + "07" + ascii("deposit")
                + "02" + coinStore + "03"
                + "03" + "08" + "0500000000000000" + "10" + "ff".repeat(16) + "01" + "00");
        assertThatThrownBy(() -> factory.encode(payload("deposit", List.of("u64", "u128"), "5", U128_MAX, List.of("x")),
                abi)).isInstanceOf(AbiEncodingException.class).hasMessageContaining("T0 = u64");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 3, 4, 42, 127, 128, 255})
    void chainIdsOtherThanMainnetAndTestnet(int chainId) {
        SignedTransaction signed = factory.sign(payload("collapse_position", List.of(), "1"),
                abi("collapse_position", 0, "u64"),
                new TransactionParameters(SIGNER.address(), 7, 2000, 100, 1_767_225_600L, chainId), SIGNER);
        byte[] raw = signed.rawTransactionBytes();
        assertThat(raw[raw.length - 1] & 0xFF).isEqualTo(chainId);
        assertIndependentlySignedAndHashed(signed, HEX.formatHex(raw));
    }

    @Test
    void simulationCarriesAZeroSignatureThatDoesNotVerify() {
        TransactionParameters parameters = new TransactionParameters(SIGNER.address(), 3, 2000, 100, 1, 4);
        EntryFunctionPayload payload = payload("collapse_position", List.of(), "1");
        ModuleAbi abi = abi("collapse_position", 0, "u64");

        SignedTransaction simulation = factory.simulation(payload, abi, parameters, SIGNER.publicKey());
        SignedTransaction signed = factory.sign(payload, abi, parameters, SIGNER);

        assertThat(simulation.isSimulation()).isTrue();
        assertThat(signed.isSimulation()).isFalse();
        assertThat(simulation.signature()).isEqualTo(new byte[64]);
        assertThat(simulation.rawTransactionBytes()).isEqualTo(signed.rawTransactionBytes());
        assertThat(HEX.formatHex(simulation.bytes())).isEqualTo(HEX.formatHex(signed.rawTransactionBytes())
                + "0020" + HEX.formatHex(SIGNER.publicKey()) + "40" + "00".repeat(64));
        assertThat(JdkEd25519.verify(SIGNER.publicKey(), simulation.signingMessage(), simulation.signature())).isFalse();
        assertThat(simulation.hash()).isNotEqualTo(signed.hash()).isEqualTo(expectedHash(simulation.bytes()));
    }

    @Test
    void signedTransactionHandsOutCopies() {
        SignedTransaction signed = factory.sign(payload("collapse_position", List.of(), "1"),
                abi("collapse_position", 0, "u64"), new TransactionParameters(SIGNER.address(), 1, 2000, 100, 1, 2),
                SIGNER);
        byte[] bytes = signed.bytes();
        bytes[0] ^= 1;
        assertThat(signed.bytes()).isNotEqualTo(bytes);
        assertThat(signed.hash()).isEqualTo(expectedHash(signed.bytes()));
    }

    private void assertIndependentlySignedAndHashed(SignedTransaction signed, String expectedRawHex) {
        String signingMessage = HEX.formatHex(sha3("APTOS::RawTransaction".getBytes(StandardCharsets.US_ASCII)))
                + expectedRawHex;
        assertThat(HEX.formatHex(signed.signingMessage())).isEqualTo(signingMessage);
        assertThat(JdkEd25519.verify(SIGNER.publicKey(), HEX.parseHex(signingMessage), signed.signature())).isTrue();
        assertThat(HEX.formatHex(signed.bytes())).isEqualTo(expectedRawHex + "00" + "20"
                + HEX.formatHex(SIGNER.publicKey()) + "40" + HEX.formatHex(signed.signature()));
        assertThat(signed.hash()).isEqualTo(expectedHash(signed.bytes()));
    }

    private static String expectedHash(byte[] signedBytes) {
        byte[] prefix = sha3("APTOS::Transaction".getBytes(StandardCharsets.US_ASCII));
        byte[] input = new byte[33 + signedBytes.length];
        System.arraycopy(prefix, 0, input, 0, 32);
        System.arraycopy(signedBytes, 0, input, 33, signedBytes.length);
        return "0x" + HEX.formatHex(sha3(input));
    }

    private String argument(String type, Object value) {
        return HEX.formatHex(factory.encode(payload("f", List.of(), value), abi("f", 0, type)).arguments().get(0));
    }

    private static ModuleAbi abi(String function, int typeParameters, String... params) {
        List<String> all = new ArrayList<>(List.of("&signer"));
        all.addAll(List.of(params));
        return new ModuleAbi(AccountAddress.parse(MODULE), "perpetual_scripts",
                List.of(new FunctionAbi(function, true, typeParameters, all)));
    }

    private static EntryFunctionPayload payload(String function, List<String> typeArguments, Object... arguments) {
        return new EntryFunctionPayload(MODULE + "::perpetual_scripts::" + function, typeArguments,
                new ArrayList<>(java.util.Arrays.asList(arguments)));
    }

    private static String littleEndian(BigInteger value, int width) {
        byte[] out = new byte[width];
        for (int i = 0; i < width; i++) {
            out[i] = value.shiftRight(8 * i).byteValue();
        }
        return HEX.formatHex(out);
    }

    private static String ascii(String s) {
        return HEX.formatHex(s.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] sha3(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA3-256").digest(input);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
