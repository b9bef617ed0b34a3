package dev.perpflow.component.aster.dto;

/** One {@code GET /fapi/v1/fundingInfo} row: listed only for markets whose interval is not the default 8 h. */
public record AsterFundingInfo(String symbol, Integer fundingIntervalHours) {
}
