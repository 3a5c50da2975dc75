package io.kana.examples;

import static io.kana.examples.ExampleEnvironment.APT_USDC;
import static io.kana.examples.ExampleEnvironment.FAUCET_USDC;
import static io.kana.examples.ExampleOrders.longPosition;
import static io.kana.examples.ExampleOrders.onTick;
import static io.kana.examples.Show.amount;

import io.kana.client.KanaClient;
import io.kana.core.model.Direction;
import io.kana.core.model.Fill;
import io.kana.core.model.Market;
import io.kana.core.model.MarketOrderRequest;
import io.kana.core.model.MarketPrice;
import io.kana.core.model.MarketRules;
import io.kana.core.model.Order;
import io.kana.core.model.OrderId;
import io.kana.core.model.PageRequest;
import io.kana.core.model.Position;
import io.kana.core.model.Side;
import io.kana.core.model.SortOrder;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One trading session on APT/USDC from funding to withdrawal, each step printed with the hash and
 * outcome of its transactions: fund, deposit, rest a limit order, see it open, fill it from a
 * second wallet, read fills and positions, set take-profit and stop-loss, add margin, cancel what
 * is left, collapse, settle, withdraw.
 *
 * <p>Runs on an embedded sandbox unless {@code KANA_NETWORK} is set (see {@link ExampleEnvironment});
 * a real network has one wallet, so the fill is skipped, and so are the steps that need the position
 * it would open. Run it with {@code mvn -B -q -pl kana-examples -am -DskipTests package exec:java}.
 */
public final class TradingWalkthrough {

    static final BigDecimal DEPOSIT = new BigDecimal("100");
    static final BigDecimal SIZE = new BigDecimal("2");
    static final BigDecimal EXTRA_SIZE = new BigDecimal("1");
    static final BigDecimal MARGIN = new BigDecimal("5");
    static final int LEVERAGE = 5;

    private TradingWalkthrough() {}

    public static void main(String[] args) {
        ExampleEnvironment.runMain(TradingWalkthrough::run);
    }

