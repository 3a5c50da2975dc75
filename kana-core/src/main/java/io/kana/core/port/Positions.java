package io.kana.core.port;

import io.kana.core.model.MarketId;
import io.kana.core.model.Position;
import io.kana.core.model.WalletAddress;
import java.util.List;

/** Open positions (reads). A null {@code marketId} means all markets. */
public interface Positions {

    /** {@code GET /getPositions}: positions as indexed by Kana. */
    List<Position> positions(WalletAddress wallet, MarketId marketId);

    /** {@code GET /getPositionsFromContract}: positions read from the chain. */
    List<Position> positionsFromContract(WalletAddress wallet, MarketId marketId);
}
