package io.kana.client;

import io.kana.http.KanaHttpApi;
import java.net.URI;
import java.util.Locale;

/**
 * Where the SDK trades: the trade API and the Aptos node. The Kana module payloads must call on each
 * network is the contract's to say ({@code module} lines of {@code KanaContract}). {@link #SANDBOX}
 * has no fixed URLs: they come from the embedded sandbox or from configuration.
 */
public enum KanaNetwork {

    MAINNET(KanaHttpApi.MAINNET, "https://api.mainnet.aptoslabs.com/v1", 1),
    TESTNET(KanaHttpApi.TESTNET, "https://api.testnet.aptoslabs.com/v1", 2),
    SANDBOX(null, null, 4);

    private final URI apiUrl;
    private final String nodeUrl;
    private final int chainId;

    KanaNetwork(URI apiUrl, String nodeUrl, int chainId) {
        this.apiUrl = apiUrl;
        this.nodeUrl = nodeUrl;
        this.chainId = chainId;
    }

    /** The trade API base URL, or null when the network has none preset. */
    public URI apiUrl() {
        return apiUrl;
    }

    /** The Aptos node URL (ending in {@code /v1}), or null when the network has none preset. */
    public URI nodeUrl() {
        return nodeUrl == null ? null : URI.create(nodeUrl);
    }

    /** The WebSocket API URL (reference §6), or null when the network has none preset. */
    public URI wsUrl() {
        return switch (this) {
            case MAINNET -> URI.create("wss://perpetuals-indexer-ws.kana.trade/ws/");
            case TESTNET -> URI.create("wss://perpetuals-indexer-ws-develop.kanalabs.io/ws/");
            case SANDBOX -> null;
        };
    }

    /** The name a contract's {@code module} line gives this network, e.g. {@code mainnet}. */
    public String contractName() {
        return name().toLowerCase(Locale.ROOT);
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
        throw new KanaConfigException("KANA_NETWORK", "KANA_NETWORK is mainnet, testnet or sandbox, got '" + name + "'");
    }
}
