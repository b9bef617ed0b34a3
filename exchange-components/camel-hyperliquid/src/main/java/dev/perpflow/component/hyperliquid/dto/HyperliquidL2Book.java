package dev.perpflow.component.hyperliquid.dto;

import java.math.BigDecimal;
import java.util.List;

/** {@code l2Book} (REST and stream): {@code levels} is {@code [bids, asks]}, best first; {@code time} in epoch ms. */
public record HyperliquidL2Book(String coin, Long time, List<List<Level>> levels) {

    /** One price level: price, total size, number of orders. */
    public record Level(BigDecimal px, BigDecimal sz, Integer n) {
    }
}
