package io.kana.aptos.node;

import com.squareup.moshi.Moshi;
import io.kana.aptos.keys.Ed25519WalletSigner;
import io.kana.aptos.tx.EntryFunction;
import io.kana.aptos.tx.RawTransaction;
import io.kana.aptos.tx.TransactionParameters;
import io.kana.core.model.AccountAddress;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** Node response bodies and byte-exact signed transactions shared by the node client tests. */
final class NodeFixtures {

    /** A signed transaction and its hash, produced by the official TS SDK (see the resource's source). */
    record SignedTransaction(String name, String sender, String sequenceNumber, long expirationTimestampSecs,
            byte[] bytes, String hash) {}

    static final List<SignedTransaction> SIGNED = loadSigned();
    static final SignedTransaction PLACE_ORDER = SIGNED.get(0);

    static final String HASH = PLACE_ORDER.hash();

    /** A transaction signed by this SDK (a fixed test key), for {@code submit(SignedTransaction)}. */
    static final io.kana.aptos.tx.SignedTransaction SIGNED_HERE = signedHere(false);
    /** {@link #SIGNED_HERE} as a simulation: a zero signature. */
    static final io.kana.aptos.tx.SignedTransaction SIMULATION_HERE = signedHere(true);

    /** What the node's answers about {@code signed} quote. */
    static SignedTransaction vectorOf(io.kana.aptos.tx.SignedTransaction signed) {
        return new SignedTransaction("signed here", signed.sender().hex(), Long.toUnsignedString(signed.sequenceNumber()),
                signed.expirationTimestampSecs(), signed.bytes(), signed.hash());
    }

    private static io.kana.aptos.tx.SignedTransaction signedHere(boolean simulation) {
        byte[] seed = new byte[32];
        java.util.Arrays.fill(seed, (byte) 7);
        Ed25519WalletSigner key = Ed25519WalletSigner.fromSeed(seed);
        RawTransaction raw = new RawTransaction(new TransactionParameters(key.address(), 11, 5000, 100, 1735689600L, 2),
                new EntryFunction(AccountAddress.parse("0x6a0b"), "perpetual_scripts", "place_limit_order", List.of(),
                        List.of(new byte[] {1})));
        return simulation ? raw.forSimulation(key.publicKey()) : raw.sign(key);
    }

    static final String LEDGER_INFO = """
            {"chain_id":2,"epoch":"9012","ledger_version":"6843128811","oldest_ledger_version":"0",
             "ledger_timestamp":"1735689600123456","node_role":"full_node","oldest_block_height":"0",
             "block_height":"491823482","git_hash":"4b3c2f"}""";

    static String pendingTransaction(SignedTransaction txn) {
        return """
                {"type":"pending_transaction","hash":"%s","sender":"%s","sequence_number":"%s",
                 "max_gas_amount":"5000","gas_unit_price":"100","expiration_timestamp_secs":"%d",
                 "payload":{"type":"entry_function_payload","function":"0x6a0b::perpetual_scripts::place_limit_order",
                            "type_arguments":[],"arguments":["1",true]},
                 "signature":{"type":"ed25519_signature","public_key":"0x79b5","signature":"0x021d"}}"""
                .formatted(txn.hash(), txn.sender(), txn.sequenceNumber(), txn.expirationTimestampSecs());
    }

    static String pending(String hash) {
        return """
                {"type":"pending_transaction","hash":"%s","sender":"0x1","sequence_number":"7",
                 "max_gas_amount":"5000","gas_unit_price":"100","expiration_timestamp_secs":"1735689600",
                 "payload":{},"signature":{}}""".formatted(hash);
    }

    static String committed(String hash, boolean success, String vmStatus) {
        return """
                {"type":"user_transaction","version":"6843128812","hash":"%s","state_change_hash":"0xab",
                 "event_root_hash":"0xcd","state_checkpoint_hash":null,"gas_used":"1234","success":%s,
                 "vm_status":"%s","accumulator_root_hash":"0xef",
                 "changes":[{"type":"write_resource","address":"0x1","data":{"nested":[1,2,{"deep":"x"}]}}],
                 "sender":"0x1","sequence_number":"7","max_gas_amount":"5000","gas_unit_price":"100",
                 "expiration_timestamp_secs":"1735689600","payload":{},"signature":{},
                 "events":[{"type":"0x1::coin::WithdrawEvent","data":{"amount":"18446744073709551615"}}],
                 "timestamp":"1735689600123456"}""".formatted(hash, success, vmStatus);
    }

    static String error(String errorCode, String message, Long vmErrorCode) {
        return "{\"message\":\"" + message + "\",\"error_code\":\"" + errorCode + "\",\"vm_error_code\":"
                + (vmErrorCode == null ? "null" : vmErrorCode) + "}";
    }

    /** Records the delays asked for and runs each task at once, so retry tests take no time. */
    static final class RecordingDelayer implements Delayer {
        final List<Long> delays = new CopyOnWriteArrayList<>();

        @Override
        public Runnable schedule(long millis, Runnable task) {
            delays.add(millis);
            task.run();
            return () -> { };
        }
    }

    private NodeFixtures() {}

    @SuppressWarnings("unchecked")
    private static List<SignedTransaction> loadSigned() {
        try (InputStream in = NodeFixtures.class.getResourceAsStream("signed-transactions.json")) {
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Map<String, Object> root = (Map<String, Object>) new Moshi.Builder().build().adapter(Object.class).fromJson(json);
            return ((List<Map<String, String>>) root.get("cases")).stream()
                    .map(c -> new SignedTransaction(c.get("name"), c.get("sender"), c.get("sequenceNumber"),
                            Long.parseLong(c.get("expirationTimestampSecs")),
                            HexFormat.of().parseHex(c.get("signedTransactionBcs").substring(2)), c.get("transactionHash")))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
