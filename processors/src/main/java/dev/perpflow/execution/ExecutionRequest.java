package dev.perpflow.execution;

import dev.perpflow.exchange.model.Bbo;
import dev.perpflow.exchange.model.Instrument;
import dev.perpflow.exchange.model.Side;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One order to work on one venue.
 *
 * @param quantity in venue contract units, on the instrument's lot grid
 * @param idPrefix deterministic prefix of the client order ids of every order this execution sends
 * @param critical an emergency (e.g. liquidation risk): the wider 3 % spread guard applies
 * @param protective a reduce-only execution that removes risk a safety rule or a person wants gone (rollback of a
 *                   naked leg, stop loss, liquidation-risk exit, manual close): allowed while trading is halted
 * @param book       the book the decision was made on, read just before (the pre-flight's): the execution starts
 *                   with it instead of asking the venue again; {@code null} = read it first
 */
public record ExecutionRequest(String venue, Instrument instrument, Side side, BigDecimal quantity, boolean reduceOnly,
        ExecutionMode mode, String idPrefix, String purpose, boolean critical, BigDecimal limitPrice,
        boolean protective, Bbo book) {

    public ExecutionRequest {
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(idPrefix, "idPrefix");
        Objects.requireNonNull(purpose, "purpose");
        if (quantity == null || quantity.signum() <= 0) {
            throw new IllegalArgumentException("quantity must be positive");
        }
        if (protective && !reduceOnly) {
            throw new IllegalArgumentException("only a reduce-only execution can be protective");
        }
        if (limitPrice != null && limitPrice.signum() <= 0) {
            throw new IllegalArgumentException("limitPrice must be positive");
        }
    }

    /** A request its executor prices from the book. */
    public ExecutionRequest(String venue, Instrument instrument, Side side, BigDecimal quantity, boolean reduceOnly,
            ExecutionMode mode, String idPrefix, String purpose, boolean critical) {
        this(venue, instrument, side, quantity, reduceOnly, mode, idPrefix, purpose, critical, null, false, null);
    }

    /** A request with every field but the decision's book. */
    public ExecutionRequest(String venue, Instrument instrument, Side side, BigDecimal quantity, boolean reduceOnly,
            ExecutionMode mode, String idPrefix, String purpose, boolean critical, BigDecimal limitPrice,
            boolean protective) {
        this(venue, instrument, side, quantity, reduceOnly, mode, idPrefix, purpose, critical, limitPrice, protective,
                null);
    }

    /** The same request starting from the book the decision was made on. */
    public ExecutionRequest withBook(Bbo decisionBook) {
        return new ExecutionRequest(venue, instrument, side, quantity, reduceOnly, mode, idPrefix, purpose, critical,
                limitPrice, protective, decisionBook);
    }

    /** A protective reduce-only execution priced from the book (see {@code protective}). */
    public static ExecutionRequest protective(String venue, Instrument instrument, Side side, BigDecimal quantity,
            ExecutionMode mode, String idPrefix, String purpose) {
        return new ExecutionRequest(venue, instrument, side, quantity, true, mode, idPrefix, purpose, true, null, true,
                null);
    }

    public String symbol() {
        return instrument.symbol();
    }
}
