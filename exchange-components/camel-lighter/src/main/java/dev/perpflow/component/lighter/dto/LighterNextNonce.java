package dev.perpflow.component.lighter.dto;

/** {@code GET /api/v1/nextNonce?account_index&api_key_index}: the nonce the next transaction of that key must use. */
public record LighterNextNonce(Integer code, String message, Long nonce) {
}
