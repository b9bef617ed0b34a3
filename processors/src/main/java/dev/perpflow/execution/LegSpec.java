package dev.perpflow.execution;

import dev.perpflow.exchange.model.Instrument;
import dev.perpflow.exchange.model.Side;
import java.math.BigDecimal;
import java.util.Objects;

/** One leg of a multi-leg execution; the quantity is given once for all legs, in tokens of the underlying. */
public record LegSpec(String venue, Instrument instrument, Side side, ExecutionMode mode, String idPrefix,
        BigDecimal limitPrice) {

    public LegSpec {
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(idPrefix, "idPrefix");
    }

    /** A leg priced by its executor (no given limit price). */
    public LegSpec(String venue, Instrument instrument, Side side, ExecutionMode mode, String idPrefix) {
        this(venue, instrument, side, mode, idPrefix, null);
    }
}
