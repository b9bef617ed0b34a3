package dev.perpflow.component.lighter.dto;

import java.math.BigDecimal;

/**
 * One trade ({@code Trade}) of {@code GET /api/v1/trades} and the {@code account_all_trades} stream: both sides, the
 * caller finds its own by account index.
 *
 * @param size        base units
 * @param usdAmount   size × price, USDC
 * @param askId       the ask order's index; {@code bidId} the bid's
 * @param askClientId the ask order's client order index; {@code bidClientId} the bid's
 * @param isMakerAsk  whether the ask was the resting (maker) order
 * @param timestamp   epoch milliseconds
 * @param takerFee    the taker's fee rate in millionths of the notional (0 on standard accounts); {@code makerFee} the
 *                    maker's
 */
public record LighterTrade(Long tradeId, String txHash, String type, Integer marketId, BigDecimal size,
        BigDecimal price, BigDecimal usdAmount, Long askId, Long bidId, Long askAccountId, Long bidAccountId,
        Boolean isMakerAsk, Long timestamp, Long takerFee, Long makerFee, Long askClientId, Long bidClientId) {
}
