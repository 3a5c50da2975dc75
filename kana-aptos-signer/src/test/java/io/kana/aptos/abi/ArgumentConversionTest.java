package io.kana.aptos.abi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kana.core.model.AccountAddress;
import io.kana.core.model.EntryFunctionPayload;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How JSON values become Move arguments, and the errors when they cannot. */
class ArgumentConversionTest {

    private static final String MODULE = "0x7a38039fffd016adcac2c53795ee49325e5ec6fddf3bf02651c09f9a583655a6";
    private static final String FUNCTION = MODULE + "::perpetual_scripts::f";

    private final TransactionFactory factory = new TransactionFactory();

    @Test
    void boolsFromBooleansOrTheirStrings() {
        assertThat(encode("bool", true)).isEqualTo("01");
        assertThat(encode("bool", "false")).isEqualTo("00");
        assertRejected("bool", "TRUE", "expected a bool");
        assertRejected("bool", 1, "expected a bool");
    }

    @Test
    void integersFromNumbersAndDecimalStrings() {
        assertThat(encode("u8", 255)).isEqualTo("ff");
        assertThat(encode("u16", new BigInteger("65535"))).isEqualTo("ffff");
        assertThat(encode("u32", new BigDecimal("4294967295"))).isEqualTo("ffffffff");
        assertThat(encode("u64", 7L)).isEqualTo("0700000000000000");
        assertThat(encode("u64", new BigDecimal("5.000"))).isEqualTo("0500000000000000");
        assertThat(encode("u64", 3.0d)).isEqualTo("0300000000000000");
        assertThat(encode("u64", "0x10")).isEqualTo("1000000000000000");
        assertThat(encode("u64", "0018")).isEqualTo("1200000000000000");
        assertThat(encode("u256", "1")).isEqualTo("01" + "00".repeat(31));
        assertThat(encode("i8", "-1")).isEqualTo("ff");
        assertThat(encode("i64", "-2")).isEqualTo("fe" + "ff".repeat(7));

        assertRejected("u8", "256", "out of range for u8 (0..255)");
        assertRejected("u8", "0x1", "expected u8");
        assertRejected("u64", "-1", "expected u64");
        assertRejected("u64", "18446744073709551616", "out of range for u64");
        assertRejected("u64", "", "empty");
        assertRejected("u64", "1.5", "decimal string");
        assertRejected("u64", "١٢", "decimal string");
        assertRejected("u64", new BigDecimal("1.5"), "not an integer");
        assertRejected("u64", new BigDecimal("1e400"), "out of range");
        assertRejected("u64", 9.007199254740994E15, "may have been rounded");
        assertRejected("u64", -3, "out of range");
        assertRejected("u64", true, "expected u64");
        assertRejected("u64", null, "expected u64");
        assertRejected("i8", "128", "out of range for i8 (-128..127)");
    }

    @Test
    void addressesStringsAndObjects() {
        assertThat(encode("address", "0x1")).isEqualTo("00".repeat(31) + "01");
        assertThat(encode("0x1::string::String", "hé")).isEqualTo("0368c3a9");
        assertThat(encode("0x1::object::Object<0x1::fungible_asset::Metadata>", "0xa")).isEqualTo("00".repeat(31) + "0a");
        assertRejected("address", "1234", "must start with 0x");
        assertRejected("address", "0x" + "1".repeat(65), "1 to 64 hex digits");
        assertRejected("0x1::string::String", 5, "expected a string");
    }

    @Test
    void vectorsFromListsOrJsonArrayStrings() {
        assertThat(encode("vector<u64>", "[\"1\", 2]")).isEqualTo("02" + "0100000000000000" + "0200000000000000");
        assertThat(encode("vector<bool>", " [true,\"false\"]")).isEqualTo("020100");
        assertThat(encode("vector<0x1::string::String>", "[\"a\\\"b\", \"\\u00e9\"]")).isEqualTo("0203612262" + "02c3a9");
        assertThat(encode("vector<vector<u8>>", List.of("ab", List.of(1, "2")))).isEqualTo("02" + "026162" + "020102");
        // vector<u8> from a string is its UTF-8 bytes, even when it looks like JSON or hex.
        assertThat(encode("vector<u8>", "[1]")).isEqualTo("035b315d");
        assertThat(encode("vector<u8>", "0x01")).isEqualTo("0430783031");

        assertRejected("vector<u64>", "1,2", "expected a vector");
        assertRejected("vector<u64>", "[1,", "not a valid JSON array");
        assertRejected("vector<u64>", "[{}]", "objects are not vector elements");
        assertRejected("vector<bool>", List.of("true", "yes"), "element 1: expected a bool");
    }

