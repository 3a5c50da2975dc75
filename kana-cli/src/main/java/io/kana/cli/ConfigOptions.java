package io.kana.cli;

import picocli.CommandLine.Option;

/** The options every command that talks to Kana shares; they override the environment. */
public final class ConfigOptions {

    @Option(names = "--network", paramLabel = "NETWORK",
            description = "mainnet, testnet or sandbox (overrides KANA_NETWORK; default testnet)")
    String network;

    /** The value of {@code --network}, or null when not given. */
    public String network() {
        return network;
    }
}
