package io.kana.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.kana.core.error.KanaApiException;
import io.kana.core.error.ProfileNotFoundException;
import io.kana.core.model.BalanceTransfer;
import io.kana.core.model.FundingPayment;
import io.kana.core.model.MarketId;
import io.kana.core.model.PageRequest;
import io.kana.core.model.ProfileAddress;
import io.kana.core.model.Side;
import io.kana.core.model.SortOrder;
import io.kana.core.model.WalletAddress;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class AccountsEndpointsTest extends MockApiTest {

    private static final Map<String, String> WALLET_ONLY = Map.of("userAddress", WALLET.hex());

    @Test
    void profileAddressSendsTheWalletAndReadsTheProfile() {
        enqueueData("\"0x51f531abefc697845eabae4ba20c7cc26b1f849561bb016c4d90707c4ede1912\"");

        ProfileAddress profile = api.profileAddress(WALLET);

        assertGet("/getProfileAddress", WALLET_ONLY);
        assertThat(profile).isEqualTo(PROFILE);
    }

    @Test
    void walletParametersAreSentInLongForm() {
        enqueueData("\"0x1\"");

        ProfileAddress profile = api.profileAddress(WalletAddress.parse("0xabc"));

        assertGet("/getProfileAddress", Map.of("userAddress", "0x" + "0".repeat(61) + "abc"));
        assertThat(profile).isEqualTo(ProfileAddress.parse("0x" + "0".repeat(63) + "1"));
    }

    @Test
    void walletBalanceDecodesTheDocumentedResponse() {
        enqueue(200, fixture("getWalletAccountBalance.json"));

        BigDecimal balance = api.walletBalance(WALLET);

        assertGet("/getWalletAccountBalance", WALLET_ONLY);
        assertThat(balance).isEqualTo(new BigDecimal("611899"));
    }

    @Test
    void walletBalanceDecodesTheOlderStatusEnvelope() {
        enqueue(200, fixture("getWalletAccountBalance.v66-status.json"));

        BigDecimal balance = api.walletBalance(WALLET);

        assertGet("/getWalletAccountBalance", WALLET_ONLY);
        assertThat(balance).isEqualTo(new BigDecimal("611899"));
    }

    @Test
    void profileBalanceReadsASnapshotGivenAsString() {
        enqueueData("\"1234.567891\"");

        BigDecimal balance = api.profileBalance(WALLET);

        assertGet("/getProfileBalanceSnapshot", WALLET_ONLY);
        assertThat(balance).isEqualTo(new BigDecimal("1234.567891"));
    }

    /** Kana's docs show a wallet balance once as a decimal string ("16391.60"), once as a number. */
    @Test
    void everyBalanceIsExactWhetherStringOrNumber() {
        Map<String, Function<WalletAddress, BigDecimal>> balances = new LinkedHashMap<>();
        balances.put("/getWalletAccountBalance", api::walletBalance);
        balances.put("/getProfileBalanceSnapshot", api::profileBalance);
        balances.put("/getNetProfileBalance", api::netProfileBalance);
        balances.put("/getAccountAptBalance", api::aptBalance);
        // 17 significant digits and a trailing zero: a double would round the first and drop the second.
        for (String literal : new String[] {"\"16391.60\"", "16391.60", "\"123456789012.345678901\"",
                "123456789012.345678901", "0.1", "\"0\""}) {
            BigDecimal expected = new BigDecimal(literal.replace("\"", ""));
            balances.forEach((path, balance) -> {
                enqueueData(literal);

                assertThat(balance.apply(WALLET)).as(path + " " + literal).isEqualTo(expected);
                assertGet(path, WALLET_ONLY);
            });
        }
    }

    @Test
    void aWalletWithoutProfileGetsProfileNotFound() {
        enqueue(200, "{\"success\":false,\"message\":\"Profile not found\"}");
        enqueue(400, "{\"success\":false,\"message\":\"Something went wrong\"}");

        for (String message : new String[] {"Profile not found", "Something went wrong"}) {
            ProfileNotFoundException e = catchThrowableOfType(ProfileNotFoundException.class,
                    () -> api.profileBalance(WALLET));

            assertGet("/getProfileBalanceSnapshot", WALLET_ONLY);
            assertThat(e).isInstanceOf(KanaApiException.class);
            assertThat(e.wallet()).isEqualTo(WALLET);
            assertThat(e.endpoint()).isEqualTo("getProfileBalanceSnapshot");
            assertThat(e.apiMessage()).isEqualTo(message);
            assertThat(e.effectMayExist()).isFalse();
            assertThat(e).hasMessageContaining("has no trading profile yet").hasMessageContaining(message);
        }
    }

    @Test
    void otherRefusalsOfTheSnapshotAndOfOtherBalancesStayPlainApiErrors() {
        enqueue(401, "{\"success\":false,\"message\":\"Unauthorized\"}");
        enqueue(200, "{\"success\":false,\"message\":\"Profile not found\"}");

        assertThatThrownBy(() -> api.profileBalance(WALLET)).isExactlyInstanceOf(KanaApiException.class)
                .hasMessageContaining("Unauthorized");
        assertThatThrownBy(() -> api.netProfileBalance(WALLET)).isExactlyInstanceOf(KanaApiException.class);
    }

    @Test
    void netProfileBalanceReadsANumber() {
        enqueueData("98765.000001");

        BigDecimal balance = api.netProfileBalance(WALLET);

        assertGet("/getNetProfileBalance", WALLET_ONLY);
        assertThat(balance).isEqualTo(new BigDecimal("98765.000001"));
    }

    @Test
    void aptBalanceReadsANumber() {
        enqueueData("0.99999999");

        BigDecimal balance = api.aptBalance(WALLET);

        assertGet("/getAccountAptBalance", WALLET_ONLY);
        assertThat(balance).isEqualTo(new BigDecimal("0.99999999"));
    }

    @Test
    void depositAndWithdrawHistoryDecodesTheDocumentedObjects() {
        enqueueData(fixtureData("ws-deposit_withdraw_history.json"));

        var history = api.depositAndWithdrawHistory(WALLET);

        assertGet("/getDepositAndWithdrawHistory", WALLET_ONLY);
        assertThat(history).containsExactly(new BalanceTransfer(PROFILE, new BigDecimal("10"), true,
                Instant.ofEpochSecond(1_745_995_346), Instant.ofEpochSecond(1_746_027_625),
                BigInteger.valueOf(2_665_483_307L)));
    }

    @Test
    void fundingHistorySendsMarketAndPaging() {
        enqueueData("""
                [{"address":"0x51f531abefc697845eabae4ba20c7cc26b1f849561bb016c4d90707c4ede1912","market_id":"14",
                  "trade_side":true,"funding_rate":"0.0000125","amount":"-0.031","size":"10",
                  "timestamp":"1747075649","transaction_version":"2713317408"}]
                """);

        var payments = api.fundingHistory(WALLET, MarketId.of(14), PageRequest.of(20, 10, SortOrder.DESC));

        assertGet("/getFundingHistory", Map.of("userAddress", WALLET.hex(), "marketId", "14", "offset", "20",
                "limit", "10", "order", "desc"));
        assertThat(payments).containsExactly(new FundingPayment(MarketId.of(14), PROFILE, Side.LONG,
                new BigDecimal("0.0000125"), new BigDecimal("-0.031"), new BigDecimal("10"),
                Instant.ofEpochSecond(1_747_075_649), BigInteger.valueOf(2_713_317_408L)));
    }

    @Test
    void fundingHistoryOmitsParametersLeftToTheServer() {
        enqueueData("[]");

        var payments = api.fundingHistory(WALLET, null, null);

        assertGet("/getFundingHistory", WALLET_ONLY);
        assertThat(payments).isEmpty();
    }

    @Test
    void fundingHistorySendsOnlyThePagingPartsThatAreSet() {
        enqueueData("null");

        var payments = api.fundingHistory(WALLET, null, new PageRequest(null, 5, SortOrder.ASC));

        assertGet("/getFundingHistory", Map.of("userAddress", WALLET.hex(), "limit", "5", "order", "asc"));
        assertThat(payments).isEmpty();
    }
}
