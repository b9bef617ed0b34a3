package dev.perpflow.component.hyperliquid.dto;

import java.math.BigDecimal;

/** One row of {@code fundingHistory}: the rate settled at {@code time} (epoch ms). */
public record HyperliquidFundingHistory(String coin, BigDecimal fundingRate, BigDecimal premium, Long time) {
}
