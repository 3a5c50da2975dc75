package io.kana.core.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/wire-contract.md shows the contract as it is: its generated section must equal a fresh rendering. */
class ContractDocsTest {

    static final Path DOC = Path.of("..", "docs", "wire-contract.md");

    @Test
    void theDocsSectionIsTheContractRendered() throws Exception {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        int begin = doc.indexOf(ContractDocs.BEGIN);
        int end = doc.indexOf(ContractDocs.END);
        String expected = ContractDocs.section(KanaContract.standard());

        assertThat(begin).as("%s has no %s marker; add this section:%n%s", DOC, ContractDocs.BEGIN, expected)
                .isNotNegative();
        assertThat(end).as("%s has no %s marker", DOC, ContractDocs.END).isGreaterThan(begin);
        assertThat(doc.substring(begin, end + ContractDocs.END.length()))
                .as("%s differs from the contract; replace its section by:%n%s%n", DOC, expected)
                .isEqualTo(expected);
    }

    @Test
    void theRenderingShowsWhatTheContractSays() throws Exception {
        String text = Files.readString(KanaContractTest.FILE, StandardCharsets.UTF_8)
                .replace("function unproven settle_pnl update_position", "function proven settle_everything")
                .replace("evidence A3: working code", "evidence A3: a|b working code");

        String section = ContractDocs.section(KanaContract.parse(text, "t"));

        assertThat(section).startsWith(ContractDocs.BEGIN).endsWith(ContractDocs.END)
                .contains("| SETTLE_PNL | GET /settlePnl (marketId, userAddress) | `settle_everything` (proven) | "
                        + "`address wallet` ← sender; `u64 marketId` ← marketId |")
                .contains("| WITHDRAW | GET /withdrawSpecifiMarket (marketId, amount, userAddress) | "
                        + "`withdraw_specific_market` or `withdraw_from_market` or `withdraw` (unproven) | "
                        + "`address wallet` ← sender; `u64 marketId` ← marketId; `u64 amount` ← amount@quoteUnits |")
                .contains("A3: a\\|b working code")
                .contains("Modules: mainnet `0x7a38039fffd016adcac2c53795ee49325e5ec6fddf3bf02651c09f9a583655a6"
                        + "::perpetual_scripts`; testnet `0x732f");
    }
}
