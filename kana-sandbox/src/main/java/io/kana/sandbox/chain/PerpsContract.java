package io.kana.sandbox.chain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The write contract ({@code contract/kana-perps.contract}, whose header is the grammar), as the
 * sandbox reads it: per operation the endpoint, the function the module publishes (the first name
 * listed) and the Move parameters with the source that feeds each. The sandbox's own parser, so that
 * it stays independent of the SDK's modules.
 */
public final class PerpsContract {

    /** The contract file, on the classpath from the repository's {@code contract} directory. */
    static final String RESOURCE = "/kana-perps.contract";

    /** One Move parameter after {@code &signer}: its type, its name and where its value comes from. */
    public record Arg(String moveType, String name, String source) {
    }

    /**
     * One write operation.
     *
     * @param functions the candidate function names; the first is the one the sandbox publishes
     */
    public record Operation(String name, String method, String path, List<String> functions, List<Arg> args) {

        public String function() {
            return functions.get(0);
        }

        public boolean uses(String source) {
            return args.stream().anyMatch(a -> a.source().equals(source));
        }

        public List<String> moveTypes() {
            return args.stream().map(Arg::moveType).toList();
        }
    }

    private static volatile PerpsContract standard;

    private final Map<String, Operation> operations;

    private PerpsContract(Map<String, Operation> operations) {
        this.operations = operations;
    }

    /** The contract file shipped with the sandbox. */
    public static PerpsContract standard() {
        PerpsContract result = standard;
        if (result == null) {
            result = parseUnchecked(standardText());
            standard = result;
        }
        return result;
    }

    public static String standardText() {
        try (InputStream in = PerpsContract.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the contract " + RESOURCE + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the contract " + RESOURCE, e);
        }
    }

    /**
     * Parses a contract and checks that the sandbox can run it: the twelve operations of the
     * standard contract, each fed only by sources the standard gives that operation (or
     * {@code sender}), Move types it can decode, and no function name used twice.
     *
     * @throws IllegalArgumentException naming the line and what is wrong
     */
    public static PerpsContract parse(String text) {
        PerpsContract contract = parseUnchecked(text);
        PerpsContract reference = standard();
        if (!contract.operations.keySet().equals(reference.operations.keySet())) {
            Set<String> missing = new LinkedHashSet<>(reference.operations.keySet());
            missing.removeAll(contract.operations.keySet());
            throw new IllegalArgumentException("the contract lacks operation(s) " + missing);
        }
        Set<String> functions = new LinkedHashSet<>();
        for (Operation op : contract.operations.values()) {
            Operation known = reference.operations.get(op.name());
            for (Arg arg : op.args()) {
                if (!arg.source().equals("sender") && !known.uses(arg.source())) {
                    throw new IllegalArgumentException("operation " + op.name() + ": the sandbox cannot feed source '"
                            + arg.source() + "' of argument " + arg.name() + "; it feeds sender and "
                            + known.args().stream().map(Arg::source).distinct().toList());
                }
            }
            if (!functions.add(op.function())) {
                throw new IllegalArgumentException("operation " + op.name() + ": function " + op.function()
                        + " is published by another operation too");
            }
        }
        return contract;
    }

    private static PerpsContract parseUnchecked(String text) {
        Map<String, Operation> operations = new LinkedHashMap<>();
        Builder current = null;
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int hash = line.indexOf('#');
            String[] words = (hash >= 0 ? line.substring(0, hash) : line).trim().split("\\s+");
            if (words[0].isEmpty()) {
                continue;
            }
            int number = i + 1;
            switch (words[0]) {
                case "module" -> expect(words, 3, 3, number, "module <network> <address>::<module>");
                case "operation" -> {
                    expect(words, 2, 2, number, "operation <OPERATION>");
                    if (current != null) {
                        operations.put(current.name, current.build());
                    }
                    if (operations.containsKey(words[1])) {
                        throw error(number, "operation " + words[1] + " appears twice");
                    }
                    current = new Builder(words[1], number);
                }
                case "endpoint" -> {
                    expect(words, 3, Integer.MAX_VALUE, number, "endpoint <GET|POST> <path> <param>...");
                    if (!words[1].equals("GET") && !words[1].equals("POST")) {
                        throw error(number, "an endpoint's method is GET or POST, got " + words[1]);
                    }
                    if (!words[2].startsWith("/")) {
                        throw error(number, "an endpoint's path starts with /, got " + words[2]);
                    }
                    block(current, number).method = words[1];
                    current.path = words[2];
                }
                case "function" -> {
                    expect(words, 3, Integer.MAX_VALUE, number, "function proven|unproven <name> [<candidate>...]");
                    if (!words[1].equals("proven") && !words[1].equals("unproven")) {
                        throw error(number, "a function is 'proven' or 'unproven', got " + words[1]);
                    }
                    for (int w = 2; w < words.length; w++) {
                        if (!words[w].matches("[A-Za-z_][A-Za-z0-9_]*")) {
                            throw error(number, "'" + words[w] + "' is not a Move function name");
                        }
                    }
                    block(current, number).functions = List.of(words).subList(2, words.length);
                }
                case "arg" -> {
                    expect(words, 4, 4, number, "arg <move type> <name> <source>");
                    MoveType type;
                    try {
                        type = MoveType.parse(words[1]);
                    } catch (IllegalArgumentException e) {
                        throw error(number, "'" + words[1] + "' is not a Move type: " + e.getMessage());
                    }
                    if (type.isSigner()) {
                        throw error(number, "list the parameters after &signer only");
                    }
                    block(current, number).args.add(new Arg(words[1], words[2], words[3]));
                }
                case "evidence", "open" -> block(current, number);
                default -> throw error(number, "unknown statement '" + words[0] + "'");
            }
        }
        if (current != null) {
            operations.put(current.name, current.build());
        }
        if (operations.isEmpty()) {
            throw new IllegalArgumentException("the contract names no operation");
        }
        return new PerpsContract(java.util.Collections.unmodifiableMap(operations));
    }

    public List<Operation> operations() {
        return operations.values().stream().sorted(java.util.Comparator.comparing(Operation::name)).toList();
    }

    public Operation operation(String name) {
        Operation op = operations.get(name);
        if (op == null) {
            throw new IllegalArgumentException("no operation " + name + " in the contract");
        }
        return op;
    }

    /** The operation whose published function is {@code function}. */
    public Optional<Operation> byFunction(String function) {
        return operations.values().stream().filter(op -> op.function().equals(function)).findFirst();
    }

    private static Builder block(Builder current, int line) {
        if (current == null) {
            throw error(line, "this statement belongs inside an 'operation' block");
        }
        return current;
    }

    private static void expect(String[] words, int min, int max, int line, String form) {
        if (words.length < min || words.length > max) {
            throw error(line, "expected '" + form + "'");
        }
    }

    private static IllegalArgumentException error(int line, String message) {
        return new IllegalArgumentException("line " + line + ": " + message);
    }

    private static final class Builder {
        final String name;
        final int line;
        String method;
        String path;
        List<String> functions;
        final List<Arg> args = new ArrayList<>();

        Builder(String name, int line) {
            this.name = name;
            this.line = line;
        }

        Operation build() {
            if (method == null) {
                throw error(line, "operation " + name + " has no endpoint");
            }
            if (functions == null) {
                throw error(line, "operation " + name + " has no function");
            }
            return new Operation(name, method, path, functions, List.copyOf(args));
        }
    }
}
