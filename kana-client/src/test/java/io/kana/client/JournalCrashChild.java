package io.kana.client;

import io.kana.aptos.submit.SubmitterSettings;
import io.kana.core.model.Direction;
import io.kana.core.model.LimitOrderRequest;
import io.kana.core.model.Side;
import io.kana.core.trading.Execution;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Semaphore;

/**
 * The process {@link JournalCrashTest} kills: places limit orders on a journal, a few in flight at once,
 * each at its own price so the book shows any order placed twice. Arguments: trade API URL, node URL, module,
 * journal file, first price in ticks, number of orders. The key comes from {@code KANA_PRIVATE_KEY}.
 */
final class JournalCrashChild {

    static final Duration EXPIRATION = Duration.ofSeconds(2);
    static final int IN_FLIGHT = 4;

    private JournalCrashChild() {}

    public static void main(String[] args) throws InterruptedException {
        KanaConfig config = KanaConfig.sandbox(URI.create(args[0]), URI.create(args[1]), args[2],
                Secret.of(System.getenv("KANA_PRIVATE_KEY")));
        long firstTick = Long.parseLong(args[4]);
        int orders = Integer.parseInt(args[5]);
        KanaClient client = KanaClient.builder(config).journal(Path.of(args[3])).execution(Execution.SUBMIT_ONLY)
                .submitterSettings(settings()).build();
        client.recoveredOutcomes().join();
        System.out.println("READY");
        System.out.flush();
        Semaphore slots = new Semaphore(IN_FLIGHT);
        for (int i = 0; i < orders; i++) {
            slots.acquire();
            client.trader().placeLimitOrder(order(firstTick + i)).whenComplete((placed, error) -> slots.release());
        }
        slots.acquire(IN_FLIGHT);
        System.out.println("DONE");
        System.out.flush();
        Thread.sleep(60_000); // killed before this ends
    }

    static SubmitterSettings settings() {
        return SandboxWallets.SETTINGS.withExpirationWindow(EXPIRATION);
    }

    /** A bid far below the market, so nothing fills it: it stays on the book exactly as often as it was placed. */
    static LimitOrderRequest order(long priceTicks) {
        return LimitOrderRequest.of(SandboxWallets.APT, Side.LONG, Direction.OPEN, BigDecimal.ONE,
                BigDecimal.valueOf(priceTicks, 3), 2);
    }
}
