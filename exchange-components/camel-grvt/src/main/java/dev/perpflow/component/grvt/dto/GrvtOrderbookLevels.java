package dev.perpflow.component.grvt.dto;

import java.math.BigDecimal;
import java.util.List;

/** A book ({@code book}, the {@code v1.book.s} feed): levels best first; {@code eventTime} in unix ns. */
public record GrvtOrderbookLevels(String eventTime, String instrument, List<Level> bids, List<Level> asks) {

    public record Level(BigDecimal price, BigDecimal size, Integer numOrders) {
    }
}
