package dev.perpflow.component.hyperliquid.dto;

import java.math.BigDecimal;
import java.util.List;

/**
 * One perpetual's context in {@code metaAndAssetCtxs} (and the {@code activeAssetCtx} stream): {@code funding} is the
 * current hourly rate (fraction, positive: longs pay), {@code openInterest} in coins, {@code dayNtlVlm} the 24 h
 * notional volume in USD.
 */
public record HyperliquidAssetCtx(BigDecimal funding, BigDecimal openInterest, BigDecimal prevDayPx,
        BigDecimal dayNtlVlm, BigDecimal premium, BigDecimal oraclePx, BigDecimal markPx, BigDecimal midPx,
        List<BigDecimal> impactPxs, BigDecimal dayBaseVlm) {
}
