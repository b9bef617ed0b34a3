package dev.perpflow.component.hyperliquid.dto;

import java.util.List;

/** {@code {"type":"meta"}}: the perpetuals universe; an asset's index in it is its asset id in actions. */
public record HyperliquidMeta(List<Asset> universe) {

    /** One perpetual: its coin name, size decimals, maximum leverage, and whether it is isolated-only or delisted. */
    public record Asset(String name, Integer szDecimals, Integer maxLeverage, Boolean onlyIsolated, Boolean isDelisted) {
    }
}