    /** Runs the walk-through and returns its steps. */
    static List<Transcript.Step> run(ExampleEnvironment env, Transcript out) {
        KanaClient a = env.trader();
        Optional<KanaClient> b = env.counterparty();
        out.banner("  wallet A  " + a.wallet() + "  (trader)");
        b.ifPresent(c -> out.banner("  wallet B  " + c.wallet() + "  (counterparty)"));

        out.step("Fund the wallets from the sandbox faucet");
        if (env.fundFromFaucet(a, FAUCET_USDC)) {
            b.ifPresent(c -> env.fundFromFaucet(c, FAUCET_USDC));
        } else {
            out.skip("no faucet when KANA_NETWORK is set: wallet A needs USDC, and APT for gas, already");
        }
        Show.wallet(out, "A", a);
        b.ifPresent(c -> Show.wallet(out, "B", c));

        out.step("Read the market");
        Market market = a.markets().market(APT_USDC);
        MarketRules rules = MarketRules.of(market);
        BigDecimal mark = ExampleOrders.referencePrice(a, APT_USDC);
        MarketPrice book = a.markets().marketPrice(APT_USDC);
        out.detail("%s (%s): lot %s, tick %s, min size %s, max leverage %dx", market.baseName(), market.id(),
                amount(market.sizeIncrement()), amount(rules.priceIncrement()),
                amount(market.sizeIncrement().multiply(new BigDecimal(market.minLots()))), market.maxLeverage());
        out.detail("reference price %s, best bid %s, best ask %s", amount(mark), amount(book.bestBid()),
                amount(book.bestAsk()));

        out.step("Deposit " + amount(DEPOSIT) + " USDC into the trading account" + (b.isPresent() ? "s" : ""));
        out.transaction("A deposit", a.trader().deposit(DEPOSIT));
        b.ifPresent(c -> out.transaction("B deposit", c.trader().deposit(DEPOSIT)));
        out.detail("A trading balance %s USDC", amount(a.accounts().profileBalance(a.wallet())));

        Map<OrderId, Side> placed = new LinkedHashMap<>();
        BigDecimal bid = onTick(rules, mark, "0.98");
        out.step("A rests a limit order: long " + amount(SIZE) + " APT at " + amount(bid) + ", " + LEVERAGE
                + "x, post-only");
        OrderId resting = ExampleOrders.placingOne(out, a, "A limit buy",
                () -> a.trader().placeLimitOrder(ExampleOrders.restingLong(SIZE, bid, LEVERAGE)));
        placed.put(resting, Side.LONG);

        out.step("A's open orders");
        for (Order order : a.orders().openOrders(a.wallet(), APT_USDC)) {
            Show.order(out, order);
        }

        out.step("B fills it with a market order: short " + amount(SIZE) + " APT, " + LEVERAGE + "x");
        if (b.isPresent()) {
            out.transaction("B market sell", b.get().trader().placeMarketOrder(
                    MarketOrderRequest.of(APT_USDC, Side.SHORT, Direction.OPEN, SIZE, LEVERAGE)));
            out.detail("A's order %s is %s", resting, a.orders().fetchOrderStatus(APT_USDC, resting).status());
        } else {
            out.skip("needs a second wallet (sandbox only); A's order stays open until it is cancelled");
        }

        out.step("Fills and positions");
        List<Fill> fills = a.orders().fillsBetween(a.wallet(), APT_USDC, null, null, PageRequest.of(0, 5, SortOrder.DESC));
        if (fills.isEmpty()) {
            out.detail("A has no fills in %s", market.baseName());
        }
        fills.forEach(fill -> Show.fill(out, "A", fill));
        Show.positions(out, "A", a);
        b.ifPresent(c -> Show.positions(out, "B", c));

        BigDecimal takeProfit = onTick(rules, mark, "1.10");
        BigDecimal stopLoss = onTick(rules, mark, "0.90");
        out.step("A sets take-profit " + amount(takeProfit) + " and stop-loss " + amount(stopLoss) + " on its long");
        if (longPosition(a).isPresent()) {
            out.transaction("A take-profit", a.trader().updateTakeProfit(APT_USDC, Side.LONG, takeProfit));
            out.transaction("A stop-loss", a.trader().updateStopLoss(APT_USDC, Side.LONG, stopLoss));
            Position position = longPosition(a).orElseThrow();
            out.detail("A long: take-profit %s, stop-loss %s", amount(position.takeProfit()), amount(position.stopLoss()));
        } else {
            out.skip("A has no long position in " + market.baseName());
        }

        out.step("A adds " + amount(MARGIN) + " USDC margin to its long");
        Optional<Position> beforeMargin = longPosition(a);
        if (beforeMargin.isPresent()) {
            out.transaction("A add margin", a.trader().addMargin(APT_USDC, Side.LONG, MARGIN));
            out.detail("A long margin %s -> %s USDC", amount(beforeMargin.get().margin()),
                    amount(longPosition(a).map(Position::margin).orElse(null)));
        } else {
            out.skip("A has no long position in " + market.baseName());
        }

        BigDecimal extraBid = onTick(rules, mark, "0.95");
        out.step("A rests one more order, to have something to cancel: long " + amount(EXTRA_SIZE) + " APT at "
                + amount(extraBid));
        placed.put(ExampleOrders.placingOne(out, a, "A limit buy",
                () -> a.trader().placeLimitOrder(ExampleOrders.restingLong(EXTRA_SIZE, extraBid, LEVERAGE))), Side.LONG);

        out.step("A cancels the orders of this walk-through that are still open");
        ExampleOrders.cancelStillOpen(out, a, "A cancel", placed);
        out.detail("still open: %d of the %d orders placed", ExampleOrders.stillOpen(a, placed).size(), placed.size());

        out.step("A collapses its positions in " + market.baseName());
        if (a.positions().positions(a.wallet(), APT_USDC).isEmpty()) {
            out.skip("A has no position in " + market.baseName());
        } else {
            out.transaction("A collapse", a.trader().collapsePosition(APT_USDC));
            Show.positions(out, "A", a);
        }

        out.step("A settles its profit and loss");
        out.detail("before: trading balance %s USDC, %s with unsettled PnL",
                amount(a.accounts().profileBalance(a.wallet())), amount(a.accounts().netProfileBalance(a.wallet())));
        out.transaction("A settle", a.trader().settlePnl(APT_USDC));
        out.detail("after:  trading balance %s USDC", amount(a.accounts().profileBalance(a.wallet())));

        BigDecimal withdrawal = DEPOSIT.min(a.accounts().profileBalance(a.wallet()));
        out.step("A withdraws " + amount(withdrawal) + " USDC to its wallet");
        if (withdrawal.signum() > 0) {
            out.transaction("A withdraw", a.trader().withdraw(APT_USDC, withdrawal));
        } else {
            out.skip("nothing left to withdraw");
        }
        out.detail("trading balance %s USDC, wallet %s USDC", amount(a.accounts().profileBalance(a.wallet())),
                amount(a.accounts().walletBalance(a.wallet())));
        return out.finish();
    }
}
