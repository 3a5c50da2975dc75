package io.kana.sandbox.chain;

import com.squareup.moshi.Moshi;
import io.kana.testsupport.TestData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** The byte-exact cases from the official TypeScript SDK (kana-test-support's TestData). */
public final class SigningVectors {

    private SigningVectors() {
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> cases() {
        try {
            String json = TestData.signingVectors();
            Map<String, Object> root = (Map<String, Object>) new Moshi.Builder().build().adapter(Object.class).fromJson(json);
            return (List<Map<String, Object>>) root.get("cases");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> inputs(Map<String, Object> vector) {
        return (Map<String, Object>) vector.get("inputs");
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> outputs(Map<String, Object> vector) {
        return (Map<String, Object>) vector.get("outputs");
    }

    public static byte[] signedBytes(Map<String, Object> vector) {
        return Hex.decode((String) outputs(vector).get("signedTransactionBcs"));
    }

    public static Map<String, Object> named(String name) {
        return cases().stream().filter(c -> c.get("name").equals(name)).findFirst().orElseThrow();
    }
}
