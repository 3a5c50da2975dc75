package io.kana.sandbox.http;

import io.kana.sandbox.chain.ArgumentCodec;
import io.kana.sandbox.chain.Crypto;
import io.kana.sandbox.chain.Hex;
import io.kana.sandbox.chain.ModuleInterface;
import io.kana.sandbox.chain.MoveType;
import io.kana.sandbox.chain.NodeError;
import io.kana.sandbox.chain.SandboxNode;
import io.kana.sandbox.chain.SignedTransaction;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The node's JSON shapes, built as ordered maps: u64 values as strings, chain id and gas prices as numbers. */
public final class NodeJson {

    /** aptos-core's placeholder root hash of an empty event accumulator. */
    private static final String EMPTY_EVENT_ROOT =
            "0x414343554d554c41544f525f504c414345484f4c4445525f4841534800000000";

    private NodeJson() {
    }

    static Map<String, Object> error(NodeError error) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("message", error.message());
        out.put("error_code", error.errorCode());
        out.put("vm_error_code", error.vmErrorCode());
        return out;
    }

    static Map<String, Object> ledgerInfo(SandboxNode.LedgerInfo ledger) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("chain_id", ledger.chainId());
        out.put("epoch", "1");
        out.put("ledger_version", Long.toString(ledger.ledgerVersion()));
        out.put("oldest_ledger_version", "0");
        out.put("ledger_timestamp", Long.toString(ledger.timestampMicros()));
        out.put("node_role", "full_node");
        out.put("oldest_block_height", "0");
        out.put("block_height", Long.toString(ledger.blockHeight()));
        out.put("git_hash", "kana-sandbox");
        return out;
    }

    static Map<String, Object> account(long sequenceNumber, String authenticationKey) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("sequence_number", Long.toUnsignedString(sequenceNumber));
        out.put("authentication_key", authenticationKey);
        return out;
    }

    static Map<String, Object> gasEstimate() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("deprioritized_gas_estimate", SandboxNode.MIN_GAS_UNIT_PRICE);
        out.put("gas_estimate", SandboxNode.MIN_GAS_UNIT_PRICE);
        out.put("prioritized_gas_estimate", SandboxNode.PRIORITIZED_GAS_UNIT_PRICE);
        return out;
    }

    /** {@code {"bytecode", "abi"}} as {@code GET /accounts/{addr}/module/{name}} returns it. */
    static Map<String, Object> module(ModuleInterface module) {
        List<Object> functions = new ArrayList<>();
        for (ModuleInterface.Function function : module.functions()) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("name", function.abi().name());
            f.put("visibility", "public");
            f.put("is_entry", true);
            f.put("is_view", false);
            List<Object> generics = new ArrayList<>();
            for (int i = 0; i < function.abi().typeParameterCount(); i++) {
                generics.add(Map.of("constraints", List.of()));
            }
            f.put("generic_type_params", generics);
            f.put("params", function.abi().params());
            f.put("return", List.of());
            functions.add(f);
        }
        Map<String, Object> abi = new LinkedHashMap<>();
        abi.put("address", Hex.standardAddress(Hex.address(module.address())));
        abi.put("name", module.name());
        abi.put("friends", List.of());
        abi.put("exposed_functions", functions);
        abi.put("structs", List.of());
        Map<String, Object> out = new LinkedHashMap<>();
        // Not real Move bytecode: the magic number and the module name, enough to be recognisable.
        out.put("bytecode", "0xa11ceb0b" + Hex.of(module.name().getBytes(StandardCharsets.UTF_8)).substring(2));
        out.put("abi", abi);
        return out;
    }

    public static Map<String, Object> pending(SandboxNode.Known pending) {
        SignedTransaction tx = pending.transaction();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", "pending_transaction");
        out.put("hash", tx.hash());
        putUserFields(out, tx, pending.resolution());
        return out;
    }

    static Map<String, Object> committed(SandboxNode.Committed committed) {
        SignedTransaction tx = committed.transaction();
        byte[] hash = Hex.decode(tx.hash());
        byte[] version = ByteBuffer.allocate(8).putLong(committed.version()).array();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", "user_transaction");
        out.put("version", Long.toString(committed.version()));
        out.put("hash", tx.hash());
        out.put("state_change_hash", Hex.of(Crypto.sha3("state".getBytes(StandardCharsets.US_ASCII), hash, version)));
        out.put("event_root_hash", EMPTY_EVENT_ROOT);
        out.put("state_checkpoint_hash", null);
        out.put("gas_used", Long.toUnsignedString(committed.gasUsed()));
        out.put("success", committed.success());
        out.put("vm_status", committed.vmStatus());
        out.put("accumulator_root_hash",
                Hex.of(Crypto.sha3("accumulator".getBytes(StandardCharsets.US_ASCII), hash, version)));
        out.put("changes", List.of());
        putUserFields(out, tx, committed.resolution());
        out.put("events", List.of());
        out.put("timestamp", Long.toString(committed.timestampMicros()));
        return out;
    }

    private static void putUserFields(Map<String, Object> out, SignedTransaction tx,
            ModuleInterface.Resolution resolution) {
        out.put("sender", Hex.standardAddress(Hex.address(tx.sender())));
        out.put("sequence_number", Long.toUnsignedString(tx.sequenceNumber()));
        out.put("max_gas_amount", Long.toUnsignedString(tx.maxGasAmount()));
        out.put("gas_unit_price", Long.toUnsignedString(tx.gasUnitPrice()));
        out.put("expiration_timestamp_secs", Long.toUnsignedString(tx.expirationSecs()));
        out.put("payload", payload(tx.payload(), resolution));
        Map<String, Object> signature = new LinkedHashMap<>();
        signature.put("type", "ed25519_signature");
        signature.put("public_key", Hex.of(tx.publicKey()));
        signature.put("signature", Hex.of(tx.signature()));
        out.put("signature", signature);
    }

    /** Arguments rendered by their types when the call resolved, else as raw BCS hex. */
    private static Map<String, Object> payload(SignedTransaction.EntryFunction call,
            ModuleInterface.Resolution resolution) {
        List<Object> arguments = new ArrayList<>();
        if (resolution instanceof ModuleInterface.Call resolved) {
            for (int i = 0; i < resolved.arguments().size(); i++) {
                arguments.add(ArgumentCodec.toJson(resolved.parameterTypes().get(i), resolved.arguments().get(i)));
            }
        } else {
            call.arguments().forEach(bytes -> arguments.add(Hex.of(bytes)));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", "entry_function_payload");
        out.put("function", call.functionId());
        out.put("type_arguments", call.typeArguments().stream().map(MoveType::text).toList());
        out.put("arguments", arguments);
        return out;
    }
}
