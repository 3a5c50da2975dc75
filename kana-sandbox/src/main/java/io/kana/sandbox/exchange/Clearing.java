package io.kana.sandbox.exchange;

import io.kana.sandbox.exchange.ExchangeState.MarketState;
import io.kana.sandbox.exchange.ExecutionAbort.Code;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;

/**
 * The exchange's rules, applied to one transaction's working copy of the state. Any rule violation
 * throws {@link ExecutionAbort}; the caller then discards the working copy, so nothing here needs to
 * undo partial work. See {@link Exchange} for the model.
 */
final class Clearing {

    static final long TAKER_FEE_BPS = 5;
    static final long MAKER_FEE_BPS = 2;
    static final long BPS = 10_000;
    static final int NO_RESTRICTION = 0;
    static final int FILL_OR_ABORT = 1;
    static final int POST_OR_ABORT = 3;

    /** One order to place, in integer units. */
    record OrderRequest(boolean limit, boolean tradeSide, boolean close, long lots, long priceTicks, int leverage,
            int restriction, long takeProfitTicks, long stopLossTicks) {}

    private final ExchangeState state;
    private final History delta;
    private final long timestamp;
    private final long version;
    private final long idBase;
    private final Journal journal;

    Clearing(ExchangeState state, History delta, Journal journal, long timestamp, long version, long idBase) {
        this.state = state;
        this.journal = journal;
        this.delta = delta;
        this.timestamp = timestamp;
        this.version = version;
        this.idBase = idBase;
    }

    // ---- money in and out ----

    void deposit(String sender, String wallet, long units) {
        requirePositive(units, "deposit amount");
        long held = state.wallets.getOrDefault(sender, 0L);
        if (held < units) {
            throw new ExecutionAbort(Code.E_INSUFFICIENT_BALANCE, "wallet " + sender + " holds " + Amounts.usdc(held)
                    + ", cannot deposit " + Amounts.usdc(units));
        }
        state.wallets.put(sender, held - units);
        String profile = Addresses.profileOf(wallet);
        ProfileAccount account = state.account(profile);
        account.balance = Math.addExact(account.balance, units);
        delta.transfers.add(new History.Transfer(profile, units, true, timestamp, version));
    }

    void withdraw(String sender, long marketId, long units) {
        MarketState market = market(marketId);
        requirePositive(units, "withdraw amount");
        String profile = Addresses.profileOf(sender);
        settle(profile, market.spec.marketId());
        ProfileAccount account = state.account(profile);
        if (account.balance < units) {
            throw new ExecutionAbort(Code.E_INSUFFICIENT_BALANCE, "free trading balance is " + Amounts.usdc(account.balance)
                    + ", cannot withdraw " + Amounts.usdc(units));
        }
        account.balance -= units;
        state.wallets.merge(sender, units, Math::addExact);
        delta.transfers.add(new History.Transfer(profile, units, false, timestamp, version));
    }

    /** Moves the market's unsettled realised profit into the free balance. */
    void settle(String profile, long marketId) {
        market(marketId);
        ProfileAccount account = state.account(profile);
        Long pending = account.pendingPnl.remove(marketId);
        if (pending != null) {
            account.balance = Math.addExact(account.balance, pending);
        }
    }

    // ---- orders ----

    void place(String profile, long marketId, OrderRequest request) {
        MarketState market = market(marketId);
        validate(market.spec, request);
        if (request.close()) {
            PositionState position = requirePosition(market, profile, request.tradeSide());
            long available = position.lots - position.closingLots;
            if (request.lots() > available) {
                throw new ExecutionAbort(Code.E_CLOSE_SIZE_EXCEEDS_POSITION, "closing " + Amounts.coins(market.spec,
                        request.lots()) + " but only " + Amounts.coins(market.spec, available)
                        + " of the position are not already being closed");
            }
        }
        LiveOrder order = newOrder(market, profile, request.tradeSide(), request.close(), !request.limit(),
                request.limit() ? request.priceTicks() : 0, request.lots(), request.leverage(),
                request.takeProfitTicks(), request.stopLossTicks());
        OrderBook book = market.book;
        boolean buy = order.isBuy();
        if (request.limit() && request.restriction() == POST_OR_ABORT) {
            LiveOrder best = book.bestOpposite(buy);
            if (best != null && OrderBook.crosses(buy, order.priceTicks, best.priceTicks)) {
                throw new ExecutionAbort(Code.E_POST_OR_ABORT_WOULD_TAKE, "a post-or-abort order at "
                        + Amounts.price(market.spec, order.priceTicks) + " would match the resting order at "
                        + Amounts.price(market.spec, best.priceTicks));
            }
        }
        if (request.limit() && request.restriction() == FILL_OR_ABORT
                && book.liquidity(buy, false, order.priceTicks) < order.lots) {
            throw new ExecutionAbort(Code.E_FILL_OR_ABORT_NOT_FILLED, "a fill-or-abort order of "
                    + Amounts.coins(market.spec, order.lots) + " cannot fill completely at "
                    + Amounts.price(market.spec, order.priceTicks) + " or better");
        }
        while (order.remaining > 0) {
            LiveOrder maker = book.bestOpposite(buy);
            if (maker == null || (request.limit() && !OrderBook.crosses(buy, order.priceTicks, maker.priceTicks))) {
                break;
            }
            match(market, order, maker, Math.min(order.remaining, maker.remaining));
        }
        if (order.remaining > 0 && request.limit()) {
            rest(market, order);
        } else {
            closeOrder(order);
        }
    }

