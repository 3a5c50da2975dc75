package io.kana.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.kana.core.model.AccountAddress;
import io.kana.core.model.BalanceTransfer;
import io.kana.core.model.FundingPayment;
import io.kana.core.model.MarketId;
import io.kana.core.model.PageRequest;
import io.kana.core.model.Side;
import io.kana.core.model.SortOrder;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccountsEndpointsTest extends MockApiTest {

    private static final Map<String, String> WALLET_ONLY = Map.of("userAddress", WALLET.hex());

    @Test
    void profileAddressSendsTheWalletAndReadsTheProfile() {
        enqueueData("\"0x51f531abefc697845eabae4ba20c7cc26b1f849561bb016c4d90707c4ede1912\"");

        AccountAddress profile = api.profileAddress(WALLET);

        assertGet("/getProfileAddress", WALLET_ONLY);
        assertThat(profile).isEqualTo(PROFILE);
    }

    @Test
    void walletParametersAreSentInLongForm() {
        enqueueData("\"0x1\"");

        AccountAddress profile = api.profileAddress(AccountAddress.parse("0xabc"));

        assertGet("/getProfileAddress", Map.of("userAddress", "0x" + "0".repeat(61) + "abc"));
        assertThat(profile).isEqualTo(AccountAddress.parse("0x" + "0".repeat(63) + "1"));
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
