package io.kana.core.contract;

import io.kana.core.error.ContractFormatException;
import io.kana.core.trading.TradeOperation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The Kana Perps write contract: for each of the twelve write operations its endpoint, entry
 * function, Move parameters and their sources, and the evidence behind them; and the module payloads
 * must call on each network. The SDK's expected arguments, its payload check and its drift guard
 * derive from it. The grammar is documented in the header of the bundled file,
 * {@code contract/kana-perps.contract}.
 *
 * @param source     where the text came from (a file or resource name), for error messages
 * @param modules    network name → module id {@code <address>::<module>}
 * @param operations one block per operation; all twelve are present
 */
public record KanaContract(String source, Map<String, String> modules,
        Map<TradeOperation, OperationContract> operations) {

    /** The bundled contract's classpath resource. */
    static final String RESOURCE = "kana-perps.contract";

    public KanaContract {
        Objects.requireNonNull(source, "source");
        modules = Collections.unmodifiableMap(new LinkedHashMap<>(modules));
        Map<TradeOperation, OperationContract> copy = new EnumMap<>(TradeOperation.class);
        copy.putAll(operations);
        for (TradeOperation operation : TradeOperation.values()) {
            if (!copy.containsKey(operation)) {
                throw new ContractFormatException(source, 0, "operation", "missing " + operation);
            }
        }
        operations = Collections.unmodifiableMap(copy);
    }

    /** The contract bundled with this release. */
    public static KanaContract standard() {
        return Standard.CONTRACT;
    }

    /**
     * Reads a contract from its text.
     *
     * @param sourceName names the text in error messages, e.g. a file path
     * @throws ContractFormatException naming the line and statement at fault
     */
    public static KanaContract parse(String text, String sourceName) {
        return ContractParser.parse(Objects.requireNonNull(text, "text"), Objects.requireNonNull(sourceName, "sourceName"));
    }

    /**
     * Reads a contract file (UTF-8).
     *
     * @throws ContractFormatException when it cannot be read or is malformed
     */
    public static KanaContract load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | UncheckedIOException e) {
            throw new ContractFormatException(file.toString(), 0, "file", "cannot be read: " + e);
        }
        return parse(text, file.toString());
    }

    /** What the contract says about {@code operation}. */
    public OperationContract operation(TradeOperation operation) {
        return operations.get(Objects.requireNonNull(operation, "operation"));
    }

    /** The module id ({@code <address>::<module>}) payloads must call on {@code network} (e.g. {@code mainnet}). */
    public Optional<String> moduleId(String network) {
        return Optional.ofNullable(modules.get(ContractParser.lowercase(Objects.requireNonNull(network, "network"))));
    }

    /** Loaded on first use. */
    private static final class Standard {

        static final KanaContract CONTRACT = read();

        private static KanaContract read() {
            try (InputStream in = KanaContract.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new ContractFormatException(RESOURCE, 0, "file", "the bundled contract is not on the classpath");
                }
                return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "bundled " + RESOURCE);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the bundled " + RESOURCE, e);
            }
        }
    }
}
