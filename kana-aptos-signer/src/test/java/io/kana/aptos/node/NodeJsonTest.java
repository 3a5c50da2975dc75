package io.kana.aptos.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import okhttp3.Headers;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NodeJsonTest {

    private static BigInteger u64(String json) throws IOException {
        try (JsonReader reader = JsonReader.of(new Buffer().writeUtf8(json))) {
            return NodeJson.u64(reader);
        }
    }

    @Test
    void u64IsExactAsStringOrNumber() throws IOException {
        assertThat(u64("\"18446744073709551615\"")).isEqualTo(new BigInteger("18446744073709551615"));
        assertThat(u64("18446744073709551615")).isEqualTo(new BigInteger("18446744073709551615"));
        assertThat(u64("9007199254740993")).isEqualTo(new BigInteger("9007199254740993"));
        assertThat(u64("\"0\"")).isEqualTo(BigInteger.ZERO);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"18446744073709551616\"", "-1", "\"-1\"", "1e3", "\"0x10\"", "\"\"", "true", "null"})
    void anythingButAU64IsRefused(String json) {
        assertThatThrownBy(() -> u64(json)).isInstanceOf(JsonDataException.class);
    }

    @Test
    void errorBodiesAreReadLeniently() {
        assertThat(NodeErrorBody.parse(bytes("{\"message\":\"m\",\"error_code\":\"vm_error\",\"vm_error_code\":4}")))
                .isEqualTo(new NodeErrorBody("m", "vm_error", 4L));
        assertThat(NodeErrorBody.parse(bytes("{\"message\":\"m\",\"error_code\":\"x\",\"extra\":[1]}")))
                .isEqualTo(new NodeErrorBody("m", "x", null));
        assertThat(NodeErrorBody.parse(bytes("<html>502 Bad Gateway</html>")))
                .isEqualTo(new NodeErrorBody("<html>502 Bad Gateway</html>", null, null));
        assertThat(NodeErrorBody.parse(new byte[0])).isEqualTo(new NodeErrorBody("", null, null));
    }

    @Test
    void retryAfterIsReadAsSecondsOrAnHttpDate() {
        assertThat(response(Headers.of("Retry-After", "3")).retryAfterMillis()).isEqualTo(3000);
        assertThat(response(Headers.of()).retryAfterMillis()).isEqualTo(-1);
        assertThat(response(Headers.of("Retry-After", "soon")).retryAfterMillis()).isEqualTo(-1);
        assertThat(response(Headers.of("Retry-After", "Thu, 01 Jan 1970 00:00:00 GMT")).retryAfterMillis()).isZero();
        long inAMinute = response(Headers.of("Retry-After",
                okhttp3.internal.http.DatesKt.toHttpDateString(new java.util.Date(System.currentTimeMillis() + 60_000))))
                .retryAfterMillis();
        assertThat(inAMinute).isBetween(55_000L, 60_000L);
    }

    @Test
    void unknownErrorCodesMapToUnknownAndVmCodesToNames() {
        assertThat(AptosErrorCode.fromWire("mempool_is_full")).isEqualTo(AptosErrorCode.MEMPOOL_IS_FULL);
        assertThat(AptosErrorCode.fromWire("something_new")).isEqualTo(AptosErrorCode.UNKNOWN);
        assertThat(AptosErrorCode.fromWire("unknown")).isEqualTo(AptosErrorCode.UNKNOWN);
        assertThat(AptosErrorCode.fromWire(null)).isEqualTo(AptosErrorCode.UNKNOWN);
        assertThat(VmStatusCode.of(3L)).contains(VmStatusCode.SEQUENCE_NUMBER_TOO_OLD);
        assertThat(VmStatusCode.of(4L)).contains(VmStatusCode.SEQUENCE_NUMBER_TOO_NEW);
        assertThat(VmStatusCode.of(1L)).contains(VmStatusCode.INVALID_SIGNATURE);
        assertThat(VmStatusCode.of(6L)).contains(VmStatusCode.TRANSACTION_EXPIRED);
        assertThat(VmStatusCode.of(23L)).contains(VmStatusCode.BAD_CHAIN_ID);
        assertThat(VmStatusCode.of(4003L)).isEmpty();
        assertThat(VmStatusCode.of(null)).isEmpty();
    }

    private static NodeResponse response(Headers headers) {
        return new NodeResponse(429, headers, new byte[0]);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
