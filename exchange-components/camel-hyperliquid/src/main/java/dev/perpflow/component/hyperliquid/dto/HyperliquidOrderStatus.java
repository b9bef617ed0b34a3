package dev.perpflow.component.hyperliquid.dto;

/** {@code {"type":"orderStatus"}}: {@code status} "order" with the order, or "unknownOid". */
public record HyperliquidOrderStatus(String status, HyperliquidOrderUpdate order) {
}
