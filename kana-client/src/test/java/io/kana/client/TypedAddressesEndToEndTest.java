package io.kana.client;

import static io.kana.client.SandboxWallets.APT;
import static io.kana.client.SandboxWallets.KEY_A;
import static io.kana.client.SandboxWallets.dec;
import static org.assertj.core.api.Assertions.assertThat;

import io.kana.core.model.Direction;
import io.kana.core.model.LimitOrderRequest;
import io.kana.core.model.Order;
import io.kana.core.model.ProfileAddress;
import io.kana.core.model.Side;
import io.kana.core.model.WalletAddress;
import io.kana.core.trading.KanaTrader;
import io.kana.sandbox.KanaSandbox;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The user passes only the wallet; the SDK looks the profile up once and the records carry it. */
class TypedAddressesEndToEndTest {

    private KanaSandbox sandbox;
    private KanaClient client;

    @BeforeEach
    void start() {
        sandbox = KanaSandbox.builder().seed(7).start();
        client = SandboxWallets.funded(sandbox, KEY_A, "1000");
        KanaTrader.join(client.trader().deposit(dec("500")));
    }

    @AfterEach
    void stop() {
        client.close();
        sandbox.close();
    }

    @Test
    void theProfileIsAskedOfTheApiOnceAndKept() {
        sandbox.resetRequestCounts();

        ProfileAddress first = client.profile();
        ProfileAddress again = client.profile();
        ProfileAddress viaNetTrader = client.netTrader().profile();

        assertThat(sandbox.requestCounts()).isEqualTo(Map.of("/getProfileAddress", 1L));
        assertThat(again).isEqualTo(first);
        assertThat(viaNetTrader).isEqualTo(first);
        assertThat(first).isEqualTo(client.accounts().profileAddress(client.wallet()));
        assertThat(first.address()).isNotEqualTo(client.wallet().address());
    }

    @Test
    void readsTakeTheWalletAndTheirRecordsCarryTheProfile() {
        KanaTrader.join(client.trader().placeLimitOrder(
                LimitOrderRequest.of(APT, Side.LONG, Direction.OPEN, dec("1"), dec("4.000"), 2)));
        WalletAddress wallet = client.wallet();

        List<Order> open = client.orders().openOrders(wallet, APT);

        assertThat(open).isNotEmpty();
        assertThat(open).extracting(Order::address).containsOnly(client.profile());
        assertThat(client.orders().orderHistory(wallet, APT, null)).extracting(Order::address)
                .containsOnly(client.profile());
    }
}
