package dev.perpflow.component.aster.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;

/**
 * A user data stream event: {@code ORDER_TRADE_UPDATE} (with {@link #order}), {@code ACCOUNT_UPDATE} (with
 * {@link #account}) or {@code listenKeyExpired}.
 *
 * @param eventTime       epoch ms ({@code E})
 * @param transactionTime epoch ms ({@code T}), when sent
 */
public record AsterUserEvent(@JsonProperty("e") String eventType, @JsonProperty("E") Long eventTime,
        @JsonProperty("T") Long transactionTime, @JsonProperty("o") OrderUpdate order,
        @JsonProperty("a") AccountUpdate account) {

    /**
     * The order of an {@code ORDER_TRADE_UPDATE}; the fill fields ({@code t}, {@code L}, {@code l}, {@code n},
     * {@code N}, {@code m}) are set when {@code executionType} is TRADE.
     *
     * @param tradeTime epoch ms ({@code T})
     */
    public record OrderUpdate(@JsonProperty("s") String symbol, @JsonProperty("c") String clientOrderId,
            @JsonProperty("S") String side, @JsonProperty("o") String type, @JsonProperty("f") String timeInForce,
            @JsonProperty("q") BigDecimal quantity, @JsonProperty("p") BigDecimal price,
            @JsonProperty("ap") BigDecimal averagePrice, @JsonProperty("x") String executionType,
            @JsonProperty("X") String status, @JsonProperty("i") String orderId,
            @JsonProperty("l") BigDecimal lastFilledQuantity, @JsonProperty("z") BigDecimal filledQuantity,
            @JsonProperty("L") BigDecimal lastFilledPrice, @JsonProperty("R") Boolean reduceOnly,
            @JsonProperty("n") BigDecimal commission, @JsonProperty("N") String commissionAsset,
            @JsonProperty("T") Long tradeTime, @JsonProperty("t") String tradeId, @JsonProperty("m") Boolean maker) {
    }

    /** The positions ({@code P}) of an {@code ACCOUNT_UPDATE}. */
    public record AccountUpdate(@JsonProperty("P") List<PositionUpdate> positions) {

        public AccountUpdate {
            positions = positions == null ? List.of() : List.copyOf(positions);
        }
    }

    /** One position of an {@code ACCOUNT_UPDATE}: amount, entry price, unrealized PnL, isolated wallet. */
    public record PositionUpdate(@JsonProperty("s") String symbol, @JsonProperty("pa") BigDecimal positionAmount,
            @JsonProperty("ep") BigDecimal entryPrice, @JsonProperty("up") BigDecimal unrealizedPnl,
            @JsonProperty("iw") BigDecimal isolatedWallet) {
    }
}
