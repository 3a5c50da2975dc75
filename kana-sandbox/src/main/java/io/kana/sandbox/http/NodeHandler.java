package io.kana.sandbox.http;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.kana.sandbox.chain.Hex;
import io.kana.sandbox.chain.ModuleInterface;
import io.kana.sandbox.chain.NodeError;
import io.kana.sandbox.chain.SandboxNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

/** Serves the Aptos node REST subset under {@code /v1}, answering as aptos-core's API does. */
public final class NodeHandler implements HttpHandler {

    public static final String SIGNED_TRANSACTION_BCS = "application/x.aptos.signed_transaction+bcs";
    /** aptos-core's default request content-length limit. */
    private static final int MAX_BODY_BYTES = 8 * 1024 * 1024;
    /** aptos-core's default cap on concurrent wait_by_hash long polls. */
    private static final int MAX_WAITERS = 100;
    private static final Pattern HASH = Pattern.compile("0x[0-9a-fA-F]{64}");

    private static final JsonAdapter<Object> JSON = new Moshi.Builder().build().adapter(Object.class).serializeNulls();

    private final SandboxNode node;
    private final BooleanSupplier dropAcceptedSubmitAnswer;
    private final AtomicInteger waiters = new AtomicInteger();

    /**
     * @param dropAcceptedSubmitAnswer asked after each accepted submission; true closes the
     *                                 connection without an answer (the transaction still commits)
     */
    public NodeHandler(SandboxNode node, BooleanSupplier dropAcceptedSubmitAnswer) {
        this.node = node;
        this.dropAcceptedSubmitAnswer = dropAcceptedSubmitAnswer;
    }

    /** An answer: status and a JSON body (null for an empty body). */
    private record Answer(int status, Object body) {
        static Answer of(NodeError error) {
            return new Answer(error.httpStatus(), NodeJson.error(error));
        }
    }

    /**
     * The endpoint a path belongs to, with its variable parts as placeholders, e.g. {@code
     * /v1/transactions/by_hash/{hash}}: how requests are counted.
     */
    public static String endpoint(String path) {
        List<String> s = segments(path);
        if (s.isEmpty()) {
            return "/v1";
        }
        if (s.get(0).equals("accounts") && s.size() == 2) {
            return "/v1/accounts/{address}";
        }
        if (s.get(0).equals("accounts") && s.size() == 4 && s.get(2).equals("module")) {
            return "/v1/accounts/{address}/module/{name}";
        }
        if (s.get(0).equals("transactions") && s.size() == 3
                && (s.get(1).equals("by_hash") || s.get(1).equals("wait_by_hash"))) {
            return "/v1/transactions/" + s.get(1) + "/{hash}";
        }
        return "/v1/" + String.join("/", s);
    }

    /** True for {@code POST /v1/transactions}, the submission endpoint. */
    public static boolean isSubmit(String method, String path) {
        return method.equals("POST") && segments(path).equals(List.of("transactions"));
    }

