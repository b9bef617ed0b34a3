package dev.perpflow.component.hyperliquid.dto;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The answer of {@code POST /exchange}: {@code status} "ok" with {@code response} {@code {"type", "data":
 * {"statuses": […]}}} (per order: {@code {"resting":{"oid"}}}, {@code {"filled":{"totalSz","avgPx","oid"}}} or
 * {@code {"error": "…"}}; per cancel "success" or {@code {"error"}}), or "err" with {@code response} the error text.
 */
public record HyperliquidExchangeResponse(String status, JsonNode response) {
}
