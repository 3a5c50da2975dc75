package io.kana.examples;

import io.kana.core.model.AccountFill;
import io.kana.core.model.MarketId;
import io.kana.core.model.MarketRules;
import io.kana.core.model.NetOrder;
import io.kana.core.trading.NetTrader;
import io.kana.core.trading.Placement;
import io.kana.testkit.SandboxKana;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A two-level market maker on the embedded sandbox: each cycle it cancels its quotes and places new
 * ones in one transaction, two levels a side around the mid, skewed against its net inventory; a
 * taker trades into them. At the end it cancels everything and reports its profit and loss.
 *
 * <p>Run: {@code mvn -q -pl kana-examples exec:java -Dexample=io.kana.examples.MarketMakerExample}
 */
public final class MarketMakerExample {

    static final MarketId APT = MarketId.of(1338);
    static final BigDecimal REFERENCE = new BigDecimal("5.000");
    static final BigDecimal STEP = new BigDecimal("0.010");
    static final BigDecimal SKEW_PER_COIN = new BigDecimal("0.004");
    static final BigDecimal QUOTE_SIZE = new BigDecimal("1");
    static final int CYCLES = 6;

    private MarketMakerExample() {}

    public static void main(String[] args) {
        run(System.out, CYCLES);
    }

    /** Runs {@code cycles} quote cycles and returns the requests each cycle's replace made. */
    static List<Map<String, Long>> run(PrintStream out, int cycles) {
        List<Map<String, Long>> requestsPerCycle = new ArrayList<>();
        try (SandboxKana sandbox = SandboxKana.start()) {
            NetTrader maker = sandbox.newTradingWallet(new BigDecimal("1000"), new BigDecimal("500")).netTrader();
            NetTrader taker = sandbox.newTradingWallet(new BigDecimal("1000"), new BigDecimal("500")).netTrader();
            MarketRules rules = maker.rules(APT);
            out.printf("market %s: tick %s, lot %s, min size %s%n", rules.market().baseName(),
                    rules.priceIncrement().toPlainString(), rules.market().sizeIncrement().toPlainString(),
                    rules.minSize().toPlainString());

            for (int cycle = 1; cycle <= cycles; cycle++) {
                BigDecimal net = maker.netPosition(APT);
                BigDecimal mid = maker.price(APT).mid().orElse(REFERENCE);
                BigDecimal center = mid.subtract(SKEW_PER_COIN.multiply(net));
                List<NetOrder> quotes = new ArrayList<>();
                for (int level = 1; level <= 2; level++) {
                    BigDecimal offset = STEP.multiply(BigDecimal.valueOf(level));
                    quotes.add(NetOrder.buy(QUOTE_SIZE, rules.roundPrice(center.subtract(offset), RoundingMode.FLOOR))
                            .withLeverage(5).tagged("bid" + level));
                    quotes.add(NetOrder.sell(QUOTE_SIZE, rules.roundPrice(center.add(offset), RoundingMode.CEILING))
                            .withLeverage(5).tagged("ask" + level));
                }

                sandbox.resetRequestCounts();
                Placement placed = maker.replace(APT, quotes);
                Map<String, Long> requests = sandbox.requestCounts();
                requestsPerCycle.add(requests);

                out.printf("cycle %d: net %s, mid %s -> %s as %s, cancelled %d, %s, attempts %d, %d requests%n",
                        cycle, net.toPlainString(), mid.toPlainString(),
                        placed.orders().stream().map(o -> o.action() + " " + o.spec().direction() + " "
                                + o.spec().size().stripTrailingZeros().toPlainString() + "@" + o.spec().price().toPlainString()).toList(),
                        placed.transaction().operation(), placed.cancelled().size(),
                        placed.allOrderIdsKnown() ? "ids " + placed.orderIds().size() : "ids incomplete",
                        placed.attempts(), requests.values().stream().mapToLong(Long::longValue).sum());

                // The taker lifts the asks on odd cycles and hits the bids on even ones.
                NetOrder take = cycle % 2 == 1 ? NetOrder.buyAtMarket(new BigDecimal("1.5"))
                        : NetOrder.sellAtMarket(new BigDecimal("2.5"));
                Placement taken = taker.place(APT, List.of(take.withLeverage(5)));
                out.printf("   taker %s %s: filled %s at %s%n", take.action(), take.size().toPlainString(),
                        taken.filledSize().stripTrailingZeros().toPlainString(),
                        taken.averagePrice().map(p -> p.setScale(4, RoundingMode.HALF_EVEN).toPlainString()).orElse("-"));
            }

            BigDecimal mark = maker.price(APT).mid().orElse(REFERENCE);
            out.printf("cancel-all: %d transaction(s)%n", maker.cancelAll().size());
            List<AccountFill> fills = maker.fills(APT, null, null);
            BigDecimal cash = fills.stream().map(f -> f.cashFlow().orElseThrow()).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal net = maker.netPosition(APT);
            out.printf("fills: %d %s%n", fills.size(), fills.stream().map(f -> f.action().orElseThrow() + "/"
                    + f.direction().orElseThrow() + " " + f.fill().size().toPlainString() + "@"
                    + f.fill().price().toPlainString() + (f.tag() == null ? "" : " " + f.tag())).toList());
            out.printf("PnL: cash %s (after fees) + inventory %s at %s = %s USDC%n", cash.toPlainString(),
                    net.toPlainString(), mark.toPlainString(), cash.add(net.multiply(mark)).toPlainString());
        }
        return requestsPerCycle;
    }
}
