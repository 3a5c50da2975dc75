package io.kana.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.kana.sandbox.chain.TestBcs;
import io.kana.sandbox.chain.TestTransaction;
import io.kana.sandbox.chain.TestWallet;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Trades against a running sandbox the way an Aptos SDK client does: GET or POST a write endpoint for
 * its payload, encode the payload's arguments by the parameter types of the module ABI the node
 * serves, sign, submit and wait for the commit. Knows nothing of the contract file.
 */
final class AbiClient {

    private final KanaSandbox sandbox;
    final NodeHttp node;
    final NodeHttp api;
    private final long expirationSecs;
    private final Map<String, Long> sequences = new HashMap<>();

    AbiClient(KanaSandbox sandbox, long expirationSecs) {
        this.sandbox = sandbox;
        this.node = new NodeHttp(sandbox.nodeUrl());
        this.api = new NodeHttp(sandbox.apiUrl().substring(0, sandbox.apiUrl().length() - 1));
        this.expirationSecs = expirationSecs;
    }

    /** Entry function name to its parameter types after {@code &signer}, as the node serves them. */
    @SuppressWarnings("unchecked")
    Map<String, List<String>> moduleAbi() {
        NodeHttp.Reply reply = node.get("/accounts/" + sandbox.moduleAddress() + "/module/perpetual_scripts");
        assertThat(reply.status()).isEqualTo(200);
        Map<String, Object> abi = (Map<String, Object>) reply.json().get("abi");
        Map<String, List<String>> functions = new HashMap<>();
        for (Map<String, Object> f : (List<Map<String, Object>>) abi.get("exposed_functions")) {
            List<String> params = (List<String>) f.get("params");
            assertThat(params.get(0)).isEqualTo("&signer");
            functions.put((String) f.get("name"), params.subList(1, params.size()));
        }
        return functions;
    }

    /** The payload a write endpoint answers (GET with a query, or POST with a JSON body). */
    @SuppressWarnings("unchecked")
    Map<String, Object> payload(String pathAndQuery, String jsonBody) {
        NodeHttp.Reply reply = jsonBody == null ? api.get(pathAndQuery)
                : api.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(sandbox.apiUrl()
                        + pathAndQuery.substring(1))).header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(jsonBody)));
        assertThat(reply.status()).as("%s: %s", pathAndQuery, reply.body()).isEqualTo(200);
        return (Map<String, Object>) reply.json().get("data");
    }

    /** Asks the trade API for the payload, then signs and commits it; the committed transaction. */
    Map<String, Object> trade(TestWallet wallet, String pathAndQuery, String jsonBody) {
        return commit(wallet, payload(pathAndQuery, jsonBody));
    }

    Map<String, Object> commit(TestWallet wallet, Map<String, Object> payload) {
        TestTransaction tx = transaction(wallet, payload);
        assertThat(node.submit(tx.signed()).status()).isEqualTo(202);
        return node.committed(tx.hash());
    }

    /** Signs a call of {@code function} in the payload's module with the payload's arguments. */
    TestTransaction transaction(TestWallet wallet, Map<String, Object> payload) {
        String[] id = ((String) payload.get("function")).split("::");
        List<String> types = moduleAbi().get(id[2]);
        assertThat(types).as("the node's ABI has %s", id[2]).isNotNull();
        List<?> values = (List<?>) payload.get("functionArguments");
        assertThat(values).hasSameSizeAs(types);
        long sequence = sequences.merge(wallet.address, 1L, Long::sum) - 1;
        TestTransaction tx = new TestTransaction(wallet, sequence, expirationSecs);
        tx.moduleAddress = id[0];
        tx.moduleName = id[1];
        List<byte[]> args = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            TestBcs out = new TestBcs();
            write(out, types.get(i), values.get(i));
            args.add(out.toByteArray());
        }
        return tx.function(id[2], args.toArray(byte[][]::new));
    }

    private static void write(TestBcs out, String type, Object value) {
        if (type.startsWith("vector<")) {
            List<?> list = (List<?>) value;
            out.uleb(list.size());
            String element = type.substring(7, type.length() - 1);
            list.forEach(e -> write(out, element, e));
            return;
        }
        String text = (String) value;
        switch (type) {
            case "bool" -> {
                assertThat(text).isIn("true", "false");
                out.bool(Boolean.parseBoolean(text));
            }
            case "u8" -> out.unsigned(new BigInteger(text), 1);
            case "u64" -> out.unsigned(new BigInteger(text), 8);
            case "u128" -> out.unsigned(new BigInteger(text), 16);
            case "address" -> out.address(text);
            default -> throw new AssertionError("no encoding for " + type);
        }
    }
}
