/**
 * Hyperliquid's JSON payloads, field for field (info responses, exchange responses, WebSocket messages). Decimals are
 * {@code BigDecimal} (Hyperliquid sends them as strings), times are epoch milliseconds as sent.
 */
package dev.perpflow.component.hyperliquid.dto;
