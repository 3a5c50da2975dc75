package io.kana.examples;

import io.kana.client.KanaClient;
import io.kana.core.model.Direction;
import io.kana.core.model.LimitOrderRequest;
import io.kana.core.model.MarketId;
import io.kana.core.model.MarketOrderRequest;
import io.kana.core.model.Side;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.Map;

/** Positions: open one (in the sandbox, against the second wallet), TP/SL, margin, collapse and settle. */
public final class PositionsExample {

    private PositionsExample() {}

    public static void main(String[] args) {
        run(System.getenv(), System.out);
    }

    static void run(Map<String, String> env, PrintStream out) {
        try (ExampleEnvironment environment = ExampleEnvironment.open(env)) {
            Steps steps = new Steps(out);
            steps.header("Positions on " + environment.describe());
            KanaClient kana = environment.primary();
            MarketId market = environment.market();
            steps.write("deposit 200 USDC", () -> kana.trader().deposit(new BigDecimal("200")));
            KanaClient counterparty = environment.counterparty();
            if (counterparty != null) {
                steps.write("counterparty deposits 200 USDC", () -> counterparty.trader().deposit(new BigDecimal("200")));
                steps.write("counterparty offers 1 @ 5.100", () -> counterparty.trader().placeLimitOrder(LimitOrderRequest.of(
                        market, Side.SHORT, Direction.OPEN, BigDecimal.ONE, new BigDecimal("5.100"), 5)));
            }
            steps.write("buy 1 at market", () -> kana.trader().placeMarketOrder(
                    MarketOrderRequest.of(market, Side.LONG, Direction.OPEN, BigDecimal.ONE, 5)));
            steps.read("getPositions", kana.positions().positions(kana.wallet(), market));
            steps.write("take profit 6.000", () -> kana.trader().updateTakeProfit(market, Side.LONG, new BigDecimal("6.000")));
            steps.write("stop loss 4.500", () -> kana.trader().updateStopLoss(market, Side.LONG, new BigDecimal("4.500")));
            steps.write("add 10 USDC margin", () -> kana.trader().addMargin(market, Side.LONG, BigDecimal.TEN));
            steps.read("getPositionsFromContract", kana.positions().positionsFromContract(kana.wallet(), market));
            steps.write("collapse the position", () -> kana.trader().collapsePosition(market));
            steps.write("settle PnL", () -> kana.trader().settlePnl(market));
            steps.read("getNetProfileBalance", kana.accounts().netProfileBalance(kana.wallet()).toPlainString() + " USDC");
        }
    }
}
