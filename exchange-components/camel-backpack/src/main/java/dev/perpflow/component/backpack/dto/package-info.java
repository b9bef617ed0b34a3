/**
 * Backpack's payloads as records that mirror the venue's JSON (one-letter stream fields get readable names with the
 * wire name in {@code @JsonProperty}). Numbers are the venue's decimal strings read as {@link java.math.BigDecimal};
 * wire units are noted per field: REST times in epoch milliseconds (fills: an ISO date-time in UTC), stream and depth
 * times in epoch microseconds. No mapping happens here; {@link dev.perpflow.component.backpack.BackpackAdapters}
 * decides what a missing field means.
 */
package dev.perpflow.component.backpack.dto;