    @Test
    void errorsNameFunctionIndexTypeAndValue() {
        EntryFunctionPayload payload = new EntryFunctionPayload(FUNCTION, List.of(), List.of("1", "x"));
        assertThatThrownBy(() -> factory.encode(payload, abi(0, "u64", "u64")))
                .isInstanceOfSatisfying(AbiEncodingException.class, e -> {
                    assertThat(e.function()).isEqualTo(FUNCTION);
                    assertThat(e.argumentIndex()).isEqualTo(1);
                    assertThat(e.moveType()).isEqualTo("u64");
                    assertThat(e.effectMayExist()).isFalse();
                })
                .hasMessage("cannot encode functionArguments[1] of " + FUNCTION + " as u64: expected u64 "
                        + "(0..18446744073709551615) as a decimal string; got \"x\"");
        assertThatThrownBy(() -> factory.encode(new EntryFunctionPayload(FUNCTION, List.of(),
                List.of(List.of("1", "-2"))), abi(0, "vector<u64>")))
                .hasMessageContaining("element 1")
                .hasMessageContaining("got \"-2\" in [\"1\", \"-2\"]");
    }

    @Test
    void functionLevelMismatches() {
        ModuleAbi abi = new ModuleAbi(AccountAddress.parse(MODULE), "perpetual_scripts", List.of(
                new FunctionAbi("f", true, 0, List.of("&signer", "u64")),
                new FunctionAbi("view_only", false, 0, List.of("u64")),
                new FunctionAbi("g", true, 1, List.of("signer", "T0")),
                new FunctionAbi("broken", true, 0, List.of("&signer", "vector<u8")),
                new FunctionAbi("needs_struct", true, 0, List.of("&signer", "0x1::coin::Coin<u8>"))));

        assertRejectedCall(abi, FUNCTION, List.of(), List.of("1", "2"), "takes 1 argument(s) [u64]");
        assertRejectedCall(abi, MODULE + "::perpetual_scripts::nope", List.of(), List.of(), "has no function 'nope'");
        assertRejectedCall(abi, MODULE + "::perpetual_scripts::view_only", List.of(), List.of("1"), "not an entry function");
        assertRejectedCall(abi, MODULE + "::perpetual_scripts::g", List.of(), List.of("1"), "takes 1 type argument(s)");
        assertRejectedCall(abi, MODULE + "::perpetual_scripts::g", List.of("vector<"), List.of("1"), "typeArguments[0]");
        assertRejectedCall(abi, MODULE + "::perpetual_scripts::g", List.of("T0"), List.of("1"), "concrete type");
        assertRejectedCall(abi, MODULE + "::perpetual_scripts::broken", List.of(), List.of("1"), "unreadable parameter type");
        assertRejectedCall(abi, MODULE + "::perpetual_scripts::needs_struct", List.of(), List.of("1"),
                "cannot be built from a JSON value");
        assertRejectedCall(abi, "0x1::perpetual_scripts::f", List.of(), List.of("1"), "but the ABI given is of");
        assertRejectedCall(abi, MODULE + "::other::f", List.of(), List.of("1"), "but the ABI given is of");

        // Short and long forms of the module address are the same module.
        assertThat(factory.encode(new EntryFunctionPayload(MODULE.toUpperCase().replace("0X", "0x")
                + "::perpetual_scripts::g", List.of("bool"), List.of(true)), abi).arguments().get(0)).containsExactly(1);
    }

    @Test
    void equalAbisFromDifferentFetchesEncodeTheSame() {
        EntryFunctionPayload payload = new EntryFunctionPayload(FUNCTION, List.of(), List.of("9"));
        assertThat(factory.encode(payload, abi(0, "u64"))).isEqualTo(factory.encode(payload, abi(0, "u64")));
        assertThat(factory.encode(payload, abi(0, "u8")).arguments().get(0)).containsExactly(9);
    }

    private String encode(String type, Object value) {
        List<Object> values = new ArrayList<>(Arrays.asList(value));
        return HexFormat.of().formatHex(factory.encode(new EntryFunctionPayload(FUNCTION, List.of(), values),
                abi(0, type)).arguments().get(0));
    }

    private void assertRejected(String type, Object value, String message) {
        assertThatThrownBy(() -> encode(type, value))
                .isInstanceOf(AbiEncodingException.class)
                .hasMessageContaining(message)
                .hasMessageContaining("functionArguments[0]")
                .hasMessageContaining(" as " + type + ": ");
    }

    private void assertRejectedCall(ModuleAbi abi, String function, List<String> typeArguments, List<Object> arguments,
            String message) {
        assertThatThrownBy(() -> factory.encode(new EntryFunctionPayload(function, typeArguments, arguments), abi))
                .isInstanceOf(AbiEncodingException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((AbiEncodingException) e).function()).isEqualTo(function));
    }

    private static ModuleAbi abi(int typeParameters, String... params) {
        List<String> all = new ArrayList<>(List.of("&signer"));
        all.addAll(List.of(params));
        return new ModuleAbi(AccountAddress.parse(MODULE), "perpetual_scripts",
                List.of(new FunctionAbi("f", true, typeParameters, all)));
    }
}