    private static List<String> segments(String path) {
        String rest = path.startsWith("/v1") ? path.substring(3) : path;
        return java.util.Arrays.stream(rest.split("/")).filter(p -> !p.isEmpty()).toList();
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Answer answer;
            try {
                answer = route(exchange);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                answer = Answer.of(new NodeError(503, "internal_error", "the sandbox is shutting down", null));
            }
            if (answer == null) {
                return; // a dropped answer: closing without a response is the fault
            }
            write(exchange, answer);
        }
    }

    private Answer route(HttpExchange exchange) throws IOException, InterruptedException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        List<String> s = segments(path);
        boolean get = method.equals("GET");
        if (s.isEmpty()) {
            return get ? new Answer(200, NodeJson.ledgerInfo(node.ledgerInfo())) : methodNotAllowed();
        }
        switch (s.get(0)) {
            case "estimate_gas_price":
                return s.size() == 1 && get ? new Answer(200, NodeJson.gasEstimate()) : notFoundOrMethod(get);
            case "accounts":
                if (!get) {
                    return methodNotAllowed();
                }
                if (s.size() == 2) {
                    return account(s.get(1));
                }
                if (s.size() == 4 && s.get(2).equals("module")) {
                    return module(s.get(1), s.get(3));
                }
                return notFound();
            case "transactions":
                return transactions(exchange, s, method);
            default:
                return notFound();
        }
    }

    private Answer transactions(HttpExchange exchange, List<String> s, String method) throws IOException,
            InterruptedException {
        if (s.size() == 1 || s.size() == 2 && s.get(1).equals("simulate")) {
            if (!method.equals("POST")) {
                return methodNotAllowed();
            }
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            if (contentType == null || !contentType.trim().toLowerCase(java.util.Locale.ROOT).startsWith(SIGNED_TRANSACTION_BCS)) {
                return new Answer(415, NodeJson.error(new NodeError(415, "web_framework_error",
                        "the sandbox node takes a BCS signed transaction, Content-Type " + SIGNED_TRANSACTION_BCS,
                        null)));
            }
            byte[] body = readBody(exchange.getRequestBody());
            if (body == null) {
                return new Answer(413, NodeJson.error(new NodeError(413, "web_framework_error",
                        "the request body exceeds " + MAX_BODY_BYTES + " bytes", null)));
            }
            return s.size() == 1 ? submit(exchange, body) : simulate(exchange, body);
        }
        if (s.size() == 3 && (s.get(1).equals("by_hash") || s.get(1).equals("wait_by_hash"))) {
            if (!method.equals("GET")) {
                return methodNotAllowed();
            }
            String hash = s.get(2);
            if (!HASH.matcher(hash).matches()) {
                return Answer.of(NodeError.invalidInput("a transaction hash is 0x and 64 hex digits, got '" + hash + "'"));
            }
            Optional<SandboxNode.Known> known = s.get(1).equals("by_hash") ? node.byHash(hash) : waitByHash(hash);
            if (known.isEmpty()) {
                return Answer.of(NodeError.notFound("transaction_not_found",
                        "Transaction not found by Transaction hash(" + hash.toLowerCase(java.util.Locale.ROOT) + ")"));
            }
            return new Answer(200, known.get() instanceof SandboxNode.Committed committed
                    ? NodeJson.committed(committed) : NodeJson.pending(known.get()));
        }
        return notFound();
    }

    private Optional<SandboxNode.Known> waitByHash(String hash) throws InterruptedException {
        if (waiters.incrementAndGet() > MAX_WAITERS) {
            waiters.decrementAndGet();
            return node.byHash(hash);
        }
        try {
            return node.waitByHash(hash, SandboxNode.WAIT_BY_HASH_TIMEOUT);
        } finally {
            waiters.decrementAndGet();
        }
    }

    private Answer submit(HttpExchange exchange, byte[] body) {
        SandboxNode.Submission submission = node.submit(body);
        if (submission instanceof SandboxNode.Rejected rejected) {
            return Answer.of(rejected.error());
        }
        if (dropAcceptedSubmitAnswer.getAsBoolean()) {
            return null;
        }
        SandboxNode.Known pending = ((SandboxNode.Accepted) submission).pending();
        String accept = exchange.getRequestHeaders().getFirst("Accept");
        boolean bcs = accept != null && accept.contains("application/x-bcs");
        return new Answer(202, bcs ? null : NodeJson.pending(pending));
    }

    private Answer simulate(HttpExchange exchange, byte[] body) {
        String query = exchange.getRequestURI().getQuery();
        SandboxNode.Simulation simulation = node.simulate(body, flag(query, "estimate_gas_unit_price"),
                flag(query, "estimate_max_gas_amount"));
        if (simulation.error() != null) {
            return Answer.of(simulation.error());
        }
        return new Answer(200, List.of(NodeJson.committed(simulation.result())));
    }

    private static boolean flag(String query, String name) {
        return query != null && java.util.Arrays.asList(query.split("&")).contains(name + "=true");
    }

    private Answer account(String addressText) {
        String address;
        try {
            address = Hex.longAddress(addressText);
        } catch (IllegalArgumentException e) {
            return Answer.of(NodeError.invalidInput("failed to parse path `address`: " + e.getMessage()));
        }
        return node.sequenceNumber(address)
                .map(seq -> new Answer(200, NodeJson.account(seq, address)))
                .orElseGet(() -> Answer.of(NodeError.notFound("account_not_found", "Account not found by Address("
                        + address + ") and Ledger version(" + node.ledgerInfo().ledgerVersion() + ")")));
    }

    private Answer module(String addressText, String name) {
        String address;
        try {
            address = Hex.longAddress(addressText);
        } catch (IllegalArgumentException e) {
            return Answer.of(NodeError.invalidInput("failed to parse path `address`: " + e.getMessage()));
        }
        ModuleInterface module = node.moduleInterface();
        if (address.equals(module.address()) && name.equals(module.name())) {
            return new Answer(200, NodeJson.module(module));
        }
        return Answer.of(NodeError.notFound("module_not_found", "Module not found by Address(" + address
                + "), Module name(" + name + ") and Ledger version(" + node.ledgerInfo().ledgerVersion() + ")"));
    }

    private static Answer notFoundOrMethod(boolean get) {
        return get ? notFound() : methodNotAllowed();
    }

    private static Answer notFound() {
        return new Answer(404, NodeJson.error(new NodeError(404, "web_framework_error", "Not Found", null)));
    }

    private static Answer methodNotAllowed() {
        return new Answer(405, NodeJson.error(new NodeError(405, "web_framework_error", "Method Not Allowed", null)));
    }

    private static byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        return body.length > MAX_BODY_BYTES ? null : body;
    }

    private void write(HttpExchange exchange, Answer answer) throws IOException {
        SandboxNode.LedgerInfo ledger = node.ledgerInfo();
        var headers = exchange.getResponseHeaders();
        headers.set("X-Aptos-Chain-Id", Integer.toString(ledger.chainId()));
        headers.set("X-Aptos-Ledger-Version", Long.toString(ledger.ledgerVersion()));
        headers.set("X-Aptos-Ledger-Oldest-Version", "0");
        headers.set("X-Aptos-Ledger-TimestampUsec", Long.toString(ledger.timestampMicros()));
        headers.set("X-Aptos-Epoch", "1");
        headers.set("X-Aptos-Block-Height", Long.toString(ledger.blockHeight()));
        headers.set("X-Aptos-Oldest-Block-Height", "0");
        if (answer.body() == null) {
            exchange.sendResponseHeaders(answer.status(), -1);
            return;
        }
        byte[] bytes = JSON.toJson(answer.body()).getBytes(StandardCharsets.UTF_8);
        headers.set("Content-Type", "application/json");
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
