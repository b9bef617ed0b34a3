package dev.perpflow.component.paradex.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;

/**
 * The data of an {@code order_book.<market>.snapshot@15@100ms} message: {@code update_type} {@code s} (the whole top of
 * the book in {@code inserts}) or {@code d} (changes), levels as {@code {side, price, size}}, {@code seq_no}.
 */
public record ParadexBookUpdate(String market, @JsonProperty("seq_no") Long seqNo,
        @JsonProperty("last_updated_at") Long lastUpdatedAt, @JsonProperty("update_type") String updateType,
        List<Level> inserts, List<Level> updates, List<Level> deletes) {

    /** One level change: {@code side} {@code BUY} (bid) or {@code SELL} (ask). */
    public record Level(String side, BigDecimal price, BigDecimal size) {
    }
}
