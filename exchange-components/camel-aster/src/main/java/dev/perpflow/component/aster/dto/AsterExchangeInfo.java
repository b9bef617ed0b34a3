package dev.perpflow.component.aster.dto;

import java.math.BigDecimal;
import java.util.List;

/** {@code GET /fapi/v1/exchangeInfo}: the markets with their filters. */
public record AsterExchangeInfo(List<Symbol> symbols) {

    public AsterExchangeInfo {
        symbols = symbols == null ? List.of() : List.copyOf(symbols);
    }

    /** One market: {@code contractType} PERPETUAL or a quarter, {@code status} TRADING, SETTLING, ... */
    public record Symbol(String symbol, String contractType, String status, String quoteAsset, List<Filter> filters) {

        public Symbol {
            filters = filters == null ? List.of() : List.copyOf(filters);
        }
    }

    /** A filter; which fields are set depends on {@code filterType} (PRICE_FILTER, LOT_SIZE, MIN_NOTIONAL). */
    public record Filter(String filterType, BigDecimal tickSize, BigDecimal stepSize, BigDecimal minQty,
            BigDecimal notional) {
    }
}
