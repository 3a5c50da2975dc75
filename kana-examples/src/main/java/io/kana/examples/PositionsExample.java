package io.kana.examples;

import static io.kana.examples.ExampleEnvironment.APT_USDC;
import static io.kana.examples.ExampleEnvironment.FAUCET_USDC;
import static io.kana.examples.ExampleOrders.longPosition;
import static io.kana.examples.ExampleOrders.onTick;
import static io.kana.examples.Show.amount;

import io.kana.client.KanaClient;
import io.kana.core.model.Direction;
import io.kana.core.model.Market;
import io.kana.core.model.MarketOrderRequest;
import io.kana.core.model.MarketRules;
import io.kana.core.model.Position;
import io.kana.core.model.Side;
import io.kana.core.model.WalletAddress;
import java.math.BigDecimal;
import java.util.List;

/**
 * Positions: open a long, read it (indexed and from the contract), set take-profit and stop-loss,
 * add margin, collapse it and settle the profit and loss. In the sandbox the counterparty fills a
 * resting bid; on a real network the wallet buys the market's minimum size at market.
 * {@code mvn -B -q -pl kana-examples -am -DskipTests package exec:java -Dexample=io.kana.examples.PositionsExample}
 */
public final class PositionsExample {

    static final BigDecimal DEPOSIT = new BigDecimal("100");
    static final BigDecimal MARGIN = new BigDecimal("2");
    static final int LEVERAGE = 5;

    private PositionsExample() {}

    public static void main(String[] args) {
        ExampleEnvironment.runMain(PositionsExample::run);
    }

    static List<Transcript.Step> run(ExampleEnvironment env, Transcript out) {
        KanaClient kana = env.trader();
        WalletAddress wallet = kana.wallet();
        Market market = kana.markets().market(APT_USDC);
        MarketRules rules = MarketRules.of(market);
        BigDecimal mark = ExampleOrders.referencePrice(kana, APT_USDC);

        out.step("Fund and deposit " + amount(DEPOSIT) + " USDC");
        if (!env.fundFromFaucet(kana, FAUCET_USDC)) {
            out.detail("no faucet when KANA_NETWORK is set: the wallet needs USDC, and APT for gas, already");
        }
        out.transaction("deposit", kana.trader().deposit(DEPOSIT));

        if (env.counterparty().isPresent()) {
            KanaClient counterparty = env.counterparty().get();
            BigDecimal size = BigDecimal.ONE;
            BigDecimal bid = onTick(rules, mark, "0.98");
            out.step("Open a long of " + amount(size) + " APT: rest a bid at " + amount(bid)
                    + ", the counterparty sells into it");
            env.fundFromFaucet(counterparty, FAUCET_USDC);
            out.transaction("deposit (B)", counterparty.trader().deposit(DEPOSIT));
            out.transaction("limit buy", kana.trader().placeLimitOrder(ExampleOrders.restingLong(size, bid, LEVERAGE)));
            out.transaction("market sell (B)", counterparty.trader().placeMarketOrder(
                    MarketOrderRequest.of(APT_USDC, Side.SHORT, Direction.OPEN, size, LEVERAGE)));
        } else {
            BigDecimal size = market.sizeIncrement().multiply(new BigDecimal(market.minLots()));
            out.step("Open a long of " + amount(size) + " APT (the minimum) at market");
            out.transaction("market buy", kana.trader().placeMarketOrder(
                    MarketOrderRequest.of(APT_USDC, Side.LONG, Direction.OPEN, size, LEVERAGE)));
        }

        out.step("Read positions (getPositions, getPositionsFromContract)");
        Show.positions(out, "indexed", kana);
        kana.positions().positionsFromContract(wallet, APT_USDC).forEach(p -> Show.position(out, "on chain", p));
        if (longPosition(kana).isEmpty()) {
            throw new IllegalStateException("no long position opened in " + market.baseName()
                    + ": the market order found no liquidity");
        }

        BigDecimal takeProfit = onTick(rules, mark, "1.10");
        BigDecimal stopLoss = onTick(rules, mark, "0.90");
        out.step("Set take-profit " + amount(takeProfit) + " and stop-loss " + amount(stopLoss)
                + " (updateTakeProfit, updateStopLoss)");
        out.transaction("take-profit", kana.trader().updateTakeProfit(APT_USDC, Side.LONG, takeProfit));
        out.transaction("stop-loss", kana.trader().updateStopLoss(APT_USDC, Side.LONG, stopLoss));
        Show.position(out, "updated", longPosition(kana).orElseThrow());

        out.step("Add " + amount(MARGIN) + " USDC margin (addMargin)");
        BigDecimal before = longPosition(kana).map(Position::margin).orElseThrow();
        out.transaction("add margin", kana.trader().addMargin(APT_USDC, Side.LONG, MARGIN));
        out.detail("margin %s -> %s USDC", amount(before), amount(longPosition(kana).map(Position::margin).orElseThrow()));

        out.step("Collapse the positions of " + market.baseName() + " (collapsePosition)");
        out.transaction("collapse", kana.trader().collapsePosition(APT_USDC));
        Show.positions(out, "the wallet", kana);

        out.step("Settle profit and loss (settlePnl)");
        out.detail("trading balance %s USDC, %s with unsettled PnL", amount(kana.accounts().profileBalance(wallet)),
                amount(kana.accounts().netProfileBalance(wallet)));
        out.transaction("settle", kana.trader().settlePnl(APT_USDC));
        out.detail("trading balance %s USDC", amount(kana.accounts().profileBalance(wallet)));
        return out.finish();
    }
}
