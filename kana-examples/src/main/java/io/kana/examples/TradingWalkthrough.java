package io.kana.examples;

import io.kana.client.KanaClient;
import io.kana.core.model.CancelOrdersRequest;
import io.kana.core.model.Direction;
import io.kana.core.model.LimitOrderRequest;
import io.kana.core.model.Market;
import io.kana.core.model.MarketId;
import io.kana.core.model.MarketOrderRequest;
import io.kana.core.model.MarketRules;
import io.kana.core.model.Order;
import io.kana.core.model.OrderToCancel;
import io.kana.core.model.PageRequest;
import io.kana.core.model.Position;
import io.kana.core.model.Side;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The README's main job: a complete trading session, each step signed, submitted and committed, printed
 * with its transaction hash and outcome. Runs against an embedded sandbox by default; with
 * {@code KANA_NETWORK=testnet} (and a key) against the real network, skipping the steps that need a
 * second wallet.
 *
 * <p>{@code mvn -B -q -pl kana-examples -am -DskipTests package exec:java}
 */
public final class TradingWalkthrough {

    private TradingWalkthrough() {}

    public static void main(String[] args) {
        run(System.getenv(), System.out);
    }

    /** Runs the walk-through; throws the step's typed error if one fails. */
    static void run(Map<String, String> env, PrintStream out) {
        try (ExampleEnvironment environment = ExampleEnvironment.open(env)) {
            new Session(environment, new Steps(out)).run();
        }
    }

    private static final class Session {

        private final ExampleEnvironment environment;
        private final Steps steps;
        private final KanaClient alice;
        private final KanaClient bob;
        private final MarketId marketId;

        Session(ExampleEnvironment environment, Steps steps) {
            this.environment = environment;
            this.steps = steps;
            this.alice = environment.primary();
            this.bob = environment.counterparty();
            this.marketId = environment.market();
        }

