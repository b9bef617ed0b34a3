package dev.perpflow.component.grvt.dto;

import java.math.BigDecimal;
import java.util.List;

/**
 * An order as GRVT sends and takes it: one leg on an orderbook instrument, the signature over its signed fields,
 * metadata (the client order id, a uint64 as text; creation time in ns) and, on answers, its state
 * ({@code PENDING}, {@code OPEN}, {@code FILLED}, {@code REJECTED}, {@code CANCELLED}; sizes per leg).
 */
public record GrvtOrder(String orderId, String subAccountId, Boolean isMarket, String timeInForce, Boolean postOnly,
        Boolean reduceOnly, List<Leg> legs, Signature signature, Metadata metadata, State state) {

    public record Leg(String instrument, BigDecimal size, BigDecimal limitPrice, Boolean isBuyingAsset) {
    }

    /** {@code r}, {@code s} as 0x + 64 hex digits; {@code expiration} in ns; {@code nonce} a uint32. */
    public record Signature(String signer, String r, String s, Integer v, String expiration, Long nonce,
            String chainId) {
    }

    public record Metadata(String clientOrderId, String createTime) {
    }

    public record State(String status, String rejectReason, List<BigDecimal> bookSize, List<BigDecimal> tradedSize,
            String updateTime, List<BigDecimal> avgFillPrice) {
    }
}
