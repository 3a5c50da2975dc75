package io.kana.cli;

import io.kana.client.KanaConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The environment variables a command runs with: the process's for {@code java -jar}, a map of a
 * test's own in-process. Commands never read {@link System#getenv()} themselves.
 */
public record CliEnvironment(Map<String, String> variables) {

    public CliEnvironment {
        variables = Map.copyOf(variables);
    }

    /**
     * The library's configuration from these variables, with {@code --network} (when given) in place
     * of {@code KANA_NETWORK}.
     *
     * @throws IllegalArgumentException naming the variable to fix
     */
    public KanaConfig config(String network) {
        return config(network, null);
    }

    /**
     * {@link #config(String)} with {@code --key-file} (when given) in place of {@code KANA_PRIVATE_KEY}
     * and {@code KANA_PRIVATE_KEY_FILE}.
     */
    public KanaConfig config(String network, Path keyFile) {
        Map<String, String> effective = new HashMap<>(variables);
        if (network != null) {
            effective.put("KANA_NETWORK", network);
        }
        if (keyFile != null) {
            effective.remove("KANA_PRIVATE_KEY");
            effective.put("KANA_PRIVATE_KEY_FILE", keyFile.toString());
        }
        return KanaConfig.fromEnvironment(effective);
    }

    /** The variable's value, or null when unset or blank. */
    public String get(String name) {
        String value = variables.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
