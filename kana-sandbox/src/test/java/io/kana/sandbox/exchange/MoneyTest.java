package io.kana.sandbox.exchange;

import static io.kana.sandbox.exchange.ExchangeDriver.APT;
import static io.kana.sandbox.exchange.ExchangeDriver.LONG;
import static io.kana.sandbox.exchange.ExchangeDriver.OPEN;
import static io.kana.sandbox.exchange.ExchangeDriver.SHORT;
import static io.kana.sandbox.exchange.ExchangeDriver.wallet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kana.sandbox.chain.ChainAccounts;
import io.kana.sandbox.chain.PerpsModule;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MoneyTest {

    private final ExchangeDriver d = new ExchangeDriver();
    private final String alice = wallet(1);
    private final String bob = wallet(2);

    @AfterEach
    void conserved() {
        d.assertConserved();
    }

    @Test
    void depositMovesWalletCoinsIntoTheProfile() {
        d.exchange.fundWallet(alice, new BigDecimal("100.5"));

        d.ok(alice, "deposit", alice, 40_000_000L);

        assertThat(d.walletCoins(alice)).isEqualTo(60_500_000);
        assertThat(d.balance(alice)).isEqualTo(40_000_000);
        assertThat(d.transfers()).singleElement()
                .satisfies(t -> {
                    assertThat(t.profile()).isEqualTo(ExchangeDriver.profile(alice));
                    assertThat(t.deposit()).isTrue();
                    assertThat(t.units()).isEqualTo(40_000_000);
                });
    }

    @Test
    void depositBeyondTheWalletAborts() {
        d.exchange.fundWallet(alice, BigDecimal.TEN);

        assertThat(d.run(alice, "deposit", alice, 10_000_001L).codeName()).isEqualTo("E_INSUFFICIENT_BALANCE");
        assertThat(d.run(alice, "deposit", alice, 0L).codeName()).isEqualTo("E_INVALID_ARGUMENT");
        assertThat(d.walletCoins(alice)).isEqualTo(10_000_000);
        assertThat(d.balance(alice)).isZero();
    }

    @Test
    void withdrawMovesTheFreeBalanceBackToTheWallet() {
        d.funded(alice, 100);

        d.ok(alice, "withdraw_specific_market", alice, APT, 30_000_000L);

        assertThat(d.balance(alice)).isEqualTo(70_000_000);
        assertThat(d.walletCoins(alice)).isEqualTo(30_000_000);
        assertThat(d.run(alice, "withdraw_specific_market", alice, APT, 70_000_001L).codeName())
                .isEqualTo("E_INSUFFICIENT_BALANCE");
        assertThat(d.run(alice, "withdraw_specific_market", alice, 999L, 1L).codeName()).isEqualTo("E_MARKET_NOT_FOUND");
        assertThat(d.transfers()).extracting(History.Transfer::deposit).containsExactly(true, false);
    }

    @Test
    void withdrawNamingAnotherWalletThanTheSignerAborts() {
        d.funded(alice, 100);

        PerpsModule.ExecutionResult result = d.run(alice, "withdraw_specific_market", wallet(2), APT, 1L);

        assertThat(result.codeName()).isEqualTo("E_INVALID_ARGUMENT");
        assertThat(result.reason()).contains("withdraws only its own");
        assertThat(d.balance(alice)).isEqualTo(100_000_000);
        assertThat(d.walletCoins(wallet(2))).isZero();
    }

    @Test
    void withdrawFromAMarketSettlesItsPendingProfitFirst() {
        aliceLongBobShort(10);
        d.exchange.setMarkPrice(APT, new BigDecimal("6"));
        d.ok(alice, "collapse_position", APT);
        long everything = d.balance(alice) + d.pending(alice, APT);

        d.ok(alice, "withdraw_specific_market", alice, APT, everything);

        assertThat(d.balance(alice)).isZero();
        assertThat(d.pending(alice, APT)).isZero();
    }

    /** Alice holds 1 APT long, bob 1 APT short, both at 5.000. */
    private void aliceLongBobShort(int leverage) {
        d.funded(alice, 100);
        d.funded(bob, 100);
        d.ok(bob, "place_limit_order", APT, SHORT, OPEN, 1000, 5000, leverage, 0, 0, 0);
        d.ok(alice, "place_market_order", APT, LONG, OPEN, 1000, leverage, 0, 0);
    }

    @Test
    void fundingMovesMarginFromPayersToReceivers() {
        aliceLongBobShort(10);
        long longMargin = d.position(alice, APT, LONG).margin;
        long shortMargin = d.position(bob, APT, SHORT).margin;

        d.exchange.applyFunding(APT, new BigDecimal("0.001"));

        assertThat(d.position(alice, APT, LONG).margin).isEqualTo(longMargin - 5_000);
        assertThat(d.position(bob, APT, SHORT).margin).isEqualTo(shortMargin + 5_000);
        List<History.Funding> payments = d.exchange.read((s, h) -> List.copyOf(h.funding));
        assertThat(payments).extracting(History.Funding::tradeSide, History.Funding::amount)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(true, -5_000L),
                        org.assertj.core.groups.Tuple.tuple(false, 5_000L));
    }

    @Test
    void fundingNeverTakesMarginBelowZero() {
        aliceLongBobShort(20);

        d.exchange.applyFunding(APT, new BigDecimal("0.9"));

        assertThat(d.position(alice, APT, LONG).margin).isZero();
    }

    @Test
    void faucetAndAdminInputsAreChecked() {
        assertThatThrownBy(() -> d.exchange.fundWallet("alice", BigDecimal.ONE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.exchange.fundWallet(alice, new BigDecimal("0.0000001")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("6 decimals");
        assertThatThrownBy(() -> d.exchange.setMarkPrice(APT, new BigDecimal("5.0001")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tick size 0.001");
        assertThatThrownBy(() -> d.exchange.setMarkPrice(42, BigDecimal.ONE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.exchange.fundApt(alice, BigDecimal.ONE)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aptBalancesComeFromTheAttachedChain() {
        assertThat(d.exchange.aptBalance(alice)).isEqualByComparingTo("0");
        var chain = new ChainAccounts() {
            final java.util.Map<String, Long> octas = new java.util.HashMap<>();

            @Override
            public void fundApt(String address, long amount) {
                octas.merge(address, amount, Long::sum);
            }

            @Override
            public long aptBalanceOctas(String address) {
                return octas.getOrDefault(address, 0L);
            }
        };
        d.exchange.attachChain(chain);

        d.exchange.fundApt(alice, new BigDecimal("1.5"));

        assertThat(chain.octas).containsEntry(alice, 150_000_000L);
        assertThat(d.exchange.aptBalance(alice)).isEqualByComparingTo("1.5");
    }
}
