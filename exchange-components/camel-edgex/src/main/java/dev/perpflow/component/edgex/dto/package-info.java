/**
 * EdgeX (API v2) payloads as records, field for field (camelCase as sent): decimals as {@code BigDecimal} (EdgeX
 * sends them as strings), ids as strings, times in epoch milliseconds as sent. No logic; mapping is
 * {@code EdgexAdapters}'.
 */
package dev.perpflow.component.edgex.dto;
