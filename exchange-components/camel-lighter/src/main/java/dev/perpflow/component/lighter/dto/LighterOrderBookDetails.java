package dev.perpflow.component.lighter.dto;

import java.util.List;

/** {@code GET /api/v1/orderBookDetails}: the perpetual markets (spot ones are in another list, not read). */
public record LighterOrderBookDetails(Integer code, String message, List<LighterMarket> orderBookDetails) {
}
