package dev.perpflow.component.aster.dto;

import java.math.BigDecimal;

/**
 * One {@code GET /fapi/v2/positionRisk} row (every market, flat ones with {@code positionAmt} 0).
 *
 * @param liquidationPrice "0" when there is none
 * @param updateTime       epoch ms; 0 for a market never traded
 */
public record AsterPositionRisk(String symbol, BigDecimal positionAmt, BigDecimal entryPrice, BigDecimal markPrice,
        BigDecimal unRealizedProfit, BigDecimal liquidationPrice, BigDecimal leverage, BigDecimal isolatedMargin,
        Long updateTime) {
}
