package io.kana.aptos.abi;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.Moshi;
import io.kana.aptos.keys.Ed25519WalletSigner;
import io.kana.aptos.tx.EntryFunction;
import io.kana.aptos.tx.SignedTransaction;
import io.kana.aptos.tx.TransactionParameters;
import io.kana.core.model.AccountAddress;
import io.kana.core.model.EntryFunctionPayload;
import io.kana.testsupport.TestData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Byte-for-byte checks against vectors produced by the Aptos TypeScript SDK. Runs the bundled file, or
 * the file named by the system property {@code kana.vectors} (same schema).
 */
class SigningVectorsTest {

    private static final String VECTORS_PROPERTY = "kana.vectors";
    private static final HexFormat HEX = HexFormat.of();

    private final TransactionFactory factory = new TransactionFactory();

    @TestFactory
    Stream<DynamicTest> everyVectorMatchesByteForByte() throws IOException {
        Map<String, Object> file = readVectors();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> cases = (List<Map<String, Object>>) file.get("cases");
        assertThat(cases).as("cases in the vectors file").isNotEmpty();
        return cases.stream().map(c -> DynamicTest.dynamicTest((String) c.get("name"), () -> check(c)));
    }

    @SuppressWarnings("unchecked")
    private void check(Map<String, Object> vector) {
        Map<String, Object> in = (Map<String, Object>) vector.get("inputs");
        Map<String, Object> out = (Map<String, Object>) vector.get("outputs");

        Ed25519WalletSigner signer = Ed25519WalletSigner.fromText((String) in.get("privateKeyAip80"));
        assertThat(Ed25519WalletSigner.fromText((String) in.get("privateKeyHex")).publicKey())
                .as("hex and AIP-80 forms give the same key").isEqualTo(signer.publicKey());
        assertThat(hex(signer.publicKey())).as("publicKey").isEqualTo(out.get("publicKey"));
        assertThat(hex(signer.authenticationKey())).as("authenticationKey").isEqualTo(out.get("authenticationKey"));
        assertThat(signer.address()).as("address").isEqualTo(AccountAddress.parse((String) out.get("address")));

        String function = (String) in.get("function");
        List<String> typeArguments = (List<String>) in.get("typeArguments");
        List<Map<String, Object>> arguments = (List<Map<String, Object>>) in.get("arguments");
        List<String> params = new ArrayList<>();
        params.add("&signer");
        List<Object> values = new ArrayList<>();
        for (Map<String, Object> argument : arguments) {
            params.add((String) argument.get("type"));
            values.add(argument.get("value"));
        }
        String[] parts = function.split("::");
        ModuleAbi abi = new ModuleAbi(AccountAddress.parse(parts[0]), parts[1],
                List.of(new FunctionAbi(parts[2], true, typeArguments.size(), params)));
        EntryFunctionPayload payload = new EntryFunctionPayload(function, typeArguments, values);

        EntryFunction entryFunction = factory.encode(payload, abi);
        List<String> argumentsBcs = entryFunction.arguments().stream().map(SigningVectorsTest::hex).toList();
        assertThat(argumentsBcs).as("argumentsBcs").isEqualTo(out.get("argumentsBcs"));
        assertThat(hex(entryFunction.payloadBytes())).as("payloadBcs").isEqualTo(out.get("payloadBcs"));

        TransactionParameters parameters = new TransactionParameters(AccountAddress.parse((String) in.get("sender")),
                Long.parseUnsignedLong((String) in.get("sequenceNumber")),
                Long.parseUnsignedLong((String) in.get("maxGasAmount")),
                Long.parseUnsignedLong((String) in.get("gasUnitPrice")),
                Long.parseUnsignedLong((String) in.get("expirationTimestampSecs")),
                ((Number) in.get("chainId")).intValue());
        SignedTransaction signed = factory.sign(payload, abi, parameters, signer);
        assertThat(hex(signed.rawTransactionBytes())).as("rawTransactionBcs").isEqualTo(out.get("rawTransactionBcs"));
        assertThat(hex(signed.signingMessage())).as("signingMessage").isEqualTo(out.get("signingMessage"));
        assertThat(hex(signed.signature())).as("signature").isEqualTo(out.get("signature"));
        assertThat(hex(signed.bytes())).as("signedTransactionBcs").isEqualTo(out.get("signedTransactionBcs"));
        assertThat(signed.hash()).as("transactionHash").isEqualTo(out.get("transactionHash"));
        assertThat(JdkEd25519.verify(signer.publicKey(), signed.signingMessage(), signed.signature()))
                .as("the JDK's Ed25519 verifies the signature").isTrue();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> readVectors() throws IOException {
        String override = System.getProperty(VECTORS_PROPERTY);
        String json;
        if (override != null && !override.isBlank()) {
            json = Files.readString(Path.of(override), StandardCharsets.UTF_8);
        } else {
            json = TestData.signingVectors();
        }
        return (Map<String, Object>) new Moshi.Builder().build().adapter(Object.class).fromJson(json);
    }

    private static String hex(byte[] bytes) {
        return "0x" + HEX.formatHex(bytes);
    }
}
