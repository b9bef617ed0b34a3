package dev.perpflow.component.aster.dto;

import java.math.BigDecimal;

/**
 * One {@code GET /fapi/v2/balance} row: the wallet balance without unrealized PnL ({@code crossUnPnl}).
 *
 * @param updateTime epoch ms
 */
public record AsterBalance(String asset, BigDecimal balance, BigDecimal crossUnPnl, BigDecimal availableBalance,
        Long updateTime) {
}
