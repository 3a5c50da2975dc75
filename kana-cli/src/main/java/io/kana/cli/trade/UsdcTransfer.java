package io.kana.cli.trade;

import java.math.BigDecimal;
import picocli.CommandLine.Parameters;

/** A deposit or a withdrawal: one positive USDC amount, the first parameter. */
abstract class UsdcTransfer extends WriteCommand {

    @Parameters(index = "0", paramLabel = "AMOUNT", description = "USDC to move, e.g. 100.5")
    protected BigDecimal amount;

    @Override
    protected void validate() {
        positive(amount, "AMOUNT");
    }
}