    void cancel(String profile, long marketId, BigInteger orderId, boolean tradeSide) {
        MarketState market = market(marketId);
        LiveOrder order = market.book.get(orderId);
        if (order == null || !order.owner.equals(profile)) {
            throw new ExecutionAbort(Code.E_ORDER_NOT_FOUND, "order " + orderId + " is not an open order of "
                    + profile + " in market " + marketId);
        }
        if (order.tradeSide != tradeSide) {
            throw new ExecutionAbort(Code.E_ORDER_SIDE_MISMATCH, "order " + orderId + " is a "
                    + (order.tradeSide ? "long" : "short") + " order but was cancelled as a "
                    + (tradeSide ? "long" : "short") + " one");
        }
        cancelResting(market, order);
    }

    // ---- positions ----

    void updateTakeProfit(String profile, long marketId, boolean tradeSide, long ticks) {
        PositionState position = requirePosition(market(marketId), profile, tradeSide);
        position.takeProfitTicks = ticks;
        touch(position);
    }

    void updateStopLoss(String profile, long marketId, boolean tradeSide, long ticks) {
        PositionState position = requirePosition(market(marketId), profile, tradeSide);
        position.stopLossTicks = ticks;
        touch(position);
    }

    void addMargin(String profile, long marketId, boolean tradeSide, long units) {
        PositionState position = requirePosition(market(marketId), profile, tradeSide);
        requirePositive(units, "margin amount");
        debit(state.account(profile), units, Code.E_INSUFFICIENT_BALANCE, "add " + units + " subunits of margin");
        position.margin = Math.addExact(position.margin, units);
        touch(position);
    }

    /** Closes every position of the profile in the market at the mark price, against the vault. */
    void collapse(String profile, long marketId) {
        MarketState market = market(marketId);
        List<PositionState> positions = market.positionsOf(profile);
        if (positions.isEmpty()) {
            throw new ExecutionAbort(Code.E_POSITION_NOT_FOUND, profile + " has no position in market " + marketId);
        }
        for (PositionState position : positions) {
            for (LiveOrder resting : market.book.orders()) {
                if (resting.owner.equals(profile) && resting.close && resting.tradeSide == position.tradeSide) {
                    cancelResting(market, resting);
                }
            }
            LiveOrder order = newOrder(market, profile, position.tradeSide, true, true, 0, position.lots,
                    position.leverage, 0, 0);
            String tradeId = nextTradeId(market);
            long lots = position.lots;
            fillSide(market, order, lots, market.markTicks, market.spec.notional(lots, market.markTicks), tradeId,
                    false, false);
            closeOrder(order);
        }
    }

    /** Pays funding on every position of the market: longs pay {@code rate * notional at mark} when positive. */
    void applyFunding(long marketId, BigDecimal rate) {
        MarketState market = market(marketId);
        for (PositionState position : market.positions.values()) {
            long atMark = market.spec.notional(position.lots, market.markTicks);
            long owed = BigDecimal.valueOf(atMark).multiply(rate).setScale(0, RoundingMode.DOWN).longValueExact();
            long change = position.tradeSide ? -owed : owed;
            if (change < 0) {
                change = -Math.min(-change, position.margin);
            }
            position.margin += change;
            state.vault -= change;
            delta.funding.add(new History.Funding(position.owner, marketId, position.tradeSide, rate, change,
                    position.lots, timestamp, version));
        }
    }

    // ---- internals ----

