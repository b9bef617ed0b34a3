package dev.perpflow.component.paradex.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/** {@code POST /account/margin/{market}}: the margin configuration applied. */
public record ParadexLeverage(String market, BigDecimal leverage, @JsonProperty("margin_type") String marginType) {
}
