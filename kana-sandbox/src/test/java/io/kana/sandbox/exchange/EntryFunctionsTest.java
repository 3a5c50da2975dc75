package io.kana.sandbox.exchange;

import static io.kana.sandbox.exchange.ExchangeDriver.APT;
import static io.kana.sandbox.exchange.ExchangeDriver.LONG;
import static io.kana.sandbox.exchange.ExchangeDriver.OPEN;
import static io.kana.sandbox.exchange.ExchangeDriver.wallet;
import static org.assertj.core.api.Assertions.assertThat;

import io.kana.sandbox.ContractDrift;
import io.kana.sandbox.chain.PerpsModule.EntryFunctionAbi;
import io.kana.sandbox.chain.PerpsModule.ExecutionResult;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

public class EntryFunctionsTest {

    private final ExchangeDriver d = new ExchangeDriver();
    private final String alice = wallet(1);

    /** The contract file read independently of the sandbox's parser: first function name to Move types. */
    public static Map<String, List<String>> contractSignatures(String contract) {
        Map<String, List<String>> signatures = new LinkedHashMap<>();
        List<String> current = null;
        for (String line : contract.split("\n")) {
            String[] words = line.trim().split("\\s+");
            if (words[0].equals("function")) {
                current = new java.util.ArrayList<>();
                signatures.put(words[2], current);
            } else if (words[0].equals("arg")) {
                current.add(words[1]);
            }
        }
        return signatures;
    }

    @Test
    void abiIsTheContractsFirstFunctionNamesAndParameterTypes() {
        Map<String, List<String>> abi = new LinkedHashMap<>();
        for (EntryFunctionAbi f : d.exchange.entryFunctions()) {
            assertThat(f.typeParameterCount()).isZero();
            assertThat(f.params().get(0)).isEqualTo("&signer");
            abi.put(f.name(), f.params().subList(1, f.params().size()));
        }

        assertThat(abi).containsExactlyInAnyOrderEntriesOf(contractSignatures(ContractDrift.standard())).hasSize(12);
        // What the evidence proves (kana-evidence A1, A5): withdraw takes the wallet first; the recorded cancel.
        assertThat(abi).containsEntry("withdraw_specific_market", List.of("address", "u64", "u64"))
                .containsEntry("cancel_multiple_orders", List.of("u64", "vector<u128>", "vector<bool>"))
                .containsEntry("settle_pnl", List.of("address", "u64"));
        assertThat(d.exchange.moduleId()).isEqualTo(ExchangeDriver.MODULE + "::perpetual_scripts");
    }

    @Test
    void qualifiedFunctionNamesMustNameThisModule() {
        d.funded(alice, 100);

        ExecutionResult own = d.commit(alice, d.exchange.moduleId() + "::collapse_position", List.of(),
                List.of(BigInteger.valueOf(APT)));
        ExecutionResult other = d.commit(alice, "0x1::perpetual_scripts::collapse_position", List.of(),
                List.of(BigInteger.valueOf(APT)));

        assertThat(own.codeName()).isEqualTo("E_POSITION_NOT_FOUND");
        assertThat(other.codeName()).isEqualTo("E_UNKNOWN_FUNCTION");
        assertThat(d.run(alice, "transfer_everything").codeName()).isEqualTo("E_UNKNOWN_FUNCTION");
    }

    @ParameterizedTest(name = "{0} lots, {1} ticks, leverage {2}, restriction {3}, market {5}: {4}")
    @CsvSource({
        "499, 5000, 5, 0, size is 0.499 APT (499 lots), 1338",
        "150000001, 5000, 5, 0, 150000000 lots, 1338",
        "1000, 0, 5, 0, price above 0, 1338",
        "1000, 5000, 0, 0, leverage is 0, 1338",
        "1000, 5000, 21, 0, leverage is 21, 1338",
        "1000, 5000, 5, 2, restriction is 2, 1338",
    })
    void theModuleValidatesOrdersItself(long lots, long ticks, int leverage, int restriction, String reason, long market) {
        d.funded(alice, 100);

        ExecutionResult result = d.run(alice, "place_limit_order", market, LONG, OPEN, lots, ticks, leverage,
                restriction, 0, 0);

        assertThat(result.codeName()).isEqualTo("E_INVALID_ARGUMENT");
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.reason()).contains(reason);
    }

    @Test
    void unknownMarketAborts() {
        ExecutionResult result = d.run(alice, "place_limit_order", 77L, LONG, OPEN, 1000L, 5000L, 5, 0, 0, 0);

        assertThat(result.codeName()).isEqualTo("E_MARKET_NOT_FOUND");
        assertThat(result.code()).isEqualTo(1);
    }

    @Test
    void malformedArgumentsAbortInsteadOfThrowing() {
        assertThat(d.run(alice, "collapse_position").codeName()).isEqualTo("E_INVALID_ARGUMENT");
        assertThat(d.run(alice, "collapse_position", "1338").codeName()).isEqualTo("E_INVALID_ARGUMENT");
        assertThat(d.run(alice, "add_margin", APT, "yes", 1L).codeName()).isEqualTo("E_INVALID_ARGUMENT");
        assertThat(d.run(alice, "withdraw_specific_market", alice, APT, BigInteger.ONE.shiftLeft(64)).reason())
                .contains("beyond");
        assertThat(d.commit("bob", "collapse_position", List.of(), List.of(BigInteger.ONE)).codeName())
                .isEqualTo("E_INVALID_ARGUMENT");
        assertThat(d.commit(alice, "collapse_position", List.of("0x1::aptos_coin::AptosCoin"),
                List.of(BigInteger.ONE)).codeName()).isEqualTo("E_INVALID_ARGUMENT");
    }

    @Test
    void overflowingNotionalAbortsCleanly() {
        d.funded(alice, 100);

        ExecutionResult result = d.run(alice, "place_limit_order", APT, LONG, OPEN, 150_000_000L, Long.MAX_VALUE / 2,
                1, 0, 0, 0);

        assertThat(result.codeName()).isEqualTo("E_ARITHMETIC_OVERFLOW");
        d.assertConserved();
    }

    @Test
    void orderIdsExceedTwoToTheSixtyFourAndCarryTheMarket() {
        d.funded(alice, 100);

        d.ok(alice, "place_limit_order", APT, LONG, OPEN, 1000L, 4000L, 5, 0, 0, 0);

        BigInteger id = d.openOrders(alice, APT).get(0).id;
        assertThat(id).isGreaterThan(BigInteger.ONE.shiftLeft(64));
        assertThat(id.shiftRight(64)).isEqualTo(BigInteger.valueOf(APT));
    }
}
