package dev.perpflow.grid;

import dev.perpflow.exchange.model.Order;
import dev.perpflow.exchange.model.Position;
import dev.perpflow.grid.GridEvent.Level;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The first step of a grid run after a (re)start: the stored state is matched with the venue before anything else. */
final class GridRestart {

    private final GridRun run;

    GridRestart(GridRun run) {
        this.run = run;
    }

    /**
     * First tick after a (re)start, before anything is placed: the venue's open orders of this run are matched with
     * the stored state. Close orders the state does not know (state lost in a crash, or an older run's) are adopted
     * as tracked positions; entry orders that are not the pending entry are cancelled; the position sequence moves
     * past every id seen so no client order id is ever reused; a position that differs from what is tracked is
     * reported.
     */
    void reconcileWithVenue() {
        String prefix = run.id + "-";
        List<TrackedPosition> tracked = new ArrayList<>(run.state().tracked());
        List<String> known = tracked.stream().map(TrackedPosition::closeClientOrderId).toList();
        int sequence = run.state().positionSequence();
        for (Order order : GridRun.await(run.venue.openOrders(run.config.ticker()))) {
            if (!order.clientOrderId().startsWith(prefix)) {
                continue;
            }
            String rest = order.clientOrderId().substring(prefix.length());
            String positionId = rest.substring(0, rest.indexOf('-', rest.indexOf('-') + 1) < 0 ? rest.length()
                    : rest.indexOf('-', rest.indexOf('-') + 1));
            sequence = Math.max(sequence, sequenceOf(positionId));
            if (order.reduceOnly() && !known.contains(order.clientOrderId())) {
                tracked.add(new TrackedPosition(positionId, null, order.remainingQuantity(), order.price(),
                        run.clock.instant(), order.clientOrderId(), 1));
                run.emit("close_order_legacy_tracked", Level.WARNING, "adopted close order " + order.clientOrderId()
                        + " found at the venue", Map.of("position_id", positionId));
            } else if (!order.reduceOnly() && !order.clientOrderId().equals(run.state().pendingEntryId())) {
                GridRun.await(run.gateway.cancel(run.venueName(), run.config.ticker(), order.clientOrderId()));
                run.emit("orphan_entry_cancelled", Level.WARNING, "cancelled entry " + order.clientOrderId()
                        + " the stored state did not know", Map.of("client_order_id", order.clientOrderId()));
            }
        }
        run.update(run.state().with(run.state().cycle(), tracked, run.state().pendingPositionId(), run.state().pendingEntryId(),
                run.state().pendingSince(), sequence, run.state().lastEntryAt(), run.state().lastActiveCloses(), run.state().lastStopLossAt(),
                run.state().paused(), run.state().stopped()));
        if (run.state().pendingEntryId() != null && run.findOrder(run.state().pendingEntryId()) == null) {
            run.emit("entry_order_missing", Level.WARNING, "the venue does not know the pending entry "
                    + run.state().pendingEntryId() + "; ready for a new one", Map.of("client_order_id", run.state().pendingEntryId()));
            run.update(run.state().ready());
        }
        Position position = run.position();
        BigDecimal held = position == null ? BigDecimal.ZERO : position.quantity().abs();
        if (held.signum() == 0 && !run.state().tracked().isEmpty()) {
            // flat at the venue: whatever was tracked was closed (take profit, stop, liquidation) while we were away
            run.emit("tracked_positions_gone", Level.WARNING, "venue position is flat; dropping "
                    + run.state().tracked().size() + " tracked position(s)", Map.of("tracked", run.state().trackedSize()));
            run.update(run.state().tracked(List.of()));
        } else if (held.compareTo(run.state().trackedSize()) != 0) {
            run.emit("position_mismatch", Level.WARNING, "venue position " + held.toPlainString() + " vs tracked "
                    + run.state().trackedSize().toPlainString(), Map.of("venue_position", held,
                    "tracked", run.state().trackedSize()));
        }
    }

    private static int sequenceOf(String positionId) {
        try {
            return positionId.startsWith("grid-") ? Integer.parseInt(positionId.substring(5)) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
