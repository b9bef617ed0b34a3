package dev.perpflow.component.lighter.dto;

import java.util.List;

/** {@code GET /api/v1/trades}: trades in the order asked ({@code sort_dir}), with a cursor for the next page. */
public record LighterTrades(Integer code, String message, String nextCursor, List<LighterTrade> trades) {
}
