package dev.perpflow.fundingarb;

import dev.perpflow.exchange.model.Side;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where a run's positions live; every change is saved before the orders it announces are sent. */
public interface ArbPositionStore {

    /** Inserts or replaces the position. */
    void save(ArbPosition position);

    Optional<ArbPosition> find(String id);

    /** Ids of the entry tranches merged into a position (their orders belong to it). */
    List<String> trancheIds(String positionId);

    /** The run's positions that are OPENING, OPEN or CLOSING, oldest first. */
    List<ArbPosition> active(String runId);

    /** A funding payment observed on a position (the change of the venues' accrued funding since the last check). */
    void recordFundingPayment(String positionId, Instant time, BigDecimal longPayment, BigDecimal shortPayment,
            BigDecimal longRate, BigDecimal shortRate);

    /** One leg's aggregated fills of an entry or exit (the seed's {@code trade_fills} row). */
    void recordTrade(String positionId, String tradeType, String venue, String symbol, Side side, BigDecimal quantity,
            BigDecimal averagePrice, BigDecimal fee, List<String> clientOrderIds, Instant time);
}
