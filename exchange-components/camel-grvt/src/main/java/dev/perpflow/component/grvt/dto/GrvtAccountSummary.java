package dev.perpflow.component.grvt.dto;

import java.math.BigDecimal;
import java.util.List;

/** {@code account_summary} of a sub account: equity and available balance in {@code settleCurrency}. */
public record GrvtAccountSummary(String eventTime, String subAccountId, String settleCurrency, BigDecimal totalEquity,
        BigDecimal availableBalance, BigDecimal unrealizedPnl, BigDecimal initialMargin, BigDecimal maintenanceMargin,
        List<GrvtPosition> positions) {
}
