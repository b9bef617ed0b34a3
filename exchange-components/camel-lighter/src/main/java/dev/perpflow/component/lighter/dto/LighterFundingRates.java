package dev.perpflow.component.lighter.dto;

import java.math.BigDecimal;
import java.util.List;

/**
 * {@code GET /api/v1/funding-rates}: current rates of Lighter and of other venues Lighter tracks ({@code exchange}
 * names the venue; only {@code lighter} rows are Lighter's).
 */
public record LighterFundingRates(Integer code, String message, List<Row> fundingRates) {

    /**
     * @param rate the current rate as a fraction over eight hours (Lighter settles hourly; see docs/venues/lighter.md)
     */
    public record Row(Integer marketId, String exchange, String symbol, BigDecimal rate) {
    }
}
