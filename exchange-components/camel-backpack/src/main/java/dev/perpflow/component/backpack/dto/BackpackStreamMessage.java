package dev.perpflow.component.backpack.dto;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One WebSocket message: {@code {"stream": "depth.SOL_USDC_PERP", "data": {...}}}, or {@code {"error": ...}} when
 * the venue refused a subscription. {@code data} is read as the stream's event record.
 */
public record BackpackStreamMessage(String stream, JsonNode data, JsonNode error) {
}
