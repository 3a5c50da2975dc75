package io.kana.aptos.node;

import static io.kana.aptos.node.NodeFixtures.HASH;
import static io.kana.aptos.node.NodeFixtures.LEDGER_INFO;
import static io.kana.aptos.node.NodeFixtures.committed;
import static io.kana.aptos.node.NodeFixtures.error;
import static io.kana.aptos.node.NodeFixtures.pending;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kana.aptos.abi.FunctionAbi;
import io.kana.aptos.abi.ModuleAbi;
import io.kana.core.error.InvalidRequestException;
import io.kana.core.error.KanaDecodingException;
import io.kana.core.error.KanaTransportException;
import io.kana.core.model.AccountAddress;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.Test;

class AptosNodeClientReadsTest extends MockNodeTest {

    private static final AccountAddress WALLET =
            AccountAddress.parse("0xb6bbeddd149a70b603089e5a1e4e259c39d6cbfb0139265b1d4bd79eaf790b03");
    private static final String MODULE_JSON = """
            {"bytecode":"0xa11ceb0b0600",
             "abi":{"address":"0x6a0b1f4c2d3e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8",
                    "name":"perpetual_scripts","friends":[],
                    "exposed_functions":[
                      {"name":"deposit","visibility":"public","is_entry":true,"is_view":false,
                       "generic_type_params":[{"constraints":[]}],
                       "params":["&signer","u64"],"return":[]},
                      {"name":"place_limit_order","visibility":"public","is_entry":true,"is_view":false,
                       "generic_type_params":[],
                       "params":["&signer","u64","bool","vector<u64>","0x1::string::String",
                                 "0x1::option::Option<u64>","0x1::object::Object<0x1::fungible_asset::Metadata>"],
                       "return":[]},
                      {"name":"helper","visibility":"friend","is_entry":false,"is_view":true,
                       "generic_type_params":[{"constraints":["copy","drop"]},{"constraints":[]}],
                       "params":["T0","T1"],"return":["u64"]}],
                    "structs":[{"name":"S","is_native":false,"abilities":[],"generic_type_params":[],"fields":[]}]}}""";