        void run() {
            steps.header("Kana Perps walk-through on " + environment.describe());
            Market market = alice.markets().market(marketId);
            MarketRules rules = MarketRules.of(market);
            steps.read("market " + market.baseName(), "id " + market.id() + ", lot " + market.sizeIncrement().toPlainString()
                    + ", tick " + rules.priceIncrement().toPlainString() + ", max leverage " + market.maxLeverage());
            steps.read("wallets", "alice " + alice.wallet() + (bob == null ? "" : "\nbob   " + bob.wallet()));
            steps.read("alice's wallet balance", alice.accounts().walletBalance(alice.wallet()).toPlainString() + " USDC");

            // Prices relative to the last trade or best bid keep the resting order away from the touch.
            BigDecimal restingPrice = restingBidPrice(rules);
            BigDecimal size = market.sizeIncrement().multiply(new BigDecimal(market.minLots())).multiply(BigDecimal.valueOf(2)).stripTrailingZeros();
            int leverage = Math.min(5, market.maxLeverage());

            steps.write("alice deposits 1000 USDC", () -> alice.trader().deposit(new BigDecimal("1000")));
            if (bob != null) {
                steps.write("bob deposits 1000 USDC", () -> bob.trader().deposit(new BigDecimal("1000")));
            }
            steps.write("alice places a resting limit order: LONG " + size.toPlainString() + " @ "
                    + restingPrice.toPlainString() + " x" + leverage,
                    () -> alice.trader().placeLimitOrder(
                            LimitOrderRequest.of(marketId, Side.LONG, Direction.OPEN, size, restingPrice, leverage)));
            steps.read("alice's open orders", describeOrders(alice.orders().openOrders(alice.wallet(), marketId)));

            BigDecimal half = size.divide(BigDecimal.valueOf(2)).stripTrailingZeros();
            if (bob != null) {
                steps.write("bob sells " + half.toPlainString() + " at market, filling half of alice's order",
                        () -> bob.trader().placeMarketOrder(
                                MarketOrderRequest.of(marketId, Side.SHORT, Direction.OPEN, half, leverage)));
                steps.read("alice's fills", alice.orders().fillsBetween(alice.wallet(), marketId, null, null, PageRequest.DEFAULT)
                        .stream().map(f -> f.side() + " " + f.size().toPlainString() + " @ " + f.price().toPlainString()
                                + " fee " + f.fee().toPlainString() + (Boolean.TRUE.equals(f.maker()) ? " (maker)" : ""))
                        .collect(Collectors.joining("\n")));
                steps.read("alice's positions", describePositions(alice.positions().positions(alice.wallet(), marketId)));
                steps.read("bob's positions", describePositions(bob.positions().positions(bob.wallet(), marketId)));

                BigDecimal takeProfit = restingPrice.multiply(new BigDecimal("1.2")).setScale(restingPrice.scale(), RoundingMode.DOWN);
                BigDecimal stopLoss = restingPrice.multiply(new BigDecimal("0.9")).setScale(restingPrice.scale(), RoundingMode.DOWN);
                steps.write("alice sets take profit " + takeProfit.toPlainString(),
                        () -> alice.trader().updateTakeProfit(marketId, Side.LONG, takeProfit));
                steps.write("alice sets stop loss " + stopLoss.toPlainString(),
                        () -> alice.trader().updateStopLoss(marketId, Side.LONG, stopLoss));
                steps.write("alice adds 25 USDC of margin to her long",
                        () -> alice.trader().addMargin(marketId, Side.LONG, new BigDecimal("25")));
            } else {
                steps.skip("fill, positions, TP/SL and margin", "they need a second wallet (sandbox only)");
            }

            List<Order> open = alice.orders().openOrders(alice.wallet(), marketId);
            steps.write("alice cancels the rest of her open orders (" + open.size() + ")",
                    () -> alice.trader().cancelMultipleOrders(new CancelOrdersRequest(marketId,
                            open.stream().map(o -> new OrderToCancel(o.orderId(), o.side())).toList())));
            steps.read("alice's open orders", describeOrders(alice.orders().openOrders(alice.wallet(), marketId)));

            if (bob != null) {
                steps.write("alice collapses her position", () -> alice.trader().collapsePosition(marketId));
                steps.write("bob collapses his position", () -> bob.trader().collapsePosition(marketId));
                steps.read("alice's positions", describePositions(alice.positions().positions(alice.wallet(), marketId)));
            }
            steps.write("alice settles her PnL", () -> alice.trader().settlePnl(marketId));
            BigDecimal available = alice.accounts().profileBalance(alice.wallet());
            steps.read("alice's trading balance", available.toPlainString() + " USDC");
            BigDecimal withdrawal = available.setScale(0, RoundingMode.DOWN);
            steps.write("alice withdraws " + withdrawal.toPlainString() + " USDC",
                    () -> alice.trader().withdraw(marketId, withdrawal));
            steps.read("alice's balances", "wallet " + alice.accounts().walletBalance(alice.wallet()).toPlainString()
                    + " USDC, trading " + alice.accounts().profileBalance(alice.wallet()).toPlainString() + " USDC");
            steps.read("alice's deposits and withdrawals", alice.accounts().depositAndWithdrawHistory(alice.wallet()).stream()
                    .map(t -> (t.deposit() ? "deposit  " : "withdraw ") + t.amount().toPlainString())
                    .collect(Collectors.joining("\n")));
            steps.header("done");
        }

        /** A bid below the market: 90% of the best bid or last price, on tick. */
        private BigDecimal restingBidPrice(MarketRules rules) {
            BigDecimal reference = alice.markets().marketPrice(marketId).bestBid();
            if (reference == null) {
                reference = alice.markets().lastExecutionPrice(marketId);
            }
            if (reference == null || reference.signum() <= 0) {
                reference = BigDecimal.valueOf(5);
            }
            BigDecimal tick = rules.priceIncrement();
            BigDecimal ticks = reference.multiply(new BigDecimal("0.9")).divide(tick, 0, RoundingMode.DOWN);
            return ticks.multiply(tick).stripTrailingZeros();
        }

        private static String describeOrders(List<Order> orders) {
            if (orders.isEmpty()) {
                return "(none)";
            }
            return orders.stream().map(o -> "#" + o.orderId() + " " + o.side() + " " + plain(o.remainingSize()) + "/"
                    + plain(o.size()) + " @ " + plain(o.price()) + " " + (o.status() == null ? "" : o.status()))
                    .collect(Collectors.joining("\n"));
        }

        private static String describePositions(List<Position> positions) {
            if (positions.isEmpty()) {
                return "(none)";
            }
            return positions.stream().map(p -> p.side() + " " + plain(p.size()) + " @ " + plain(p.entryPrice())
                    + ", margin " + plain(p.margin()) + ", liquidation " + plain(p.liquidationPrice())
                    + (p.takeProfit() == null ? "" : ", TP " + plain(p.takeProfit()))
                    + (p.stopLoss() == null ? "" : ", SL " + plain(p.stopLoss())))
                    .collect(Collectors.joining("\n"));
        }

        private static String plain(BigDecimal value) {
            return value == null ? "-" : value.stripTrailingZeros().toPlainString();
        }
    }

}
