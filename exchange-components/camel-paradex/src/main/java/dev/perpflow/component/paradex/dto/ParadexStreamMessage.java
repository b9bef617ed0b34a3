package dev.perpflow.component.paradex.dto;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One JSON-RPC message of Paradex's WebSocket API: a pushed {@code subscription} ({@code params.channel},
 * {@code params.data}), or the answer to a request ({@code id}, {@code result} or {@code error}).
 */
public record ParadexStreamMessage(String jsonrpc, String method, JsonNode params, Long id, JsonNode result,
        JsonNode error) {

    public String channel() {
        return params == null ? null : params.path("channel").asText(null);
    }

    public JsonNode data() {
        return params == null ? null : params.get("data");
    }
}
