package dev.perpflow.component.lighter.dto;

import java.math.BigDecimal;
import java.util.List;

/**
 * One account ({@code DetailedAccount}) of {@code GET /api/v1/account?by=index&value=N}.
 *
 * @param collateral       deposited USDC
 * @param availableBalance USDC free for new orders
 * @param totalAssetValue  equity, unrealized PnL included, USDC
 */
public record LighterAccount(Long index, Long accountIndex, BigDecimal collateral, BigDecimal availableBalance,
        BigDecimal totalAssetValue, List<LighterPosition> positions) {
}
