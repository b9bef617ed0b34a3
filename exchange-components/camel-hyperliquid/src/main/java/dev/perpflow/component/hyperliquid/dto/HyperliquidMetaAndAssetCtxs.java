package dev.perpflow.component.hyperliquid.dto;

import java.util.List;

/** {@code {"type":"metaAndAssetCtxs"}}: sent as a two-element array {@code [meta, assetCtxs]}, contexts by index. */
public record HyperliquidMetaAndAssetCtxs(HyperliquidMeta meta, List<HyperliquidAssetCtx> assetCtxs) {
}
