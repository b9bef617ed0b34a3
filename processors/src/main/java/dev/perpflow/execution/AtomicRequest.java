package dev.perpflow.execution;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A multi-leg execution to run.
 *
 * @param tokens     quantity of every leg, in tokens of the underlying
 * @param reduceOnly closing legs
 * @param leverage   for an entry: the leverage the position was sized at, set on every venue before any order (the
 *                   pre-flight fails when a venue applies another); 0 lets the executor choose
 * @param protective for a close: a close a safety rule or a person asked for, allowed while trading is halted
 */
public record AtomicRequest(List<LegSpec> legs, BigDecimal tokens, boolean reduceOnly, int leverage,
        boolean protective) {

    public AtomicRequest {
        legs = List.copyOf(legs);
        Objects.requireNonNull(tokens, "tokens");
        if (leverage < 0) {
            throw new IllegalArgumentException("leverage must not be negative");
        }
    }

    /** An entry at the given leverage. */
    public static AtomicRequest open(List<LegSpec> legs, BigDecimal tokens, int leverage) {
        return new AtomicRequest(legs, tokens, false, leverage, false);
    }

    /** A close; {@code protective} when a safety rule or a person asked for it. */
    public static AtomicRequest close(List<LegSpec> legs, BigDecimal tokens, boolean protective) {
        return new AtomicRequest(legs, tokens, true, 0, protective);
    }
}
