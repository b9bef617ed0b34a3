package dev.perpflow.app.api.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;

/** Statistics of 8-hour rates; the percentiles and APY only in {@code /stats}. */
@Schema(description = "Statistics of 8-hour rates; the percentiles and APY only in /stats.")
public record RateStatistics(
        @JsonProperty(value = "average", required = true) BigDecimal average,
        @JsonProperty(value = "median", required = true) BigDecimal median,
        @JsonProperty(value = "min", required = true) BigDecimal min,
        @JsonProperty(value = "max", required = true) BigDecimal max,
        @JsonProperty(value = "volatility", required = true) BigDecimal volatility,
        @JsonProperty("percentile_25") BigDecimal percentile25,
        @JsonProperty("percentile_75") BigDecimal percentile75,
        @JsonProperty("annualized_apy") BigDecimal annualizedApy) {
}