    @Test
    void ledgerInfoIsAGetOfTheNodeUrlItself() throws Exception {
        answer(200, LEDGER_INFO);

        LedgerInfo info = client.ledgerInfo();

        assertThat(info).isEqualTo(new LedgerInfo(2, new BigInteger("6843128811"), 1_735_689_600_123_456L));
        assertThat(info.ledgerTimestamp()).isEqualTo(Instant.parse("2025-01-01T00:00:00.123456Z"));
        RecordedRequest request = nextRequest();
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getPath()).isEqualTo("/v1");
        assertThat(request.getHeader("Accept")).isEqualTo("application/json");
        assertThat(request.getHeader("Authorization")).isNull();
        assertThat(request.getBodySize()).isZero();
    }

    @Test
    void aTrailingSlashOnTheNodeUrlIsIgnored() throws Exception {
        answer(200, LEDGER_INFO);
        try (AptosNodeClient slashed = AptosNodeClient.builder(server.url("/v1/").toString()).build()) {
            slashed.ledgerInfo();
        }
        assertThat(nextRequest().getPath()).isEqualTo("/v1");
    }

    @Test
    void accountReadsSequenceNumberExactlyAndNormalizesTheAuthenticationKey() throws Exception {
        answer(200, """
                {"sequence_number":"18446744073709551615",
                 "authentication_key":"0xB6BBEDDD149A70B603089E5A1E4E259C39D6CBFB0139265B1D4BD79EAF790B03"}""");

        AccountInfo account = client.account(WALLET);

        assertThat(account.sequenceNumber()).isEqualTo(new BigInteger("18446744073709551615"));
        assertThat(account.authenticationKey()).isEqualTo(WALLET.hex());
        RecordedRequest request = nextRequest();
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getPath()).isEqualTo("/v1/accounts/" + WALLET.hex());
    }

    @Test
    void aMissingAccountIsATypedNotFoundAndIsNotRetried() {
        answer(404, error("account_not_found", "Account not found by Address(0xb6bb) and Ledger version(12)", null));

        assertThatThrownBy(() -> client.account(WALLET))
                .isInstanceOfSatisfying(AptosNodeException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(AptosErrorCode.ACCOUNT_NOT_FOUND);
                    assertThat(e.httpStatus()).isEqualTo(404);
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.endpoint()).isEqualTo("account");
                    assertThat(e.vmErrorCode()).isNull();
                    assertThat(e.effectMayExist()).isFalse();
                    assertThat(e).hasMessageContaining("account_not_found").hasMessageContaining("Account not found");
                });
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(delayer.delays).isEmpty();
    }

    @Test
    void asyncFailuresCarryTheTypedErrorItselfNotAWrapper() throws Exception {
        answer(404, error("account_not_found", "no such account", null));

        CompletableFuture<AccountInfo> future = client.accountAsync(WALLET);

        Throwable failure = future.handle((value, e) -> e).get(2, TimeUnit.SECONDS);
        assertThat(failure).isInstanceOf(AptosNodeException.class);
    }

    @Test
    void gasPriceEstimatesAreJsonNumbers() throws Exception {
        answer(200, "{\"deprioritized_gas_estimate\":100,\"gas_estimate\":110,\"prioritized_gas_estimate\":150}");

        assertThat(client.estimateGasPrice()).isEqualTo(new GasPriceEstimate(100, 110, 150));
        RecordedRequest request = nextRequest();
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getPath()).isEqualTo("/v1/estimate_gas_price");
    }

    @Test
    void missingOptionalGasEstimatesDefaultToTheNormalEstimate() {
        answer(200, "{\"gas_estimate\":100,\"prioritized_gas_estimate\":null}");

        assertThat(client.estimateGasPrice()).isEqualTo(new GasPriceEstimate(100, 100, 100));
    }

    @Test
    void aGasPriceBeyondLongRangeIsADecodingErrorNotARoundedValue() {
        answer(200, "{\"gas_estimate\":18446744073709551615}");

        assertThatThrownBy(() -> client.estimateGasPrice()).isInstanceOf(KanaDecodingException.class)
                .hasMessageContaining("gas_estimate");
    }

    @Test
    void moduleAbiKeepsEntryFlagTypeParameterCountAndParams() throws Exception {
        answer(200, MODULE_JSON);
        AccountAddress publisher = AccountAddress.parse("0x6a0b1f4c2d3e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8");

        ModuleAbi abi = client.moduleAbi(publisher, "perpetual_scripts");

        assertThat(abi.address()).isEqualTo(publisher);
        assertThat(abi.name()).isEqualTo("perpetual_scripts");
        assertThat(abi.functions()).containsExactly(
                new FunctionAbi("deposit", true, 1, List.of("&signer", "u64")),
                new FunctionAbi("place_limit_order", true, 0, List.of("&signer", "u64", "bool", "vector<u64>",
                        "0x1::string::String", "0x1::option::Option<u64>",
                        "0x1::object::Object<0x1::fungible_asset::Metadata>")),
                new FunctionAbi("helper", false, 2, List.of("T0", "T1")));
        RecordedRequest request = nextRequest();
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getPath()).isEqualTo("/v1/accounts/" + publisher.hex() + "/module/perpetual_scripts");
    }

    @Test
    void aMissingModuleIsATypedNotFound() {
        answer(404, error("module_not_found", "Module not found", null));

        assertThatThrownBy(() -> client.moduleAbi(WALLET, "nope"))
                .isInstanceOfSatisfying(AptosNodeException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(AptosErrorCode.MODULE_NOT_FOUND));
    }

    @Test
    void aModuleNameThatIsNotAnIdentifierIsRefusedBeforeSending() {
        assertThatThrownBy(() -> client.moduleAbi(WALLET, "../transactions"))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.field()).isEqualTo("moduleName"));
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void transactionByHashReportsPendingCommittedAndNotFound() throws Exception {
        answer(200, pending(HASH));
        answer(200, committed(HASH, true, "Executed successfully"));
        answer(404, error("transaction_not_found", "Transaction not found by Transaction hash(" + HASH + ")", null));

        String upperCase = "0x" + HASH.substring(2).toUpperCase(Locale.ROOT);
        assertThat(client.transactionByHash(upperCase)).isEqualTo(TransactionStatus.pending(HASH));
        TransactionStatus committed = client.transactionByHash(HASH);
        assertThat(committed.phase()).isEqualTo(TransactionStatus.Phase.COMMITTED);
        assertThat(committed.outcome().version()).isEqualTo(new BigInteger("6843128812"));
        assertThat(committed.outcome().gasUsed()).isEqualTo(BigInteger.valueOf(1234));
        assertThat(committed.outcome().success()).isTrue();
        assertThat(committed.outcome().vmStatus()).isEqualTo("Executed successfully");
        assertThat(committed.outcome().moveAbort()).isNull();
        assertThat(client.transactionByHashAsync(HASH).get(2, TimeUnit.SECONDS))
                .isEqualTo(TransactionStatus.notFound(HASH));

        for (int i = 0; i < 3; i++) {
            RecordedRequest request = nextRequest();
            assertThat(request.getMethod()).isEqualTo("GET");
            assertThat(request.getPath()).isEqualTo("/v1/transactions/by_hash/" + HASH);
        }
    }

    @Test
    void aCommittedFailureIsAStatusNotAnExceptionWhenLookingUp() {
        answer(200, committed(HASH, false, "Move abort in 0x1::coin: EINSUFFICIENT_BALANCE(0x10006): Not enough coins"));

        TransactionStatus status = client.transactionByHash(HASH);

        assertThat(status.outcome().success()).isFalse();
        assertThat(status.outcome().moveAbort().code()).isEqualTo(0x10006);
    }

    @Test
    void waitTransactionByHashIsTheServerLongPoll() throws Exception {
        answer(200, committed(HASH, true, "Executed successfully"));

        assertThat(client.waitTransactionByHash(HASH).phase()).isEqualTo(TransactionStatus.Phase.COMMITTED);
        RecordedRequest request = nextRequest();
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getPath()).isEqualTo("/v1/transactions/wait_by_hash/" + HASH);
    }

    @Test
    void aMalformedHashIsRefusedBeforeSending() {
        assertThatThrownBy(() -> client.transactionByHash("0x1234"))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("hash"))
                .hasMessageContaining("64 hex digits");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void a429HonoursRetryAfterThenSucceeds() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "1")
                .setBody(error("web_framework_error", "rate limited", null)));
        answer(200, LEDGER_INFO);

        assertThat(client.ledgerInfo().chainId()).isEqualTo(2);
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(delayer.delays).singleElement().isEqualTo(1000L);
    }

    @Test
    void aRetryAfterLongerThanTheRetryPolicyAllowsFailsAtOnce() {
        server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "60"));

        assertThatThrownBy(() -> client.ledgerInfo()).isInstanceOf(KanaTransportException.class)
                .hasMessageContaining("60000 ms").hasMessageContaining("try again later");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void a503IsRetriedWithGrowingBackoffUntilTheAttemptsAreSpent() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse().setResponseCode(503).setBody("<html>upstream unavailable</html>"));
        }

        assertThatThrownBy(() -> client.estimateGasPrice())
                .isInstanceOfSatisfying(KanaTransportException.class, e -> {
                    assertThat(e.endpoint()).isEqualTo("estimateGasPrice");
                    assertThat(e).hasMessageContaining("3 attempt(s)").hasMessageContaining("HTTP 503");
                    assertThat(e.getCause()).isInstanceOfSatisfying(AptosNodeException.class, cause -> {
                        assertThat(cause.httpStatus()).isEqualTo(503);
                        assertThat(cause.retryable()).isTrue();
                        assertThat(cause.errorCode()).isEqualTo(AptosErrorCode.UNKNOWN);
                        assertThat(cause).hasMessageContaining("upstream unavailable");
                    });
                });
        assertThat(server.getRequestCount()).isEqualTo(3);
        // Equal jitter: attempt n waits between half and all of 100 ms * 2^(n-1).
        assertThat(delayer.delays).hasSize(2);
        assertThat(delayer.delays.get(0)).isBetween(50L, 100L);
        assertThat(delayer.delays.get(1)).isBetween(100L, 200L);
    }

    @Test
    void aDroppedConnectionOnAReadIsRetried() {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        answer(200, LEDGER_INFO);

        assertThat(client.ledgerInfo().chainId()).isEqualTo(2);
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(delayer.delays).as("retried by the client's policy").hasSize(1);
    }

    @Test
    void aDefiniteClientErrorOnAReadIsNotRetried() {
        answer(400, error("invalid_input", "invalid hash", null));

        assertThatThrownBy(() -> client.transactionByHash(HASH))
                .isInstanceOfSatisfying(AptosNodeException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(AptosErrorCode.INVALID_INPUT);
                    assertThat(e.retryable()).isFalse();
                });
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void malformedJsonIsADecodingErrorWithASnippetAndIsNotRetried() {
        answer(200, "{\"chain_id\":2,\"ledger_version\":");

        assertThatThrownBy(() -> client.ledgerInfo())
                .isInstanceOfSatisfying(KanaDecodingException.class, e -> {
                    assertThat(e.endpoint()).isEqualTo("ledgerInfo");
                    assertThat(e.snippet()).isEqualTo("{\"chain_id\":2,\"ledger_version\":");
                });
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aMissingRequiredFieldIsADecodingError() {
        answer(200, "{\"sequence_number\":\"1\"}");

        assertThatThrownBy(() -> client.account(WALLET)).isInstanceOf(KanaDecodingException.class)
                .hasMessageContaining("authentication_key");
    }

    @Test
    void aFractionalU64IsADecodingError() {
        answer(200, "{\"gas_estimate\":1.5}");

        assertThatThrownBy(() -> client.estimateGasPrice()).isInstanceOf(KanaDecodingException.class)
                .hasMessageContaining("unsigned integer");
    }

    @Test
    void theApiKeyIsSentAsBearerTokenAndRedactedEverywhere() throws Exception {
        String apiKey = "aptoslabs_SECRET_key_123";
        answer(404, error("account_not_found", "not found", null));
        try (AptosNodeClient keyed = clientBuilder().apiKey(apiKey).build()) {
            assertThat(keyed.toString()).doesNotContain(apiKey).contains("<redacted>");
            assertThat(AptosNodeClient.builder("http://127.0.0.1:1/v1").apiKey(apiKey).toString())
                    .doesNotContain(apiKey);
            assertThatThrownBy(() -> keyed.account(WALLET)).satisfies(e -> assertThat(e).hasMessageNotContaining(apiKey));
        }
        assertThat(nextRequest().getHeader("Authorization")).isEqualTo("Bearer " + apiKey);
    }

    @Test
    void anApiKeyWithWhitespaceIsRefusedWithoutEchoingIt() {
        assertThatThrownBy(() -> AptosNodeClient.builder("http://127.0.0.1:1/v1").apiKey("abc\r\nX-Evil: 1"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageNotContaining("X-Evil");
    }
}
