package io.kana.cli.trade;

import io.kana.core.model.Direction;
import io.kana.core.model.Side;
import java.math.BigDecimal;
import picocli.CommandLine.Option;

/** What {@code place-limit} and {@code place-market} share. */
final class OrderOptions {

    @Option(names = "--market", required = true, paramLabel = "ID", description = "the market id, e.g. 1338")
    long market;

    @Option(names = "--side", required = true, paramLabel = "SIDE", description = "long or short")
    Side side;

    @Option(names = "--direction", paramLabel = "DIR", defaultValue = "open",
            description = "open (default) or close a position")
    Direction direction;

    @Option(names = "--size", required = true, paramLabel = "COINS", description = "size in coins, e.g. 1.5")
    BigDecimal size;

    @Option(names = "--leverage", paramLabel = "N", defaultValue = "1", description = "leverage (default 1)")
    int leverage;

    @Option(names = "--take-profit", paramLabel = "PRICE", description = "attach a take-profit trigger")
    BigDecimal takeProfit;

    @Option(names = "--stop-loss", paramLabel = "PRICE", description = "attach a stop-loss trigger")
    BigDecimal stopLoss;

    void validate() {
        WriteCommand.positive(size, "--size");
        if (leverage < 1) {
            throw new io.kana.cli.UsageException("--leverage must be at least 1, got " + leverage);
        }
        if (takeProfit != null) {
            WriteCommand.positive(takeProfit, "--take-profit");
        }
        if (stopLoss != null) {
            WriteCommand.positive(stopLoss, "--stop-loss");
        }
    }

    String describe(String kind) {
        return kind + " " + side.name().toLowerCase() + " (" + direction.name().toLowerCase() + ") of "
                + size.toPlainString() + " in market " + market;
    }
}
