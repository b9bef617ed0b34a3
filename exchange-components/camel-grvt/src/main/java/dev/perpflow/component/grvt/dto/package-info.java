/**
 * GRVT's JSON payloads in the "full" format, field for field (read with snake_case names). Decimals are
 * {@code BigDecimal} (sent as strings; prices in the quote currency, sizes in base units), times are unix nanoseconds
 * as sent, funding rates in percentage points as sent (see docs/venues/grvt.md).
 */
package dev.perpflow.component.grvt.dto;
