package dev.perpflow.component.grvt.dto;

import java.math.BigDecimal;

/** A funding payment: {@code amount} positive when paid, negative when received; {@code eventTime} in ns. */
public record GrvtFundingPayment(String eventTime, String subAccountId, String instrument, String currency,
        BigDecimal amount, String txId) {
}
