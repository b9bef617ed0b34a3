package dev.perpflow.component.hyperliquid.dto;

import java.math.BigDecimal;
import java.util.List;

/**
 * {@code {"type":"clearinghouseState"}}: the perpetuals account of a user (positions, margin), in USDC;
 * {@code time} in epoch ms.
 */
public record HyperliquidClearinghouseState(List<AssetPosition> assetPositions, MarginSummary marginSummary,
        MarginSummary crossMarginSummary, BigDecimal crossMaintenanceMarginUsed, BigDecimal withdrawable, Long time) {

    /** One position and its kind ({@code oneWay}). */
    public record AssetPosition(Position position, String type) {
    }

    /**
     * A position: {@code szi} signed size in coins, {@code positionValue} its value at mark, {@code cumFunding}
     * funding paid (positive) since open, since the last size change and all time.
     */
    public record Position(String coin, BigDecimal szi, BigDecimal entryPx, BigDecimal positionValue,
            BigDecimal unrealizedPnl, BigDecimal returnOnEquity, BigDecimal liquidationPx, BigDecimal marginUsed,
            Leverage leverage, CumFunding cumFunding, Integer maxLeverage) {
    }

    /** {@code {"type":"cross"|"isolated","value":n}}. */
    public record Leverage(String type, Integer value, BigDecimal rawUsd) {
    }

    public record CumFunding(BigDecimal allTime, BigDecimal sinceOpen, BigDecimal sinceChange) {
    }

    public record MarginSummary(BigDecimal accountValue, BigDecimal totalNtlPos, BigDecimal totalRawUsd,
            BigDecimal totalMarginUsed) {
    }
}
