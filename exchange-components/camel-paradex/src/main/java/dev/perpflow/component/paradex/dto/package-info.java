/**
 * Paradex payloads as records, field for field ({@code snake_case} names as sent): decimals as {@code BigDecimal}
 * (Paradex sends them as strings), times in epoch milliseconds as sent. No logic; mapping is {@code ParadexAdapters}'.
 */
package dev.perpflow.component.paradex.dto;
