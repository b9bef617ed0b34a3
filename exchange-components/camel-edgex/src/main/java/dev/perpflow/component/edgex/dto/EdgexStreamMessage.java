package dev.perpflow.component.edgex.dto;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One WebSocket message: {@code ping} (answered with {@code pong} and the same {@code time}),
 * {@code quote-event} ({@code channel}, {@code content.dataType}, {@code content.data}), {@code trade-event}
 * ({@code content.data.order}, {@code orderFillTransaction}, {@code position}, ...), or {@code error}.
 */
public record EdgexStreamMessage(String type, String channel, String time, JsonNode content) {
}
