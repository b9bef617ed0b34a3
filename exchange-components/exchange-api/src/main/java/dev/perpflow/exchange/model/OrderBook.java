package dev.perpflow.exchange.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A snapshot of one market's book: bids best (highest) first, asks best (lowest) first.
 *
 * @param sequence the venue's update sequence, used to detect gaps in a stream; 0 when the venue has none
 */
public record OrderBook(
        String venue, String symbol, List<PriceLevel> bids, List<PriceLevel> asks, long sequence, Instant timestamp) {

    public OrderBook {
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(symbol, "symbol");
        bids = List.copyOf(bids);
        asks = List.copyOf(asks);
        Objects.requireNonNull(timestamp, "timestamp");
    }

    /** The levels an order of {@code side} takes: asks for a buy, bids for a sell. */
    public List<PriceLevel> levels(Side side) {
        return side == Side.BUY ? asks : bids;
    }

    /** The top of the book, or empty when either side has no level. */
    public Optional<Bbo> bbo() {
        if (bids.isEmpty() || asks.isEmpty()) {
            return Optional.empty();
        }
        PriceLevel bid = bids.get(0);
        PriceLevel ask = asks.get(0);
        return Optional.of(new Bbo(venue, symbol, bid.price(), bid.quantity(), ask.price(), ask.quantity(), timestamp));
    }
}
