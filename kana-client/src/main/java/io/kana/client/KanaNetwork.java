package io.kana.client;

import java.net.URI;

/**
 * Where the SDK trades: the trade API, the Aptos node and the Kana module that payloads must call.
 * {@link #SANDBOX} has no fixed URLs: they come from the embedded sandbox or from configuration.
 */
public enum KanaNetwork {

    MAINNET("https://perps-tradeapi.kana.trade", "https://api.mainnet.aptoslabs.com/v1",
            "0x7a38039fffd016adcac2c53795ee49325e5ec6fddf3bf02651c09f9a583655a6::perpetual_scripts", 1),
    /** Kana's testnet module address is not published; set {@code KANA_MODULE} to pin it. */
    TESTNET("https://perps-tradeapi.kanalabs.io", "https://api.testnet.aptoslabs.com/v1", null, 2),
    SANDBOX(null, null, null, 4);

    private final String apiUrl;
    private final String nodeUrl;
    private final String moduleId;
    private final int chainId;

    KanaNetwork(String apiUrl, String nodeUrl, String moduleId, int chainId) {
        this.apiUrl = apiUrl;
        this.nodeUrl = nodeUrl;
        this.moduleId = moduleId;
        this.chainId = chainId;
    }

    /** The trade API base URL, or null when the network has none preset. */
    public URI apiUrl() {
        return apiUrl == null ? null : URI.create(apiUrl);
    }

    /** The Aptos node URL (ending in {@code /v1}), or null when the network has none preset. */
    public URI nodeUrl() {
        return nodeUrl == null ? null : URI.create(nodeUrl);
    }

    /** The Kana entry module, {@code <address>::perpetual_scripts}, or null when not known in advance. */
    public String moduleId() {
        return moduleId;
    }

    /** The Aptos chain id the node is expected to report. */
    public int chainId() {
        return chainId;
    }

    /** Parses {@code mainnet}, {@code testnet} or {@code sandbox}, in any case. */
    public static KanaNetwork parse(String name) {
        for (KanaNetwork network : values()) {
            if (network.name().equalsIgnoreCase(name == null ? "" : name.strip())) {
                return network;
            }
        }
        throw new IllegalArgumentException("KANA_NETWORK is mainnet, testnet or sandbox, got '" + name + "'");
    }
}
