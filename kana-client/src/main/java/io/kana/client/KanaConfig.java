package io.kana.client;

import io.kana.core.contract.KanaContract;
import io.kana.core.error.ContractFormatException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the client needs to know about where and as whom it trades. Secrets are held as
 * {@link Secret}, so printing a config is safe.
 *
 * @param network    the network preset
 * @param apiUrl     the Kana trade API base URL
 * @param nodeUrl    the Aptos node URL, ending in {@code /v1}
 * @param moduleId   the Kana module payloads must call ({@code <address>::<module>}); null means the
 *                   contract's module for the network (mainnet, testnet), and stays null when the
 *                   contract names none (the sandbox: set it)
 * @param apiKey     the trade API key, or null
 * @param privateKey the wallet's Ed25519 private key (AIP-80 or hex), or null for read-only use
 * @param contract   the write contract (functions, parameters, modules); {@code KANA_CONTRACT} names a file
 * @param allowModuleOverride whether {@code moduleId} may differ from the module the contract pins for
 *                   mainnet ({@code KANA_ALLOW_MODULE_OVERRIDE=true}); other networks need no permission
 */
public record KanaConfig(KanaNetwork network, URI apiUrl, URI nodeUrl, String moduleId, Secret apiKey,
        Secret privateKey, KanaContract contract, boolean allowModuleOverride) {

    public KanaConfig {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(apiUrl, "apiUrl (set KANA_API_URL)");
        Objects.requireNonNull(nodeUrl, "nodeUrl (set NODE_URL)");
        Objects.requireNonNull(contract, "contract");
        if (moduleId == null) {
            moduleId = contract.moduleId(network.contractName()).orElse(null);
        }
    }

    /** A config with the {@link KanaContract#standard() bundled contract} and no mainnet module override. */
    public KanaConfig(KanaNetwork network, URI apiUrl, URI nodeUrl, String moduleId, Secret apiKey, Secret privateKey) {
        this(network, apiUrl, nodeUrl, moduleId, apiKey, privateKey, KanaContract.standard(), false);
    }

    /** Reads the process environment; see {@link #fromEnvironment(Map)}. */
    public static KanaConfig fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    /**
     * Reads {@code KANA_NETWORK} (mainnet, testnet, sandbox; default testnet), {@code KANA_API_URL},
     * {@code NODE_URL}, {@code KANA_CONTRACT} (a contract file; default the bundled one),
     * {@code KANA_MODULE} (default the contract's module for the network),
     * {@code KANA_ALLOW_MODULE_OVERRIDE}, {@code KANA_API_KEY}, and the key from
     * {@code KANA_PRIVATE_KEY} or the file named by {@code KANA_PRIVATE_KEY_FILE}. URLs default to
     * the network's presets.
     *
     * @throws IllegalArgumentException naming the variable to set when something is missing or malformed
     * @throws ContractFormatException  when the contract file is malformed, naming its line and field
     */
    public static KanaConfig fromEnvironment(Map<String, String> env) {
        KanaNetwork network = KanaNetwork.parse(env.getOrDefault("KANA_NETWORK", "testnet"));
        URI apiUrl = url(env, "KANA_API_URL", network.apiUrl(), network);
        URI nodeUrl = url(env, "NODE_URL", network.nodeUrl(), network);
        String contractFile = nonBlank(env.get("KANA_CONTRACT"));
        KanaContract contract = contractFile == null ? KanaContract.standard() : KanaContract.load(Path.of(contractFile.strip()));
        String moduleId = nonBlank(env.get("KANA_MODULE")) != null ? env.get("KANA_MODULE").strip() : null;
        boolean allowModuleOverride = flag(env, "KANA_ALLOW_MODULE_OVERRIDE");
        Secret apiKey = secret(env.get("KANA_API_KEY"));
        Secret privateKey = secret(env.get("KANA_PRIVATE_KEY"));
        String keyFile = nonBlank(env.get("KANA_PRIVATE_KEY_FILE"));
        if (privateKey == null && keyFile != null) {
            privateKey = Secret.of(readKeyFile(Path.of(keyFile)));
        }
        return new KanaConfig(network, apiUrl, nodeUrl, moduleId, apiKey, privateKey, contract, allowModuleOverride);
    }

    /** A config for a locally running sandbox (no API key; the module is the sandbox's own). */
    public static KanaConfig sandbox(URI apiUrl, URI nodeUrl, String moduleId, Secret privateKey) {
        return new KanaConfig(KanaNetwork.SANDBOX, apiUrl, nodeUrl, moduleId, null, privateKey);
    }

    /** A copy trading with another key. */
    public KanaConfig withPrivateKey(Secret key) {
        return new KanaConfig(network, apiUrl, nodeUrl, moduleId, apiKey, key, contract, allowModuleOverride);
    }

    /**
     * A copy checked against another contract. A module that came from the old contract's
     * {@code module} line follows the new one; a module set explicitly stays.
     */
    public KanaConfig withContract(KanaContract value) {
        boolean fromContract = moduleId != null && moduleId.equals(contract.moduleId(network.contractName()).orElse(null));
        return new KanaConfig(network, apiUrl, nodeUrl, fromContract ? null : moduleId, apiKey, privateKey,
                Objects.requireNonNull(value, "contract"), allowModuleOverride);
    }

    /**
     * A copy whose payloads must call {@code value} ({@code <address>::<module>}). On mainnet, a module
     * other than the contract's needs {@code allowMainnetOverride} (or the client builder's flag).
     */
    public KanaConfig withModule(String value, boolean allowMainnetOverride) {
        return new KanaConfig(network, apiUrl, nodeUrl, Objects.requireNonNull(value, "moduleId"), apiKey, privateKey,
                contract, allowMainnetOverride);
    }

    private static URI url(Map<String, String> env, String name, URI preset, KanaNetwork network) {
        String value = nonBlank(env.get(name));
        if (value == null) {
            if (preset == null) {
                throw new IllegalArgumentException(name + " must be set for network " + network.name().toLowerCase());
            }
            return preset;
        }
        try {
            URI uri = URI.create(value.strip());
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                throw new IllegalArgumentException(name + " must be an http(s) URL, got '" + value + "'");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " is not a valid URL: '" + value + "'", e);
        }
    }

    private static boolean flag(Map<String, String> env, String name) {
        String value = nonBlank(env.get(name));
        if (value == null || value.strip().equalsIgnoreCase("false")) {
            return false;
        }
        if (value.strip().equalsIgnoreCase("true")) {
            return true;
        }
        throw new IllegalArgumentException(name + " is true or false, got '" + value + "'");
    }

    private static String readKeyFile(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            // The path is not secret; the content is never read into a message.
            throw new UncheckedIOException("cannot read KANA_PRIVATE_KEY_FILE " + file, e);
        }
    }

    private static Secret secret(String value) {
        return nonBlank(value) == null ? null : Secret.of(value);
    }

    private static String nonBlank(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
