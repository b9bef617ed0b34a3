package dev.perpflow.component.edgex.dto;

import java.math.BigDecimal;
import java.util.List;

/**
 * {@code GET /api/v2/private/account/getAccountAsset}: collateral totals per coin, positions ({@code openSize} signed,
 * {@code openValue} its cost, {@code fundingFee} funding settled into it) and their asset view (mark, liquidation,
 * unrealized PnL).
 */
public record EdgexAccountAsset(List<CollateralAsset> collateralAssetModelList, List<PositionEntry> positionList,
        List<PositionAsset> positionAssetList) {

    public record CollateralAsset(String coinId, BigDecimal totalEquity, BigDecimal availableAmount) {
    }

    public record PositionEntry(String contractId, BigDecimal openSize, BigDecimal openValue, BigDecimal fundingFee,
            Long updatedTime) {
    }

    public record PositionAsset(String contractId, BigDecimal positionValue, BigDecimal avgEntryPrice,
            BigDecimal markPrice, BigDecimal liquidatePrice, BigDecimal unrealizePnl, BigDecimal leverage) {
    }
}
