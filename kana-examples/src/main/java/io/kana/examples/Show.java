package io.kana.examples;

import static io.kana.examples.ExampleEnvironment.APT_USDC;

import io.kana.client.KanaClient;
import io.kana.core.model.Fill;
import io.kana.core.model.Order;
import io.kana.core.model.Position;
import io.kana.core.model.Side;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;

/** One-line renderings of what the examples read, in human units. */
final class Show {

    private Show() {}

    /** An amount as people write it: {@code 100}, {@code 4.9}, {@code 0.00196}; {@code -} for none. */
    static String amount(BigDecimal value) {
        return value == null ? "-" : value.stripTrailingZeros().toPlainString();
    }

    /** A side the API did not state shows as "side?" rather than as a guess. */
    static String side(Optional<Side> side) {
        return side.map(Side::name).orElse("side?");
    }

    static void wallet(Transcript out, String name, KanaClient wallet) {
        out.detail("%s wallet %s USDC, %s APT for gas", name, amount(wallet.accounts().walletBalance(wallet.wallet())),
                amount(wallet.accounts().aptBalance(wallet.wallet())));
    }

    static void order(Transcript out, Order order) {
        out.detail("order %s  %s %s APT at %s  remaining %s  %s", order.orderId(), side(order.side()), amount(order.size()),
                amount(order.price()), amount(order.remainingSize()), order.status() == null ? "" : order.status());
    }

    static void fill(Transcript out, String name, Fill fill) {
        out.detail("%s fill  %s %s APT at %s  fee %s USDC  %s", name, side(fill.side()), amount(fill.size()),
                amount(fill.price()), amount(fill.fee()), Boolean.TRUE.equals(fill.maker()) ? "maker" : "taker");
    }

    static void positions(Transcript out, String name, KanaClient wallet) {
        List<Position> positions = wallet.positions().positions(wallet.wallet(), APT_USDC);
        if (positions.isEmpty()) {
            out.detail("%s has no position", name);
        }
        positions.forEach(p -> position(out, name, p));
    }

    static void position(Transcript out, String name, Position p) {
        out.detail("%s position  %s %s APT, entry %s, margin %s USDC, %sx, liquidation %s, TP %s, SL %s", name,
                p.side(), amount(p.size()), amount(p.entryPrice()), amount(p.margin()), p.leverage(),
                amount(p.liquidationPrice() == null ? null : p.liquidationPrice().setScale(3, RoundingMode.HALF_EVEN)),
                amount(p.takeProfit()), amount(p.stopLoss()));
    }
}
