package dev.perpflow.component.aster.dto;

/** {@code POST /fapi/v1/listenKey}: the key naming the user data stream ({@code PUT} and {@code DELETE} answer {}). */
public record AsterListenKey(String listenKey) {
}
