package io.kana.client;

import io.kana.core.contract.KanaContract;
import io.kana.core.error.ContractFormatException;
import io.kana.core.error.SafeText;
import java.io.IOException;
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
 * @param wsUrl      the WebSocket API URL ({@code ws://} or {@code wss://}) {@link KanaClient#streams()} connects
 *                   to; null means the network's preset, and stays null when it has none (the sandbox: set it)
 * @param moduleId   the Kana module payloads must call ({@code <address>::<module>}); null means the
 *                   contract's module for the network (mainnet, testnet), and stays null when the
 *                   contract names none (the sandbox: set it)
 * @param apiKey     the trade API key, or null
 * @param privateKey the wallet's Ed25519 private key (AIP-80 or hex), or null for read-only use
 * @param contract   the write contract (functions, parameters, modules); {@code KANA_CONTRACT} names a file
 * @param allowModuleOverride whether {@code moduleId} may differ from the module the contract pins for
 *                   mainnet ({@code KANA_ALLOW_MODULE_OVERRIDE=true}); other networks need no permission
 * @param allowCleartext whether the trade API, the node and the WebSocket API may be reached over
 *                   {@code http://} or {@code ws://} on a host other than this machine (the API key and
 *                   everything else then travel unencrypted); loopback is always allowed
 * @param nodeApiKey the Aptos node API key ({@code NODE_API_KEY}), sent as {@code Authorization: Bearer} to the
 *                   node's own origin only, or null
 */
public record KanaConfig(KanaNetwork network, URI apiUrl, URI nodeUrl, URI wsUrl, String moduleId, Secret apiKey,
        Secret privateKey, KanaContract contract, boolean allowModuleOverride, boolean allowCleartext,
        Secret nodeApiKey) {

    public KanaConfig {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(apiUrl, "apiUrl (set KANA_API_URL)");
        Objects.requireNonNull(nodeUrl, "nodeUrl (set NODE_URL)");
        Objects.requireNonNull(contract, "contract");
        if (wsUrl == null) {
            wsUrl = network.wsUrl();
        } else {
            requireScheme(wsUrl, "ws", "wsUrl (KANA_WS_URL)");
        }
        if (moduleId == null) {
            moduleId = contract.moduleId(network.contractName()).orElse(null);
        }
    }

    /** A config without a node API key. */
    public KanaConfig(KanaNetwork network, URI apiUrl, URI nodeUrl, URI wsUrl, String moduleId, Secret apiKey,
            Secret privateKey, KanaContract contract, boolean allowModuleOverride, boolean allowCleartext) {
        this(network, apiUrl, nodeUrl, wsUrl, moduleId, apiKey, privateKey, contract, allowModuleOverride,
                allowCleartext, null);
    }

    /** A config with the network's preset WebSocket URL. */
    public KanaConfig(KanaNetwork network, URI apiUrl, URI nodeUrl, String moduleId, Secret apiKey, Secret privateKey,
            KanaContract contract, boolean allowModuleOverride, boolean allowCleartext) {
        this(network, apiUrl, nodeUrl, null, moduleId, apiKey, privateKey, contract, allowModuleOverride,
                allowCleartext);
    }

    /**
     * A config with the {@link KanaContract#standard() bundled contract}, no mainnet module override and
     * no cleartext {@code http://} to another host.
     */
    public KanaConfig(KanaNetwork network, URI apiUrl, URI nodeUrl, String moduleId, Secret apiKey, Secret privateKey) {
        this(network, apiUrl, nodeUrl, null, moduleId, apiKey, privateKey, KanaContract.standard(), false, false);
    }

    /** Reads the process environment; see {@link #fromEnvironment(Map)}. */
    public static KanaConfig fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    /**
     * Reads {@code KANA_NETWORK} (mainnet, testnet, sandbox; default testnet), {@code KANA_API_URL},
     * {@code NODE_URL}, {@code KANA_WS_URL}, {@code KANA_CONTRACT} (a contract file; default the bundled one),
     * {@code KANA_MODULE} (default the contract's module for the network),
     * {@code KANA_ALLOW_MODULE_OVERRIDE}, {@code KANA_API_KEY}, {@code NODE_API_KEY}, the key from
     * {@code KANA_PRIVATE_KEY} or the file named by {@code KANA_PRIVATE_KEY_FILE}, and
     * {@code KANA_ALLOW_CLEARTEXT} (true or false, default false). URLs default to the network's presets.
     *
     * @throws KanaConfigException naming the variable to set when something is missing or malformed
     * @throws ContractFormatException  when the contract file is malformed, naming its line and field
     */
    public static KanaConfig fromEnvironment(Map<String, String> env) {
        KanaNetwork network = KanaNetwork.parse(env.getOrDefault("KANA_NETWORK", "testnet"));
        URI apiUrl = url(env, "KANA_API_URL", network.apiUrl(), network, "http");
        URI nodeUrl = url(env, "NODE_URL", network.nodeUrl(), network, "http");
        String wsUrl = nonBlank(env.get("KANA_WS_URL"));
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
        return new KanaConfig(network, apiUrl, nodeUrl, wsUrl == null ? null : parse("KANA_WS_URL", wsUrl, "ws"),
                moduleId, apiKey, privateKey, contract, allowModuleOverride, flag(env, "KANA_ALLOW_CLEARTEXT"),
                secret(env.get("NODE_API_KEY")));
    }

    /** A config for a locally running sandbox (no API key; the module is the sandbox's own). */
    public static KanaConfig sandbox(URI apiUrl, URI nodeUrl, String moduleId, Secret privateKey) {
        return new KanaConfig(KanaNetwork.SANDBOX, apiUrl, nodeUrl, moduleId, null, privateKey);
    }

    /** A copy trading with another key. */
    public KanaConfig withPrivateKey(Secret key) {
        return new KanaConfig(network, apiUrl, nodeUrl, wsUrl, moduleId, apiKey, key, contract, allowModuleOverride,
                allowCleartext, nodeApiKey);
    }

    /** A copy whose streams connect to {@code value}, e.g. an embedded sandbox's {@code wsUrl()}. */
    public KanaConfig withWsUrl(URI value) {
        return new KanaConfig(network, apiUrl, nodeUrl, Objects.requireNonNull(value, "wsUrl"), moduleId, apiKey,
                privateKey, contract, allowModuleOverride, allowCleartext, nodeApiKey);
    }

    /** A copy sending {@code value} to the node as its API key ({@code NODE_API_KEY}); null sends none. */
    public KanaConfig withNodeApiKey(Secret value) {
        return new KanaConfig(network, apiUrl, nodeUrl, wsUrl, moduleId, apiKey, privateKey, contract,
                allowModuleOverride, allowCleartext, value);
    }

    /**
     * A copy checked against another contract. A module that came from the old contract's
     * {@code module} line follows the new one; a module set explicitly stays.
     */
    public KanaConfig withContract(KanaContract value) {
        boolean fromContract = moduleId != null && moduleId.equals(contract.moduleId(network.contractName()).orElse(null));
        return new KanaConfig(network, apiUrl, nodeUrl, wsUrl, fromContract ? null : moduleId, apiKey, privateKey,
                Objects.requireNonNull(value, "contract"), allowModuleOverride, allowCleartext, nodeApiKey);
    }

    /**
     * A copy whose payloads must call {@code value} ({@code <address>::<module>}). On mainnet, a module
     * other than the contract's needs {@code allowMainnetOverride} (or the client builder's flag).
     */
    public KanaConfig withModule(String value, boolean allowMainnetOverride) {
        return new KanaConfig(network, apiUrl, nodeUrl, wsUrl, Objects.requireNonNull(value, "moduleId"), apiKey,
                privateKey,
                contract, allowMainnetOverride, allowCleartext, nodeApiKey);
    }

    private static URI url(Map<String, String> env, String name, URI preset, KanaNetwork network, String scheme) {
        String value = nonBlank(env.get(name));
        if (value == null) {
            if (preset == null) {
                throw new KanaConfigException(name, name + " must be set for network " + network.name().toLowerCase());
            }
            return preset;
        }
        return parse(name, value, scheme);
    }

    /** {@code value} as a URL of {@code scheme} or its secure variant ({@code http}/{@code https}, {@code ws}/{@code wss}). */
    private static URI parse(String name, String value, String scheme) {
        URI uri;
        try {
            uri = URI.create(value.strip());
        } catch (IllegalArgumentException e) {
            throw new KanaConfigException(name, name + " is not a valid URL: '" + SafeText.url(value) + "'");
        }
        requireScheme(uri, scheme, name);
        return uri;
    }

    private static void requireScheme(URI uri, String scheme, String name) {
        if (!scheme.equals(uri.getScheme()) && !(scheme + "s").equals(uri.getScheme()) || uri.getHost() == null) {
            throw new KanaConfigException(name, name + " must be a " + scheme + "(s) URL with a host, got '"
                    + SafeText.url(uri) + "'");
        }
    }

    /** Shows no secret, no password of a URL and only the contract's source. */
    @Override
    public String toString() {
        return "KanaConfig[network=" + network + ", apiUrl=" + SafeText.url(apiUrl) + ", nodeUrl="
                + SafeText.url(nodeUrl) + ", wsUrl=" + SafeText.url(wsUrl) + ", moduleId=" + moduleId + ", apiKey=" + apiKey + ", privateKey="
                + privateKey + ", contract=" + contract.source() + ", allowModuleOverride=" + allowModuleOverride
                + ", allowCleartext=" + allowCleartext + ", nodeApiKey=" + nodeApiKey + "]";
    }

    private static boolean flag(Map<String, String> env, String name) {
        String value = nonBlank(env.get(name));
        if (value == null || value.strip().equalsIgnoreCase("false")) {
            return false;
        }
        if (value.strip().equalsIgnoreCase("true")) {
            return true;
        }
        throw new KanaConfigException(name, name + " is true or false, got '" + value + "'");
    }

    private static String readKeyFile(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            // The path is not secret; the content is never read into a message.
            throw new KanaConfigException("KANA_PRIVATE_KEY_FILE", "cannot read KANA_PRIVATE_KEY_FILE " + file + ": "
                    + e.getClass().getSimpleName(), e);
        }
    }

    private static Secret secret(String value) {
        return nonBlank(value) == null ? null : Secret.of(value);
    }

    private static String nonBlank(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
