package dev.perpflow.fundingarb;

import dev.perpflow.exchange.model.Side;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A store in memory, for tests and tools; the app keeps positions in PostgreSQL. */
public final class InMemoryArbPositionStore implements ArbPositionStore {

    /** A recorded funding payment. */
    public record Payment(String positionId, Instant time, BigDecimal longPayment, BigDecimal shortPayment) {
    }

    /** A recorded aggregated trade. */
    public record Trade(String positionId, String tradeType, String venue, Side side, BigDecimal quantity,
            BigDecimal averagePrice, BigDecimal fee, List<String> clientOrderIds) {
    }

    private final Map<String, ArbPosition> positions = new LinkedHashMap<>();
    private final List<Payment> payments = new ArrayList<>();
    private final List<Trade> trades = new ArrayList<>();

    @Override
    public synchronized void save(ArbPosition position) {
        positions.put(position.id(), position);
    }

    @Override
    public synchronized Optional<ArbPosition> find(String id) {
        return Optional.ofNullable(positions.get(id));
    }

    @Override
    public synchronized List<ArbPosition> active(String runId) {
        return positions.values().stream().filter(p -> runId.equals(p.runId()) && p.status().isActive())
                .sorted(Comparator.comparing(ArbPosition::openedAt)).toList();
    }

    @Override
    public synchronized List<String> trancheIds(String positionId) {
        return positions.values().stream().filter(p -> positionId.equals(p.mergedInto())).map(ArbPosition::id).toList();
    }

    public synchronized List<ArbPosition> all() {
        return List.copyOf(positions.values());
    }

    @Override
    public synchronized void recordFundingPayment(String positionId, Instant time, BigDecimal longPayment,
            BigDecimal shortPayment, BigDecimal longRate, BigDecimal shortRate) {
        payments.add(new Payment(positionId, time, longPayment, shortPayment));
    }

    @Override
    public synchronized void recordTrade(String positionId, String tradeType, String venue, String symbol, Side side,
            BigDecimal quantity, BigDecimal averagePrice, BigDecimal fee, List<String> clientOrderIds, Instant time) {
        trades.add(new Trade(positionId, tradeType, venue, side, quantity, averagePrice, fee, List.copyOf(clientOrderIds)));
    }

    public synchronized List<Payment> payments() {
        return List.copyOf(payments);
    }

    public synchronized List<Trade> trades() {
        return List.copyOf(trades);
    }
}
