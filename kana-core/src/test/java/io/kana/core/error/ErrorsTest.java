package io.kana.core.error;

import static org.assertj.core.api.Assertions.assertThat;

import io.kana.core.model.AccountAddress;
import io.kana.core.model.MoveAbort;
import io.kana.core.model.TransactionOutcome;
import io.kana.core.model.WalletAddress;
import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each error says what happened, and only an unknown outcome says the effect may exist. */
class ErrorsTest {

    static final String HASH = "0x" + "ab".repeat(32);

    @Test
    void onlyAnUnknownOutcomeMayHaveTakenEffect() {
        TransactionOutcome failed = new TransactionOutcome(HASH, BigInteger.ONE, false, BigInteger.TWO, "Move abort", null);
        List<KanaException> definite = List.of(
                new InvalidRequestException("size", "bad"),
                new KanaApiException("deposit", 400, "no"),
                new ProfileNotFoundException(WalletAddress.parse("0x1"),
                        new KanaApiException("getProfileBalanceSnapshot", 200, "no profile")),
                new KanaTransportException("deposit", "refused", null),
                new KanaDecodingException("deposit", "not json", "<html>", null),
                new PayloadRejectedException("0x1::coin::transfer", "framework"),
                new TransactionRejectedException(400, "invalid_signature", null, "bad signature"),
                new TransactionFailedException(failed));

        assertThat(definite).allSatisfy(e -> assertThat(e.effectMayExist()).as(e.getClass().getSimpleName()).isFalse());
        assertThat(new TransactionOutcomeUnknownException(HASH, "timed out", null).effectMayExist()).isTrue();
    }

    @Test
    void invalidRequestNamesTheField() {
        InvalidRequestException e = new InvalidRequestException("price", "price 5.7005 must be a multiple of the tick 0.001");

        assertThat(e.field()).isEqualTo("price");
        assertThat(e).hasMessage("price 5.7005 must be a multiple of the tick 0.001").hasNoCause();
    }

    @Test
    void apiRejectionsCarryTheEndpointStatusAndMessage() {
        KanaApiException e = new KanaApiException("getMarketInfo", 400, "Market not found");

        assertThat(e).hasMessage("getMarketInfo was rejected (HTTP 400): Market not found");
        assertThat(e.endpoint()).isEqualTo("getMarketInfo");
        assertThat(e.httpStatus()).isEqualTo(400);
        assertThat(e.apiMessage()).isEqualTo("Market not found");
        assertThat(new KanaApiException("deposit", 200, null)).hasMessage("deposit was rejected (HTTP 200): no message");
    }

    @Test
    void aMissingProfileIsAnApiRejectionThatSaysSo() {
        ProfileNotFoundException e = new ProfileNotFoundException(WalletAddress.parse("0xabc"),
                new KanaApiException("getProfileBalanceSnapshot", 400, null));

        assertThat(e).isInstanceOf(KanaApiException.class).hasMessage("wallet " + AccountAddress.parse("0xabc")
                + " has no trading profile yet (it is created by the first deposit); getProfileBalanceSnapshot "
                + "answered: no message");
        assertThat(e.wallet()).isEqualTo(WalletAddress.parse("0xabc"));
        assertThat(e.endpoint()).isEqualTo("getProfileBalanceSnapshot");
        assertThat(e.httpStatus()).isEqualTo(400);
        assertThat(e.apiMessage()).isNull();
    }

    @Test
    void transportErrorsKeepTheirCause() {
        IOException cause = new IOException("connection reset");
        KanaTransportException e = new KanaTransportException("getPositions", "retries exhausted", cause);

        assertThat(e).hasMessage("getPositions: retries exhausted").hasCause(cause);
        assertThat(e.endpoint()).isEqualTo("getPositions");
    }

    @Test
    void decodingErrorsShowOnlyTheStartOfTheBody() {
        String body = "x".repeat(500);
        KanaDecodingException e = new KanaDecodingException("getOrderHistory", "expected an array", body, null);

        assertThat(e.snippet()).isEqualTo("x".repeat(200) + "...(500 chars)");
        assertThat(e.getMessage()).startsWith("getOrderHistory returned a response that could not be decoded "
                + "(expected an array): xxx").hasSizeLessThan(300);
        assertThat(e.endpoint()).isEqualTo("getOrderHistory");
        assertThat(new KanaDecodingException("x", "empty", null, null).snippet()).isEqualTo("<empty>");
        assertThat(new KanaDecodingException("x", "short", "{}", null).snippet()).isEqualTo("{}");
    }

    @Test
    void aRejectedPayloadNamesItsFunction() {
        PayloadRejectedException e = new PayloadRejectedException("0x1::coin::transfer", "not Kana's module");

        assertThat(e).hasMessage("refusing to sign payload 0x1::coin::transfer: not Kana's module");
        assertThat(e.function()).isEqualTo("0x1::coin::transfer");
    }

    @Test
    void aNodeRejectionCarriesTheNodesCodes() {
        TransactionRejectedException withVm = new TransactionRejectedException(400, "vm_error", 3L, "SEQUENCE_NUMBER_TOO_OLD");
        TransactionRejectedException without = new TransactionRejectedException(413, "payload_too_large", null, "too big");

        assertThat(withVm).hasMessage(
                "the Aptos node rejected the transaction (HTTP 400, vm_error, vm_error_code 3): SEQUENCE_NUMBER_TOO_OLD");
        assertThat(withVm.vmErrorCode()).isEqualTo(3L);
        assertThat(withVm.errorCode()).isEqualTo("vm_error");
        assertThat(withVm.httpStatus()).isEqualTo(400);
        assertThat(without).hasMessage("the Aptos node rejected the transaction (HTTP 413, payload_too_large): too big");
        assertThat(without.vmErrorCode()).isNull();
    }

    @Test
    void aFailedTransactionCarriesItsOutcome() {
        MoveAbort abort = new MoveAbort("0x1::coin", "EINSUFFICIENT_BALANCE", 0x10006, "Not enough coins");
        TransactionOutcome outcome = new TransactionOutcome(HASH, BigInteger.TEN, false, BigInteger.valueOf(7),
                "Move abort in 0x1::coin: EINSUFFICIENT_BALANCE(0x10006): Not enough coins", abort);

        TransactionFailedException e = new TransactionFailedException(outcome);

        assertThat(e).hasMessage("transaction " + HASH + " failed on chain: Move abort in 0x1::coin: "
                + "EINSUFFICIENT_BALANCE(0x10006): Not enough coins");
        assertThat(e.outcome().moveAbort()).isEqualTo(abort);
    }

    @Test
    void anUnknownOutcomeNamesTheHashToLookUp() {
        IllegalStateException cause = new IllegalStateException("timeout");
        TransactionOutcomeUnknownException e = new TransactionOutcomeUnknownException(HASH, "not committed in 30s", cause);

        assertThat(e).hasMessage("outcome of transaction " + HASH + " unknown: not committed in 30s").hasCause(cause);
        assertThat(e.hash()).isEqualTo(HASH);
    }
}
