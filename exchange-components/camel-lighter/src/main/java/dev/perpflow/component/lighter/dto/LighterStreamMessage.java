package dev.perpflow.component.lighter.dto;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Any message of Lighter's stream: {@code type} ({@code connected}, {@code subscribed/<channel>},
 * {@code update/<channel>}, {@code ping}, {@code error}) and {@code channel} ({@code order_book:0},
 * {@code account_all_orders:281}: the subscribed name with {@code :} for {@code /}); the payload is in the field
 * named after the channel kind, kept as JSON for the stream to read as its record.
 *
 * @param orders    {@code account_all_orders}: market id → orders
 * @param trades    {@code account_all_trades}: market id → trades
 * @param positions {@code account_all_positions}: market id → position
 * @param error     a refused subscription: {@code {"code":..,"message":..}}
 */
public record LighterStreamMessage(String type, String channel, JsonNode orderBook, JsonNode marketStats,
        JsonNode orders, JsonNode trades, JsonNode positions, JsonNode error, Long timestamp) {
}
