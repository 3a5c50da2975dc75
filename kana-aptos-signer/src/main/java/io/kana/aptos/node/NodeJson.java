package io.kana.aptos.node;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import io.kana.aptos.abi.FunctionAbi;
import io.kana.aptos.abi.ModuleAbi;
import io.kana.core.model.AccountAddress;
import io.kana.core.model.SubmittedTransaction;
import io.kana.core.model.TransactionOutcome;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Hand-written decoders for the node's JSON. Streaming through Moshi's {@link JsonReader} keeps the
 * wire shapes out of the API, skips large unused parts (events, write sets) without building them,
 * and reads u64 values, which the node writes as strings or numbers, exactly.
 */
final class NodeJson {

    /** Decodes one JSON document. */
    @FunctionalInterface
    interface Decoder<T> {
        T decode(JsonReader reader) throws IOException;
    }

    private static final Pattern UNSIGNED = Pattern.compile("[0-9]{1,20}");
    private static final Pattern HASH = Pattern.compile("0x[0-9a-fA-F]{64}");
    private static final BigInteger U64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private NodeJson() {}

    static LedgerInfo ledgerInfo(JsonReader reader) throws IOException {
        BigInteger chainId = null;
        BigInteger ledgerVersion = null;
        BigInteger timestamp = null;
        reader.beginObject();
        while (reader.hasNext()) {
            switch (reader.nextName()) {
                case "chain_id" -> chainId = u64(reader);
                case "ledger_version" -> ledgerVersion = u64(reader);
                case "ledger_timestamp" -> timestamp = u64(reader);
                default -> reader.skipValue();
            }
        }
        reader.endObject();
        int chain = required(chainId, "chain_id").intValue();
        if (chainId.compareTo(BigInteger.valueOf(255)) > 0) {
            throw new JsonDataException("chain_id must fit in a u8, got " + chainId);
        }
        return new LedgerInfo(chain, required(ledgerVersion, "ledger_version"),
                asLong(required(timestamp, "ledger_timestamp"), "ledger_timestamp"));
    }

    static AccountInfo account(JsonReader reader) throws IOException {
        BigInteger sequenceNumber = null;
        String authenticationKey = null;
        reader.beginObject();
        while (reader.hasNext()) {
            switch (reader.nextName()) {
                case "sequence_number" -> sequenceNumber = u64(reader);
                case "authentication_key" -> authenticationKey = hash(reader, "authentication_key");
                default -> reader.skipValue();
            }
        }
        reader.endObject();
        return new AccountInfo(required(sequenceNumber, "sequence_number"),
                required(authenticationKey, "authentication_key"));
    }

    static GasPriceEstimate gasPrice(JsonReader reader) throws IOException {
        BigInteger low = null;
        BigInteger normal = null;
        BigInteger high = null;
        reader.beginObject();
        while (reader.hasNext()) {
            switch (reader.nextName()) {
                case "deprioritized_gas_estimate" -> low = optionalU64(reader);
                case "gas_estimate" -> normal = u64(reader);
                case "prioritized_gas_estimate" -> high = optionalU64(reader);
                default -> reader.skipValue();
            }
        }
        reader.endObject();
        long gasEstimate = asLong(required(normal, "gas_estimate"), "gas_estimate");
        return new GasPriceEstimate(
                low == null ? gasEstimate : asLong(low, "deprioritized_gas_estimate"),
                gasEstimate,
                high == null ? gasEstimate : asLong(high, "prioritized_gas_estimate"));
    }

    /** {@code {"bytecode":"0x..","abi":{address,name,exposed_functions:[...]}}}. */
    static ModuleAbi module(JsonReader reader) throws IOException {
        ModuleAbi abi = null;
        reader.beginObject();
        while (reader.hasNext()) {
            if (reader.nextName().equals("abi") && reader.peek() != JsonReader.Token.NULL) {
                abi = moduleAbi(reader);
            } else {
                reader.skipValue();
            }
        }
        reader.endObject();
        return required(abi, "abi");
    }

    private static ModuleAbi moduleAbi(JsonReader reader) throws IOException {
        AccountAddress address = null;
        String name = null;
        List<FunctionAbi> functions = null;
        reader.beginObject();
        while (reader.hasNext()) {
            switch (reader.nextName()) {
                case "address" -> address = AccountAddress.parse(reader.nextString());
                case "name" -> name = reader.nextString();
                case "exposed_functions" -> {
                    functions = new ArrayList<>();
                    reader.beginArray();
                    while (reader.hasNext()) {
                        functions.add(function(reader));
                    }
                    reader.endArray();
                }
                default -> reader.skipValue();
            }
        }
        reader.endObject();
        return new ModuleAbi(required(address, "abi.address"), required(name, "abi.name"),
                required(functions, "abi.exposed_functions"));
    }

