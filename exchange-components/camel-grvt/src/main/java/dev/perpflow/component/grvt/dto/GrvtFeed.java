package dev.perpflow.component.grvt.dto;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A WebSocket message: a feed ({@code stream}, {@code selector}, {@code sequenceNumber}, {@code feed}), a subscribe
 * answer ({@code result}) or an error ({@code error}: code and message).
 */
public record GrvtFeed(String stream, String selector, String sequenceNumber, JsonNode feed, JsonNode result,
        GrvtError error, String method) {
}
