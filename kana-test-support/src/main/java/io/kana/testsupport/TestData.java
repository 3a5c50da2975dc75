package io.kana.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The shared test data, read from this jar: the Kana API fixtures (answers recorded from the documented
 * API, see docs/wire-contract.md) and the Aptos signing vectors (byte-exact cases from the official
 * TypeScript SDK).
 */
public final class TestData {

    private TestData() {
    }

    /** A Kana fixture's JSON text by file name, e.g. {@code getMarketInfo.json} or {@code ws-positions.json}. */
    public static String fixture(String name) {
        return read("fixtures/" + name);
    }

    /** The Aptos signing vectors' JSON text: {@code {"cases": [...]}}. */
    public static String signingVectors() {
        return read("aptos-signing-vectors.json");
    }

    private static String read(String resource) {
        try (InputStream in = TestData.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test data " + resource + " in kana-test-support");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
