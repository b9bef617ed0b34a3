package dev.perpflow.component.hyperliquid.dto;

/**
 * An order with its status ({@code open}, {@code filled}, {@code canceled}, {@code rejected}, or a reason such as
 * {@code marginCanceled}, {@code badAloPxRejected}): one entry of the {@code orderUpdates} stream, and the order of an
 * {@code orderStatus} answer. {@code statusTimestamp} in epoch ms.
 */
public record HyperliquidOrderUpdate(HyperliquidOrder order, String status, Long statusTimestamp) {
}
