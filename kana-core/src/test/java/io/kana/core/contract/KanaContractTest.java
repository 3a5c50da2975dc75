package io.kana.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kana.core.error.ContractFormatException;
import io.kana.core.trading.TradeOperation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KanaContractTest {

    static final Path FILE = Path.of("..", "contract", "kana-perps.contract");

    static String standardText() throws IOException {
        return Files.readString(FILE, StandardCharsets.UTF_8);
    }

    @Test
    void theBundledContractIsTheRepositoryFile() throws IOException {
        assertThat(KanaContract.standard().operations()).isEqualTo(KanaContract.parse(standardText(), "x").operations());
        assertThat(KanaContract.standard().modules()).isEqualTo(KanaContract.load(FILE).modules());
    }

    @Test
    void theStandardContractDescribesEveryOperation() {
        KanaContract contract = KanaContract.standard();

        assertThat(contract.operations()).containsOnlyKeys(TradeOperation.values());
        assertThat(contract.moduleId("mainnet")).contains(
                "0x7a38039fffd016adcac2c53795ee49325e5ec6fddf3bf02651c09f9a583655a6::perpetual_scripts");
        assertThat(contract.moduleId("TESTNET")).contains(
                "0x732f891290449af5e9369866537a51a8e7dc566791aec61a468223ed840b1eb4::perpetual_scripts");
        assertThat(contract.moduleId("devnet")).isEmpty();

        OperationContract withdraw = contract.operation(TradeOperation.WITHDRAW);
        assertThat(withdraw.endpoint()).isEqualTo(new Endpoint("GET", "/withdrawSpecifiMarket",
                List.of("marketId", "amount", "userAddress")));
        assertThat(withdraw.nameProven()).isFalse();
        assertThat(withdraw.functionNames()).containsExactly("withdraw_specific_market", "withdraw_from_market", "withdraw");
        assertThat(withdraw.parameters()).containsExactly(new Parameter("address", "wallet", "sender", ""),
                new Parameter("u64", "marketId", "marketId", ""), new Parameter("u64", "amount", "amount", "quoteUnits"));
        assertThat(withdraw.expectedSignature("withdraw")).isEqualTo("withdraw(address, u64, u64)");
        assertThat(withdraw.evidence()).hasSize(1).allSatisfy(e -> assertThat(e).startsWith("A5:"));
        assertThat(withdraw.open()).hasSize(1);

        OperationContract cancel = contract.operation(TradeOperation.CANCEL_MULTIPLE_ORDERS);
        assertThat(cancel.nameProven()).isTrue();
        assertThat(cancel.parameterTypes()).containsExactly("u64", "vector<u128>", "vector<bool>");
        assertThat(cancel.parameters().get(1).qualifiedSource()).isEqualTo("cancels.orderId");
        assertThat(contract.operation(TradeOperation.PLACE_MULTIPLE_ORDERS).parameters().get(4).qualifiedSource())
                .isEqualTo("orders.size@lots");
    }

    @Test
    void aFileIsReadFromDisk(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("mine.contract");
        Files.writeString(file, standardText().replace("function proven deposit", "function proven deposit_v2"));

        assertThat(KanaContract.load(file).operation(TradeOperation.DEPOSIT).functionNames()).containsExactly("deposit_v2");
        assertThat(KanaContract.load(file).source()).isEqualTo(file.toString());
    }

    @Test
    void anUnreadableFileIsAFormatErrorNamingIt(@TempDir Path dir) {
        Path absent = dir.resolve("absent.contract");

        assertThatThrownBy(() -> KanaContract.load(absent)).isInstanceOf(ContractFormatException.class)
                .hasMessageStartingWith(absent + ": file: cannot be read")
                .satisfies(e -> assertThat(((ContractFormatException) e).effectMayExist()).isFalse());
    }

    /** Replaces the first line equal to {@code line} (after stripping) and returns the text and its line number. */
    static Edit replaceLine(String text, String line, String replacement) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].strip().equals(line)) {
                lines[i] = replacement;
                return new Edit(String.join("\n", lines), i + 1);
            }
        }
        throw new AssertionError("no line " + line);
    }

    record Edit(String text, int line) {}

    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "arg u64 amount amount@quoteUnits | arg u63 amount amount@quoteUnits | arg: unknown Move type 'u63'",
        "arg u64 amount amount@quoteUnits | arg u64 amount | arg: expected 'arg <move type> <name> <source>' (three words), got 2",
        "arg u64 amount amount@quoteUnits | arg u64 amount amount@lots | arg: unknown source 'amount@lots'",
        "arg u64 amount amount@quoteUnits | arg u64 amount price@ticks | arg: a DEPOSIT request has no price@ticks",
        "arg u64 amount amount@quoteUnits | arg vector<u64> amount amount@quoteUnits | arg: amount: amount@quoteUnits is a single value and needs a scalar type",
        "arg address wallet sender | arg u64 wallet sender | arg: wallet: sender is a address, got u64",
        "arg vector<u64> sizes orders.size@lots | arg u64 sizes orders.size@lots | arg: sizes: orders.size@lots has one value per order and needs a vector, got u64",
        "arg vector<bool> orderTypes orders.type | arg vector<u64> orderTypes orders.type | arg: orderTypes: orders.type is a bool per element, got vector<u64>",
        "arg u64 marketId marketId | arg u64 2marketId marketId | arg: a parameter name is an identifier",
        "function proven deposit | function proven deposit deposit_v2 | function: a proven function has exactly one name, got 2",
        "function proven deposit | function maybe deposit | function: expected 'function proven <name>'",
        "function proven deposit | function unproven | function: an unproven function needs at least one candidate name",
        "function proven deposit | function proven deposit-it | function: a function name is a Move identifier",
        "endpoint GET /deposit amount userAddress | endpoint PUT /deposit amount | endpoint: the method is GET or POST, got 'PUT'",
        "endpoint GET /deposit amount userAddress | endpoint GET deposit amount | endpoint: a path starts with '/'",
        "operation DEPOSIT | operation DEPOSITS | operation: unknown operation 'DEPOSITS'",
        "operation WITHDRAW | operation DEPOSIT | operation: DEPOSIT is described twice",
        "evidence A3: working code calls 0x7a38..55a6::perpetual_scripts::deposit with [userAddress, amount in subunits] | evidence | evidence: needs a text",
        "operation DEPOSIT | depositing DEPOSIT | depositing: unknown statement",
        "module mainnet 0x7a38039fffd016adcac2c53795ee49325e5ec6fddf3bf02651c09f9a583655a6::perpetual_scripts | module mainnet 0xzz::perpetual_scripts | module: '0xzz' is not an account address",
        "module mainnet 0x7a38039fffd016adcac2c53795ee49325e5ec6fddf3bf02651c09f9a583655a6::perpetual_scripts | module mainnet 0x1 | module: expected <address>::<module>, got '0x1'",
        "module mainnet 0x7a38039fffd016adcac2c53795ee49325e5ec6fddf3bf02651c09f9a583655a6::perpetual_scripts | module mainnet | module: expected 'module <network> <address>::<module>', got 1 words",
        "module testnet 0x732f891290449af5e9369866537a51a8e7dc566791aec61a468223ed840b1eb4::perpetual_scripts | module mainnet 0x1::m | module: network mainnet has a module already",
    })
    void eachMalformedLineIsNamedWithItsNumber(String line, String replacement, String message) throws IOException {
        Edit edit = replaceLine(standardText(), line, replacement);

        assertThatThrownBy(() -> KanaContract.parse(edit.text(), "my.contract"))
                .isInstanceOf(ContractFormatException.class)
                .hasMessageStartingWith("my.contract:" + edit.line() + ": " + message)
                .satisfies(e -> assertThat(((ContractFormatException) e).line()).isEqualTo(edit.line()));
    }

    @Test
    void aStatementBeforeAnyOperationIsOutsideABlock() throws IOException {
        String text = "arg u64 marketId marketId\n" + standardText();

        assertThatThrownBy(() -> KanaContract.parse(text, "c")).isInstanceOf(ContractFormatException.class)
                .hasMessageStartingWith("c:1: arg: outside an operation block");
    }

    @Test
    void aBlockWithoutEndpointOrFunctionIsNamedByItsOperationLine() throws IOException {
        Edit noEndpoint = replaceLine(standardText(), "endpoint GET /collapsePosition marketId", "");
        int operationLine = replaceLine(standardText(), "operation COLLAPSE_POSITION", "").line();
        assertThatThrownBy(() -> KanaContract.parse(noEndpoint.text(), "c"))
                .hasMessageStartingWith("c:" + operationLine + ": operation: COLLAPSE_POSITION has no endpoint");

        Edit noFunction = replaceLine(standardText(), "function unproven collapse_position", "# gone");
        assertThatThrownBy(() -> KanaContract.parse(noFunction.text(), "c"))
                .hasMessageStartingWith("c:" + operationLine + ": operation: COLLAPSE_POSITION has no function");
    }

    @Test
    void everyOperationMustBeDescribed() throws IOException {
        String text = standardText();
        String withoutSettle = text.substring(0, text.indexOf("operation SETTLE_PNL"));

        assertThatThrownBy(() -> KanaContract.parse(withoutSettle, "short.contract"))
                .isInstanceOf(ContractFormatException.class)
                .hasMessage("short.contract: operation: the contract must describe all 12 operations; missing SETTLE_PNL");
    }

    @Test
    void commentsAndBlankLinesAreIgnored() throws IOException {
        String text = "# a note\n\n   \n" + standardText().replace("function proven deposit",
                "function proven deposit   # proven by A3");

        assertThat(KanaContract.parse(text, "c").operation(TradeOperation.DEPOSIT).functionNames())
                .containsExactly("deposit");
    }
}
