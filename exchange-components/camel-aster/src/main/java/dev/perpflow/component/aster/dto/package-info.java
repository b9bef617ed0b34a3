/**
 * Aster's payloads as records that mirror the venue's JSON (Binance USD-M field names; one-letter stream fields get
 * readable names with the wire name in {@code @JsonProperty}). Numbers are the venue's decimal strings read as
 * {@link java.math.BigDecimal}; times are epoch milliseconds as sent. No mapping happens here: a field the venue may
 * leave out is {@code null}, and {@link dev.perpflow.component.aster.AsterAdapters} decides what that means.
 */
package dev.perpflow.component.aster.dto;
