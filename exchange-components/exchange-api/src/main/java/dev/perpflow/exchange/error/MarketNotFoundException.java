package dev.perpflow.exchange.error;

/** The venue has no market for the symbol. */
public class MarketNotFoundException extends ExchangeException {

    private static final long serialVersionUID = 1L;

    private final String symbol;

    public MarketNotFoundException(String venue, String symbol) {
        super(venue, "no market for symbol " + symbol);
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }
}