    private static FunctionAbi function(JsonReader reader) throws IOException {
        String name = null;
        Boolean entry = null;
        int typeParameters = 0;
        List<String> params = null;
        reader.beginObject();
        while (reader.hasNext()) {
            switch (reader.nextName()) {
                case "name" -> name = reader.nextString();
                case "is_entry" -> entry = reader.nextBoolean();
                case "generic_type_params" -> {
                    reader.beginArray();
                    while (reader.hasNext()) {
                        reader.skipValue();
                        typeParameters++;
                    }
                    reader.endArray();
                }
                case "params" -> {
                    params = new ArrayList<>();
                    reader.beginArray();
                    while (reader.hasNext()) {
                        params.add(reader.nextString());
                    }
                    reader.endArray();
                }
                default -> reader.skipValue();
            }
        }
        reader.endObject();
        return new FunctionAbi(required(name, "function name"), required(entry, "is_entry"), typeParameters,
                required(params, "params"));
    }

    /** The 202 body of a submission: a pending transaction. */
    static SubmittedTransaction pendingTransaction(JsonReader reader) throws IOException {
        String hash = null;
        AccountAddress sender = null;
        BigInteger sequenceNumber = null;
        BigInteger expiration = null;
        reader.beginObject();
        while (reader.hasNext()) {
            switch (reader.nextName()) {
                case "hash" -> hash = hash(reader, "hash");
                case "sender" -> sender = AccountAddress.parse(reader.nextString());
                case "sequence_number" -> sequenceNumber = u64(reader);
                case "expiration_timestamp_secs" -> expiration = u64(reader);
                default -> reader.skipValue();
            }
        }
        reader.endObject();
        return new SubmittedTransaction(required(hash, "hash"), required(sender, "sender"),
                required(sequenceNumber, "sequence_number"),
                asLong(required(expiration, "expiration_timestamp_secs"), "expiration_timestamp_secs"));
    }

    /** A transaction as by_hash and wait_by_hash return it: pending or committed. */
    static TransactionStatus transaction(JsonReader reader) throws IOException {
        String type = null;
        String hash = null;
        BigInteger version = null;
        Boolean success = null;
        String vmStatus = null;
        BigInteger gasUsed = null;
        reader.beginObject();
        while (reader.hasNext()) {
            switch (reader.nextName()) {
                case "type" -> type = reader.nextString();
                case "hash" -> hash = hash(reader, "hash");
                case "version" -> version = u64(reader);
                case "success" -> success = reader.nextBoolean();
                case "vm_status" -> vmStatus = reader.nextString();
                case "gas_used" -> gasUsed = u64(reader);
                default -> reader.skipValue();
            }
        }
        reader.endObject();
        required(hash, "hash");
        if ("pending_transaction".equals(required(type, "type"))) {
            return TransactionStatus.pending(hash);
        }
        boolean succeeded = required(success, "success");
        String status = required(vmStatus, "vm_status");
        return TransactionStatus.committed(new TransactionOutcome(hash, required(version, "version"), succeeded,
                required(gasUsed, "gas_used"), status, succeeded ? null : MoveAborts.parse(status)));
    }

    /** The simulation answer: an array holding one user transaction. */
    static TransactionOutcome simulation(JsonReader reader) throws IOException {
        reader.beginArray();
        if (!reader.hasNext()) {
            throw new JsonDataException("the simulation returned an empty array");
        }
        TransactionStatus status = transaction(reader);
        while (reader.hasNext()) {
            reader.skipValue();
        }
        reader.endArray();
        if (status.phase() != TransactionStatus.Phase.COMMITTED) {
            throw new JsonDataException("the simulation returned a " + status.phase() + " transaction");
        }
        return status.outcome();
    }

    /** A u64 written either as a JSON string ({@code "42"}) or a JSON number ({@code 42}), read exactly. */
    static BigInteger u64(JsonReader reader) throws IOException {
        JsonReader.Token token = reader.peek();
        String path = reader.getPath();
        if (token != JsonReader.Token.STRING && token != JsonReader.Token.NUMBER) {
            throw new JsonDataException("expected a u64 at " + path + " but was " + token);
        }
        // nextString() returns a number's literal text, so no double ever holds the value.
        String text = reader.nextString();
        if (!UNSIGNED.matcher(text).matches()) {
            throw new JsonDataException("expected an unsigned integer at " + path + ", got '" + text + "'");
        }
        BigInteger value = new BigInteger(text);
        if (value.compareTo(U64_MAX) > 0) {
            throw new JsonDataException("value at " + path + " exceeds u64: " + text);
        }
        return value;
    }

    static BigInteger optionalU64(JsonReader reader) throws IOException {
        return reader.peek() == JsonReader.Token.NULL ? reader.nextNull() : u64(reader);
    }

    static String optionalString(JsonReader reader) throws IOException {
        return reader.peek() == JsonReader.Token.NULL ? reader.nextNull() : reader.nextString();
    }

    private static String hash(JsonReader reader, String field) throws IOException {
        String text = reader.nextString();
        if (!HASH.matcher(text).matches()) {
            throw new JsonDataException(field + " must be 0x + 64 hex digits, got '" + text + "'");
        }
        return text.toLowerCase(Locale.ROOT);
    }

    private static long asLong(BigInteger value, String field) {
        if (value.bitLength() > 63) {
            throw new JsonDataException(field + " is out of range: " + value);
        }
        return value.longValue();
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw new JsonDataException("missing field " + field);
        }
        return value;
    }
}
