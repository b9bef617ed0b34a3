package dev.perpflow.component.edgex.dto;

import java.math.BigDecimal;
import java.util.List;

/**
 * {@code getDepth} and the {@code depth.<contractId>.<level>} stream: versions {@code startVersion..endVersion},
 * {@code depthType} {@code SNAPSHOT} or {@code CHANGED}, levels best first as {@code {price, size}} (size 0 removes).
 */
public record EdgexDepth(Long startVersion, Long endVersion, Integer level, String contractId, String depthType,
        List<Level> bids, List<Level> asks) {

    public record Level(BigDecimal price, BigDecimal size) {
    }
}
