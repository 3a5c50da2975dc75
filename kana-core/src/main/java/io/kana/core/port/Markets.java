package io.kana.core.port;

import io.kana.core.model.Market;
import io.kana.core.model.MarketId;
import io.kana.core.model.MarketPrice;
import io.kana.core.model.PerpetualAssetInfo;
import io.kana.core.model.Trade;
import java.math.BigDecimal;
import java.util.List;

/** Market data: rules, prices and recent trades. Every method is a read; none needs a wallet. */
public interface Markets {

    /**
     * {@code GET /getMarketInfo}: the market's rules (lot size, tick size, limits).
     *
     * @throws io.kana.core.error.InvalidRequestException when the trade API does not know the market id
     */
    Market market(MarketId marketId);

    /** {@code GET /getMarketPrice}: best bid and ask. */
    MarketPrice marketPrice(MarketId marketId);

    /** {@code GET /getLastPlacedPrice}: the last execution price. */
    BigDecimal lastExecutionPrice(MarketId marketId);

    /** {@code GET /getAllTrades}: the market's recent trades. */
    List<Trade> recentTrades(MarketId marketId);

    /** {@code GET /getPerpetualAssetsInfo?marketId=}: summary of one market. */
    List<PerpetualAssetInfo> perpetualAssetInfo(MarketId marketId);

    /** {@code GET /getPerpetualAssetsInfo?baseName=}: summary of the markets of a base asset, e.g. {@code "BTC"}. */
    List<PerpetualAssetInfo> perpetualAssetInfo(String baseName);

    /** {@code GET /getPerpetualAssetsInfo/allMarkets}: summary of every market. */
    List<PerpetualAssetInfo> allPerpetualAssets();
}
