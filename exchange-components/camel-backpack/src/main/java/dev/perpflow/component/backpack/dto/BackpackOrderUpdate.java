package dev.perpflow.component.backpack.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/**
 * An {@code account.orderUpdate} event: {@code orderAccepted}, {@code orderCancelled}, {@code orderExpired} or
 * {@code orderFill} (with the fill fields {@code t}, {@code L}, {@code l}, {@code n}, {@code N}, {@code m}).
 *
 * @param engineTime epoch microseconds ({@code T})
 */
public record BackpackOrderUpdate(@JsonProperty("e") String eventType, @JsonProperty("s") String symbol,
        @JsonProperty("c") String clientId, @JsonProperty("i") String orderId, @JsonProperty("S") String side,
        @JsonProperty("o") String orderType, @JsonProperty("f") String timeInForce,
        @JsonProperty("q") BigDecimal quantity, @JsonProperty("p") BigDecimal price,
        @JsonProperty("z") BigDecimal executedQuantity, @JsonProperty("Z") BigDecimal executedQuoteQuantity,
        @JsonProperty("X") String status, @JsonProperty("r") Boolean reduceOnly, @JsonProperty("T") Long engineTime,
        @JsonProperty("t") String tradeId, @JsonProperty("L") BigDecimal fillPrice,
        @JsonProperty("l") BigDecimal fillQuantity, @JsonProperty("n") BigDecimal fee,
        @JsonProperty("N") String feeSymbol, @JsonProperty("m") Boolean maker) {
}
