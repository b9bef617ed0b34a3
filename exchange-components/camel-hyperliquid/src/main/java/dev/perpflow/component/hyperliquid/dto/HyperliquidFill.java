package dev.perpflow.component.hyperliquid.dto;

import java.math.BigDecimal;

/**
 * One fill ({@code userFills}, {@code userFillsByTime}, the {@code userFills} stream): {@code side} "B"/"A",
 * {@code crossed} true when it took liquidity, {@code fee} in {@code feeToken} (negative for a rebate), {@code tid}
 * the trade id, {@code oid} the order's id, {@code time} in epoch ms.
 */
public record HyperliquidFill(String coin, BigDecimal px, BigDecimal sz, String side, Long time,
        BigDecimal startPosition, String dir, BigDecimal closedPnl, String hash, Long oid, Boolean crossed,
        BigDecimal fee, Long tid, String feeToken, String cloid) {
}
