package io.kana.aptos.node;

import com.squareup.moshi.JsonReader;
import io.kana.core.error.SafeText;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import okio.Buffer;

/**
 * A node error body {@code {"message","error_code","vm_error_code"}}. Gateways and proxies answer
 * with HTML or plain text too, so anything else becomes a body-snippet message without a code.
 */
record NodeErrorBody(String message, String errorCode, Long vmErrorCode) {

    static NodeErrorBody parse(byte[] body) {
        try (JsonReader reader = JsonReader.of(new Buffer().write(body))) {
            String message = null;
            String errorCode = null;
            Long vmErrorCode = null;
            reader.beginObject();
            while (reader.hasNext()) {
                switch (reader.nextName()) {
                    case "message" -> message = NodeJson.optionalString(reader);
                    case "error_code" -> errorCode = NodeJson.optionalString(reader);
                    case "vm_error_code" -> {
                        BigInteger code = NodeJson.optionalU64(reader);
                        vmErrorCode = code == null ? null : code.longValue();
                    }
                    default -> reader.skipValue();
                }
            }
            reader.endObject();
            return new NodeErrorBody(message == null ? null : SafeText.snippet(message),
                    errorCode == null ? null : SafeText.snippet(errorCode), vmErrorCode);
        } catch (IOException | RuntimeException notNodeJson) {
            return new NodeErrorBody(snippet(body), null, null);
        }
    }

    private static String snippet(byte[] body) {
        return SafeText.snippet(new String(body, StandardCharsets.UTF_8).strip());
    }
}
