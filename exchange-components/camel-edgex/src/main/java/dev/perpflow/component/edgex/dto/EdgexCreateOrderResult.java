package dev.perpflow.component.edgex.dto;

/** {@code createOrder}: the venue's order id. */
public record EdgexCreateOrderResult(String orderId) {
}
