package io.kana.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kana.core.error.KanaException;
import io.kana.core.error.TransactionNotSentException;
import io.kana.core.trading.KanaTrader;
import io.kana.sandbox.KanaSandbox;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** A node reporting another chain than the configured network's gets nothing signed. */
class ChainIdCheckTest {

    @Test
    void aNodeOfAnotherChainGetsNothingSignedAndTheErrorNamesBothIds() {
        try (KanaSandbox otherChain = KanaSandbox.builder().seed(3).chainId(7).start();
                KanaClient kana = KanaClient.builder(SandboxWallets.config(otherChain, SandboxWallets.KEY_A))
                        .submitterSettings(SandboxWallets.SETTINGS).build()) {
            otherChain.fundWallet(kana.wallet().hex(), new BigDecimal("100"));

            assertThatThrownBy(() -> KanaTrader.join(kana.trader().deposit(new BigDecimal("10"))))
                    .isInstanceOf(TransactionNotSentException.class)
                    .hasMessageContaining("chain id 7").hasMessageContaining("chain id 4")
                    .satisfies(e -> assertThat(((KanaException) e).effectMayExist()).isFalse());
            assertThat(otherChain.requestCount("/v1/transactions")).isZero();
        }
    }
}
