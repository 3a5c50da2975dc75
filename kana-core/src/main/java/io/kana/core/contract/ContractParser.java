package io.kana.core.contract;

import io.kana.core.error.ContractFormatException;
import io.kana.core.error.InvalidRequestException;
import io.kana.core.model.AccountAddress;
import io.kana.core.trading.TradeOperation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads the line grammar documented in the contract file's header; every fault names its line. */
final class ContractParser {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern NETWORK = Pattern.compile("[a-z][a-z0-9_-]*");
    private static final Pattern PATH = Pattern.compile("/[A-Za-z0-9_/-]*");

    private final String source;
    private final Map<String, String> modules = new LinkedHashMap<>();
    private final Map<TradeOperation, OperationContract> operations = new EnumMap<>(TradeOperation.class);
    private Block block;
    private int lineNumber;

    private ContractParser(String source) {
        this.source = source;
    }

    static KanaContract parse(String text, String source) {
        ContractParser parser = new ContractParser(source);
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            parser.lineNumber = i + 1;
            parser.statement(lines[i]);
        }
        parser.closeBlock();
        List<String> missing = new ArrayList<>();
        for (TradeOperation operation : TradeOperation.values()) {
            if (!parser.operations.containsKey(operation)) {
                missing.add(operation.name());
            }
        }
        if (!missing.isEmpty()) {
            throw new ContractFormatException(source, 0, "operation", "the contract must describe all "
                    + TradeOperation.values().length + " operations; missing " + String.join(", ", missing));
        }
        return new KanaContract(source, parser.modules, parser.operations);
    }

    private void statement(String line) {
        int comment = line.indexOf('#');
        String content = (comment >= 0 ? line.substring(0, comment) : line).strip();
        if (content.isEmpty()) {
            return;
        }
        String[] words = content.split("\\s+");
        String keyword = words[0];
        List<String> rest = Arrays.asList(words).subList(1, words.length);
        switch (keyword) {
            case "module" -> module(rest);
            case "operation" -> operation(rest);
            case "endpoint" -> inBlock(keyword).endpoint(rest);
            case "function" -> inBlock(keyword).function(rest);
            case "arg" -> inBlock(keyword).arg(rest);
            case "evidence" -> inBlock(keyword).evidence.add(text(keyword, content));
            case "open" -> inBlock(keyword).open.add(text(keyword, content));
            default -> throw fault(keyword, "unknown statement; expected module, operation, endpoint, function, "
                    + "arg, evidence or open");
        }
    }

    private void module(List<String> words) {
        if (words.size() != 2) {
            throw fault("module", "expected 'module <network> <address>::<module>', got " + words.size() + " words");
        }
        String network = words.get(0);
        if (!NETWORK.matcher(network).matches()) {
            throw fault("module", "a network is a lowercase name such as mainnet, got '" + network + "'");
        }
        String[] parts = words.get(1).split("::", -1);
        if (parts.length != 2 || !IDENTIFIER.matcher(parts[1]).matches()) {
            throw fault("module", "expected <address>::<module>, got '" + words.get(1) + "'");
        }
        AccountAddress address;
        try {
            address = AccountAddress.parse(parts[0]);
        } catch (InvalidRequestException e) {
            throw fault("module", "'" + parts[0] + "' is not an account address: " + e.getMessage());
        }
        if (modules.putIfAbsent(network, address + "::" + parts[1]) != null) {
            throw fault("module", "network " + network + " has a module already");
        }
    }

    private void operation(List<String> words) {
        closeBlock();
        if (words.size() != 1) {
            throw fault("operation", "expected 'operation <OPERATION>'");
        }
        TradeOperation operation;
        try {
            operation = TradeOperation.valueOf(words.get(0));
        } catch (IllegalArgumentException e) {
            throw fault("operation", "unknown operation '" + words.get(0) + "'; known: "
                    + Arrays.toString(TradeOperation.values()));
        }
        if (operations.containsKey(operation)) {
            throw fault("operation", operation + " is described twice");
        }
        block = new Block(operation, lineNumber);
    }

    private Block inBlock(String keyword) {
        if (block == null) {
            throw fault(keyword, "outside an operation block; start one with 'operation <OPERATION>'");
        }
        return block;
    }

    private void closeBlock() {
        if (block == null) {
            return;
        }
        Block done = block;
        block = null;
        if (done.endpoint == null) {
            throw new ContractFormatException(source, done.line, "operation", done.operation + " has no endpoint");
        }
        if (done.functions == null) {
            throw new ContractFormatException(source, done.line, "operation", done.operation + " has no function");
        }
        operations.put(done.operation, new OperationContract(done.operation, done.endpoint, done.proven,
                done.functions, done.parameters, done.evidence, done.open));
    }

    private String text(String keyword, String content) {
        String value = content.substring(keyword.length()).strip();
        if (value.isEmpty()) {
            throw fault(keyword, "needs a text");
        }
        return value;
    }

    private ContractFormatException fault(String statement, String problem) {
        return new ContractFormatException(source, lineNumber, statement, problem);
    }

    /** An operation block being read. */
    private final class Block {
        final TradeOperation operation;
        final int line;
        Endpoint endpoint;
        boolean proven;
        List<String> functions;
        final List<Parameter> parameters = new ArrayList<>();
        final List<String> evidence = new ArrayList<>();
        final List<String> open = new ArrayList<>();

        Block(TradeOperation operation, int line) {
            this.operation = operation;
            this.line = line;
        }

        void endpoint(List<String> words) {
            if (endpoint != null) {
                throw fault("endpoint", operation + " has an endpoint already");
            }
            if (words.size() < 2) {
                throw fault("endpoint", "expected 'endpoint <GET|POST> <path> <param>...'");
            }
            String method = words.get(0);
            if (!method.equals("GET") && !method.equals("POST")) {
                throw fault("endpoint", "the method is GET or POST, got '" + method + "'");
            }
            if (!PATH.matcher(words.get(1)).matches()) {
                throw fault("endpoint", "a path starts with '/', got '" + words.get(1) + "'");
            }
            List<String> parameters = words.subList(2, words.size());
            for (String parameter : parameters) {
                if (!IDENTIFIER.matcher(parameter).matches()) {
                    throw fault("endpoint", "a parameter is an identifier, got '" + parameter + "'");
                }
            }
            endpoint = new Endpoint(method, words.get(1), parameters);
        }

        void function(List<String> words) {
            if (functions != null) {
                throw fault("function", operation + " has a function already");
            }
            if (words.isEmpty() || !(words.get(0).equals("proven") || words.get(0).equals("unproven"))) {
                throw fault("function", "expected 'function proven <name>' or 'function unproven <name> [<candidate>...]'");
            }
            proven = words.get(0).equals("proven");
            List<String> names = words.subList(1, words.size());
            if (names.isEmpty() || (proven && names.size() != 1)) {
                throw fault("function", proven ? "a proven function has exactly one name, got " + names.size()
                        : "an unproven function needs at least one candidate name");
            }
            for (String name : names) {
                if (!IDENTIFIER.matcher(name).matches()) {
                    throw fault("function", "a function name is a Move identifier, got '" + name + "'");
                }
            }
            if (names.stream().distinct().count() != names.size()) {
                throw fault("function", "a candidate is named twice: " + names);
            }
            functions = List.copyOf(names);
        }

        void arg(List<String> words) {
            if (words.size() != 3) {
                throw fault("arg", "expected 'arg <move type> <name> <source>' (three words), got " + words.size());
            }
            String type = words.get(0);
            String name = words.get(1);
            String qualified = words.get(2);
            if (!MoveTypes.known(type)) {
                throw fault("arg", "unknown Move type '" + type + "'; known: " + MoveTypes.describeKnown());
            }
            if (!IDENTIFIER.matcher(name).matches()) {
                throw fault("arg", "a parameter name is an identifier, got '" + name + "'");
            }
            Source source = Source.of(qualified);
            if (source == null) {
                throw fault("arg", "unknown source '" + qualified + "'; known: " + Source.describeAll());
            }
            if (!source.offeredBy(operation)) {
                throw fault("arg", "a " + operation + " request has no " + qualified);
            }
            String typeProblem = source.typeProblem(type);
            if (typeProblem != null) {
                throw fault("arg", name + ": " + typeProblem);
            }
            for (Parameter existing : parameters) {
                if (existing.name().equals(name)) {
                    throw fault("arg", "parameter " + name + " is named twice");
                }
            }
            int at = qualified.indexOf('@');
            parameters.add(new Parameter(type, name, at < 0 ? qualified : qualified.substring(0, at),
                    at < 0 ? "" : qualified.substring(at + 1)));
        }
    }

    static String lowercase(String network) {
        return network.toLowerCase(Locale.ROOT);
    }
}
