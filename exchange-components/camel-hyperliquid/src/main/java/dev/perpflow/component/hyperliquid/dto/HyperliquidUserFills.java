package dev.perpflow.component.hyperliquid.dto;

import java.util.List;

/** The {@code userFills} stream's data: the first message after subscribing is a snapshot. */
public record HyperliquidUserFills(String user, Boolean isSnapshot, List<HyperliquidFill> fills) {
}
