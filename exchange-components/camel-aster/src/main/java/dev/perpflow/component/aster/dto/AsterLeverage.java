package dev.perpflow.component.aster.dto;

/** {@code POST /fapi/v1/leverage}: the leverage the venue applied. */
public record AsterLeverage(String symbol, Integer leverage) {
}