    private void match(MarketState market, LiveOrder taker, LiveOrder maker, long lots) {
        long ticks = maker.priceTicks;
        long notional = market.spec.notional(lots, ticks);
        String tradeId = nextTradeId(market);
        // The maker first: when both orders belong to one profile, a closing maker frees the lots the taker may use.
        fillSide(market, maker, lots, ticks, notional, tradeId, true, true);
        fillSide(market, taker, lots, ticks, notional, tradeId, false, true);
        market.lastTradeTicks = ticks;
        if (maker.remaining == 0) {
            market.book.remove(maker, journal);
            closeOrder(maker);
        }
    }

    private void fillSide(MarketState market, LiveOrder order, long lots, long ticks, long notional, String tradeId,
            boolean maker, boolean bookTrade) {
        journal.save(order);
        ProfileAccount account = state.account(order.owner);
        long fee;
        long pnl = 0;
        BigDecimal entryBefore = null;
        PositionState position;
        if (!order.close) {
            long margin;
            if (maker) {
                margin = Amounts.restingMargin(market.spec, order, order.remaining) - Amounts.restingMargin(market.spec, order, order.remaining - lots);
                fee = Amounts.restingFee(market.spec, order, order.remaining) - Amounts.restingFee(market.spec, order, order.remaining - lots);
                order.reserved -= margin + fee;
            } else {
                margin = Amounts.ceilDiv(notional, order.leverage);
                fee = Amounts.ceilDiv(Math.multiplyExact(notional, TAKER_FEE_BPS), BPS);
                debit(account, Math.addExact(margin, fee), Code.E_INSUFFICIENT_MARGIN, "opening "
                        + Amounts.coins(market.spec, lots) + " at " + Amounts.price(market.spec, ticks) + " with leverage "
                        + order.leverage);
            }
            state.fees = Math.addExact(state.fees, fee);
            position = market.positions.computeIfAbsent(PositionState.key(order.owner, order.tradeSide),
                    k -> new PositionState(order.owner, market.spec.marketId(), order.tradeSide));
            position.lots = Math.addExact(position.lots, lots);
            position.cost = Math.addExact(position.cost, notional);
            position.margin = Math.addExact(position.margin, margin);
            position.leverage = order.leverage;
            if (order.takeProfitTicks > 0) {
                position.takeProfitTicks = order.takeProfitTicks;
            }
            if (order.stopLossTicks > 0) {
                position.stopLossTicks = order.stopLossTicks;
            }
        } else {
            fee = maker
                    ? Amounts.restingFee(market.spec, order, order.remaining) - Amounts.restingFee(market.spec, order, order.remaining - lots)
                    : Amounts.ceilDiv(Math.multiplyExact(notional, TAKER_FEE_BPS), BPS);
            position = market.position(order.owner, order.tradeSide);
            entryBefore = market.spec.averagePrice(position.cost, position.lots);
            boolean whole = lots == position.lots;
            long closedCost = whole ? position.cost : Amounts.proportion(position.cost, lots, position.lots);
            long releasedMargin = whole ? position.margin : Amounts.proportion(position.margin, lots, position.lots);
            position.lots -= lots;
            position.cost -= closedCost;
            position.margin -= releasedMargin;
            if (maker) {
                position.closingLots -= lots;
            }
            pnl = order.tradeSide ? notional - closedCost : closedCost - notional;
            account.balance = Math.addExact(account.balance, releasedMargin);
            realise(account, market.spec.marketId(), pnl);
            long paidFee = Math.min(fee, account.balance);
            account.balance -= paidFee;
            state.fees = Math.addExact(state.fees, paidFee);
            fee = paidFee;
            if (position.lots == 0) {
                market.positions.remove(PositionState.key(order.owner, order.tradeSide));
            }
        }
        order.remaining -= lots;
        order.filled += lots;
        order.filledNotional = Math.addExact(order.filledNotional, notional);
        order.updatedAt = timestamp;
        order.tradeId = tradeId;
        order.version = version;
        position.tradeId = tradeId;
        touch(position);
        delta.executions.add(new History.Execution(order.owner, market.spec.marketId(), order.id, order.orderType(),
                order.tradeSide, ticks, lots, order.leverage, fee, maker, bookTrade, pnl, entryBefore, tradeId,
                timestamp, version));
    }

    /** Profits wait in the market's pending PnL until settled; losses are taken from the free balance at once. */
    private void realise(ProfileAccount account, long marketId, long pnl) {
        if (pnl > 0) {
            account.pendingPnl.merge(marketId, pnl, Math::addExact);
            state.vault -= pnl;
        } else if (pnl < 0) {
            // What the account cannot pay is bad debt that the vault absorbs.
            long paid = Math.min(-pnl, account.balance);
            account.balance -= paid;
            state.vault += paid;
        }
    }

