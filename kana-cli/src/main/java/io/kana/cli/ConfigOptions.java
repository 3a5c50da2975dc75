package io.kana.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options every command that talks to Kana shares; they override the environment. */
public final class ConfigOptions {

    @Option(names = "--network", paramLabel = "NETWORK",
            description = "mainnet, testnet or sandbox (overrides KANA_NETWORK; default testnet)")
    String network;

    @Option(names = "--key-file", paramLabel = "FILE",
            description = "read the private key from FILE (overrides KANA_PRIVATE_KEY and KANA_PRIVATE_KEY_FILE);"
                    + " the key is never printed")
    Path keyFile;

    /** The value of {@code --network}, or null when not given. */
    public String network() {
        return network;
    }

    /** The value of {@code --key-file}, or null when not given. */
    public Path keyFile() {
        return keyFile;
    }
}
