package dev.perpflow.component.hyperliquid.dto;

import java.math.BigDecimal;

/**
 * One funding payment of {@code userFunding}: {@code delta.usdc} the amount (positive received, negative paid),
 * {@code delta.szi} the position then, {@code delta.fundingRate} the hourly rate; {@code time} in epoch ms.
 */
public record HyperliquidUserFunding(Long time, String hash, Delta delta) {

    public record Delta(String type, String coin, BigDecimal usdc, BigDecimal szi, BigDecimal fundingRate,
            Integer nSamples) {
    }
}
