package dev.perpflow.component.backpack.dto;

import java.math.BigDecimal;

/** {@code GET /api/v1/capital/collateral}: the account's equity (uPnL included) and what is free for new orders. */
public record BackpackCollateral(BigDecimal netEquity, BigDecimal netEquityAvailable) {
}
