package io.kana.sandbox.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SignedTransactionTest {

    static Stream<Map<String, Object>> vectors() {
        return SigningVectors.cases().stream();
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void decodesEveryVectorFieldByField(Map<String, Object> vector) {
        Map<String, Object> in = SigningVectors.inputs(vector);
        Map<String, Object> out = SigningVectors.outputs(vector);

        SignedTransaction tx = SignedTransaction.decode(SigningVectors.signedBytes(vector));

        assertThat(tx.sender()).isEqualTo(in.get("sender"));
        assertThat(Long.toUnsignedString(tx.sequenceNumber())).isEqualTo(in.get("sequenceNumber"));
        assertThat(Long.toUnsignedString(tx.maxGasAmount())).isEqualTo(in.get("maxGasAmount"));
        assertThat(Long.toUnsignedString(tx.gasUnitPrice())).isEqualTo(in.get("gasUnitPrice"));
        assertThat(Long.toUnsignedString(tx.expirationSecs())).isEqualTo(in.get("expirationTimestampSecs"));
        assertThat((double) tx.chainId()).isEqualTo(in.get("chainId"));
        assertThat(tx.payload().moduleAddress() + "::" + tx.payload().moduleName() + "::" + tx.payload().function())
                .isEqualTo(in.get("function"));
        assertThat(tx.payload().typeArguments().stream().map(MoveType::text).toList()).isEqualTo(in.get("typeArguments"));
        List<?> argumentsBcs = (List<?>) out.get("argumentsBcs");
        assertThat(tx.payload().arguments()).hasSameSizeAs(argumentsBcs);
        for (int i = 0; i < argumentsBcs.size(); i++) {
            assertThat(Hex.of(tx.payload().arguments().get(i))).isEqualTo(argumentsBcs.get(i));
        }
        assertThat(Hex.of(tx.payloadBytes())).isEqualTo(out.get("payloadBcs"));
        assertThat(Hex.of(tx.rawBytes())).isEqualTo(out.get("rawTransactionBcs"));
        assertThat(Hex.of(tx.publicKey())).isEqualTo(out.get("publicKey"));
        assertThat(Hex.of(tx.signature())).isEqualTo(out.get("signature"));
        assertThat(tx.hash()).isEqualTo(out.get("transactionHash"));
        assertThat(tx.authenticationKey()).isEqualTo(out.get("authenticationKey"));
        assertThat(tx.signatureValid()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void decodesEveryVectorArgumentByItsAbiType(Map<String, Object> vector) {
        SignedTransaction tx = SignedTransaction.decode(SigningVectors.signedBytes(vector));
        List<?> arguments = (List<?>) SigningVectors.inputs(vector).get("arguments");
        for (int i = 0; i < arguments.size(); i++) {
            Map<?, ?> argument = (Map<?, ?>) arguments.get(i);
            MoveType type = MoveType.parse((String) argument.get("type"));
            Object decoded = ArgumentCodec.decode(type, tx.payload().arguments().get(i));
            Object expected = argument.get("value");
            if (type == MoveType.Primitive.ADDRESS || type.text().startsWith("0x1::object::Object")) {
                expected = Hex.longAddress((String) expected); // the module receives long-form addresses
            }
            assertThat(plain(decoded)).as("argument %d of type %s", i, type.text()).isEqualTo(expected);
        }
    }

    /** The vector files' plain form: integers and bools as strings, Option as null or the value. */
    private static Object plain(Object value) {
        if (value instanceof BigInteger || value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof Optional<?> option) {
            return option.map(SignedTransactionTest::plain).orElse(null);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(SignedTransactionTest::plain).toList();
        }
        return value;
    }

    @Test
    void theTestWriterAndJdkSignerReproduceTheSdkBytesExactly() {
        Map<String, Object> vector = SigningVectors.named("place_limit_order_pattern_key_testnet");
        byte[] seed = Hex.decode((String) SigningVectors.inputs(vector).get("privateKeyHex"));
        TestTransaction tx = new TestTransaction(TestWallet.fromSeed(seed), 0, 1735689600L);
        tx.chainId = 2;
        tx.function("place_limit_order", TestBcs.u64Arg(1), TestBcs.boolArg(true), TestBcs.boolArg(false),
                TestBcs.u64Arg(1_000_000), TestBcs.u64Arg(65_000_000_000L), TestBcs.u64Arg(10), TestBcs.u8Arg(0),
                TestBcs.u64Arg(0), TestBcs.u64Arg(0));

        assertThat(Hex.of(tx.signed())).isEqualTo(SigningVectors.outputs(vector).get("signedTransactionBcs"));
    }

    @Test
    void rejectsTruncatedInput() {
        byte[] signed = SigningVectors.signedBytes(SigningVectors.named("place_limit_order_pattern_key_testnet"));
        assertThatThrownBy(() -> SignedTransaction.decode(Arrays.copyOf(signed, signed.length - 1)))
                .isInstanceOf(BcsReader.BcsException.class).hasMessageContaining("input ends");
    }

    @Test
    void rejectsTrailingBytes() {
        byte[] signed = SigningVectors.signedBytes(SigningVectors.named("place_limit_order_pattern_key_testnet"));
        assertThatThrownBy(() -> SignedTransaction.decode(Arrays.copyOf(signed, signed.length + 1)))
                .isInstanceOf(BcsReader.BcsException.class).hasMessageContaining("trailing");
    }

    @Test
    void rejectsOtherPayloadsAndAuthenticators() {
        byte[] signed = SigningVectors.signedBytes(SigningVectors.named("place_limit_order_pattern_key_testnet"));
        byte[] script = signed.clone();
        script[40] = 0; // the payload variant follows sender (32) and sequence number (8)
        assertThatThrownBy(() -> SignedTransaction.decode(script)).hasMessageContaining("payload variant 0");

        SignedTransaction tx = SignedTransaction.decode(signed);
        byte[] multiEd = signed.clone();
        multiEd[tx.rawBytes().length] = 1;
        assertThatThrownBy(() -> SignedTransaction.decode(multiEd)).hasMessageContaining("authenticator variant 1");
    }

    @Test
    void rejectsNonCanonicalEncodings() {
        assertThatThrownBy(() -> new BcsReader(new byte[] {(byte) 0x80, 0x00}).uleb128())
                .hasMessageContaining("non-canonical ULEB128");
        assertThatThrownBy(() -> new BcsReader(new byte[] {2}).bool()).hasMessageContaining("a bool is 0 or 1");
        assertThatThrownBy(() -> new BcsReader(new byte[] {2, (byte) 0xc3, 0x28}).string())
                .hasMessageContaining("not valid UTF-8");
        assertThatThrownBy(() -> new BcsReader(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x0f}).uleb128())
                .hasMessageContaining("exceeds");
    }

    @Test
    void decodesWideAndSignedIntegersAtTheirExtremes() {
        byte[] allOnes = new byte[32];
        Arrays.fill(allOnes, (byte) 0xff);
        assertThat(ArgumentCodec.decode(MoveType.Primitive.U256, allOnes))
                .isEqualTo(BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE));
        assertThat(ArgumentCodec.decode(MoveType.Primitive.I256, allOnes)).isEqualTo(BigInteger.ONE.negate());
        assertThat(ArgumentCodec.decode(MoveType.Primitive.U64, new TestBcs().u64(-1L).toByteArray()))
                .isEqualTo(new BigInteger("18446744073709551615"));
    }

    @Test
    void decodesLongVectorsStringsAndOptions() {
        byte[] manyBools = new TestBcs().uleb(130).raw(new byte[130]).toByteArray();
        assertThat((List<?>) ArgumentCodec.decode(MoveType.parse("vector<bool>"), manyBools)).hasSize(130);
        String text = "é".repeat(100);
        assertThat(ArgumentCodec.decode(MoveType.parse("0x1::string::String"), new TestBcs().string(text).toByteArray()))
                .isEqualTo(text);
        assertThat(ArgumentCodec.decode(MoveType.parse("0x1::option::Option<u64>"), new byte[] {0}))
                .isEqualTo(Optional.empty());
        assertThat(ArgumentCodec.decode(MoveType.parse("vector<u8>"), new byte[] {2, 7, 9})).isEqualTo(new byte[] {7, 9});
        assertThatThrownBy(() -> ArgumentCodec.decode(MoveType.parse("0x1::option::Option<u64>"), new byte[] {2}))
                .hasMessageContaining("at most one");
    }
}
