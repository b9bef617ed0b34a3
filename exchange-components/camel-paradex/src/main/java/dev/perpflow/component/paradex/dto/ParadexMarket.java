package dev.perpflow.component.paradex.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/** A {@code GET /markets} row; {@code funding_period_hours} is the interval the funding rate is quoted over. */
public record ParadexMarket(String symbol, @JsonProperty("base_currency") String baseCurrency,
        @JsonProperty("quote_currency") String quoteCurrency,
        @JsonProperty("settlement_currency") String settlementCurrency,
        @JsonProperty("asset_kind") String assetKind,
        @JsonProperty("price_tick_size") BigDecimal priceTickSize,
        @JsonProperty("order_size_increment") BigDecimal orderSizeIncrement,
        @JsonProperty("min_notional") BigDecimal minNotional,
        @JsonProperty("max_order_size") BigDecimal maxOrderSize,
        @JsonProperty("funding_period_hours") BigDecimal fundingPeriodHours,
        @JsonProperty("max_funding_rate") BigDecimal maxFundingRate,
        @JsonProperty("open_at") Long openAt,
        @JsonProperty("expiry_at") Long expiryAt,
        @JsonProperty("delta1_cross_margin_params") MarginParams delta1CrossMarginParams) {

    /** Cross-margin parameters: {@code imf_base} is the initial margin fraction (1 / maximum leverage). */
    public record MarginParams(@JsonProperty("imf_base") BigDecimal imfBase,
            @JsonProperty("mmf_factor") BigDecimal mmfFactor) {
    }
}
