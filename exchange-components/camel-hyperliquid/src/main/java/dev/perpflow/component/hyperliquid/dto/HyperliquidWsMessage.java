package dev.perpflow.component.hyperliquid.dto;

import com.fasterxml.jackson.databind.JsonNode;

/** A WebSocket message: {@code {"channel": "l2Book" | "orderUpdates" | "userFills" | "pong" | …, "data": …}}. */
public record HyperliquidWsMessage(String channel, JsonNode data) {
}
