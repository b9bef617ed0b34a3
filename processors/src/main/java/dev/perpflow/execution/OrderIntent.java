package dev.perpflow.execution;

import dev.perpflow.exchange.model.OrderRequest;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * An order about to be sent, with what the risk guard needs to measure it.
 *
 * @param purpose        why it exists ({@code entry-long}, {@code hedge}, ...), journaled with it
 * @param referencePrice the limit price, or the touch a market order is expected to trade at
 * @param multiplier     tokens per contract unit of the market
 * @param protective     a reduce-only order that removes risk a safety rule or a person wants gone (rollback of a
 *                       naked leg, stop loss, liquidation-risk exit, manual close): allowed even while halted
 */
public record OrderIntent(String venue, OrderRequest request, String purpose, BigDecimal referencePrice,
        BigDecimal multiplier, boolean protective) {

    public OrderIntent {
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(referencePrice, "referencePrice");
        Objects.requireNonNull(multiplier, "multiplier");
    }

    /** An order that is not protective. */
    public OrderIntent(String venue, OrderRequest request, String purpose, BigDecimal referencePrice,
            BigDecimal multiplier) {
        this(venue, request, purpose, referencePrice, multiplier, false);
    }
}