    private void rest(MarketState market, LiveOrder order) {
        if (order.close) {
            PositionState position = market.position(order.owner, order.tradeSide);
            position.closingLots += order.remaining;
        } else {
            long reserve = Math.addExact(Amounts.restingMargin(market.spec, order, order.remaining),
                    Amounts.restingFee(market.spec, order, order.remaining));
            debit(state.account(order.owner), reserve, Code.E_INSUFFICIENT_MARGIN, "resting "
                    + Amounts.coins(market.spec, order.remaining) + " at " + Amounts.price(market.spec, order.priceTicks)
                    + " with leverage " + order.leverage);
            order.reserved = reserve;
        }
        market.book.add(order, journal);
    }

    private void cancelResting(MarketState market, LiveOrder order) {
        journal.save(order);
        market.book.remove(order, journal);
        if (order.close) {
            PositionState position = market.position(order.owner, order.tradeSide);
            if (position != null) {
                position.closingLots -= order.remaining;
            }
        } else {
            ProfileAccount account = state.account(order.owner);
            account.balance = Math.addExact(account.balance, order.reserved);
            order.reserved = 0;
        }
        order.updatedAt = timestamp;
        order.version = version;
        closeOrder(order);
    }

    private void closeOrder(LiveOrder order) {
        order.open = false;
        delta.closed(order);
    }

    private LiveOrder newOrder(MarketState market, String profile, boolean tradeSide, boolean close, boolean isMarket,
            long priceTicks, long lots, int leverage, long takeProfit, long stopLoss) {
        state.orderSequence++;
        market.ordersPlaced++;
        BigInteger id = BigInteger.valueOf(market.spec.marketId()).shiftLeft(64)
                .add(BigInteger.valueOf(idBase + state.orderSequence));
        return new LiveOrder(id, market.spec.marketId(), profile, tradeSide, close, isMarket, priceTicks, lots,
                leverage, takeProfit, stopLoss, timestamp, state.orderSequence, "0", version);
    }

    private String nextTradeId(MarketState market) {
        state.tradeSequence++;
        return BigInteger.valueOf(market.spec.marketId()).shiftLeft(64)
                .add(BigInteger.valueOf(idBase + state.tradeSequence)).toString();
    }

    private void touch(PositionState position) {
        position.updatedAt = timestamp;
        position.version = version;
    }

    private MarketState market(long marketId) {
        MarketState market = state.market(marketId);
        if (market == null) {
            throw new ExecutionAbort(Code.E_MARKET_NOT_FOUND, "no market " + marketId + "; markets are "
                    + state.markets.keySet());
        }
        return market;
    }

    private static PositionState requirePosition(MarketState market, String profile, boolean tradeSide) {
        PositionState position = market.position(profile, tradeSide);
        if (position == null) {
            throw new ExecutionAbort(Code.E_POSITION_NOT_FOUND, profile + " has no " + (tradeSide ? "long" : "short")
                    + " position in market " + market.spec.marketId());
        }
        return position;
    }

    private static void validate(MarketSpec spec, OrderRequest request) {
        if (request.lots() < spec.minLots() || request.lots() > spec.maxLots()) {
            throw invalid("size is " + Amounts.coins(spec, request.lots()) + "; market " + spec.marketId() + " takes "
                    + spec.size(spec.minLots()).toPlainString() + " to " + Amounts.coins(spec, spec.maxLots()));
        }
        if (request.limit() && request.priceTicks() <= 0) {
            throw invalid("a limit order needs a price above 0 ticks");
        }
        if (request.leverage() < 1 || request.leverage() > spec.maxLeverage()) {
            throw invalid("leverage is " + request.leverage() + "; market " + spec.marketId() + " takes 1 to "
                    + spec.maxLeverage());
        }
        int r = request.restriction();
        if (r != NO_RESTRICTION && r != FILL_OR_ABORT && r != POST_OR_ABORT) {
            throw invalid("restriction is " + r + "; it is 0 (none), 1 (fill or abort) or 3 (post or abort)");
        }
    }

    private static void debit(ProfileAccount account, long units, Code code, String what) {
        if (account.balance < units) {
            throw new ExecutionAbort(code, "free trading balance is " + Amounts.usdc(account.balance) + "; "
                    + what + " needs " + Amounts.usdc(units));
        }
        account.balance -= units;
    }

    private static void requirePositive(long units, String what) {
        if (units <= 0) {
            throw invalid(what + " must be above 0");
        }
    }

    static ExecutionAbort invalid(String reason) {
        return new ExecutionAbort(Code.E_INVALID_ARGUMENT, reason);
    }


}
