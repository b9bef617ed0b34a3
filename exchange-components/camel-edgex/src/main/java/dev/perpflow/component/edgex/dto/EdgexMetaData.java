package dev.perpflow.component.edgex.dto;

import java.math.BigDecimal;
import java.util.List;

/**
 * {@code GET /api/v2/public/meta/getMetaData}: the chain the orders are signed for ({@code global}), the coins and the
 * contracts. {@code resolution} values are hex or decimal strings (units per one token); {@code fundingRateIntervalMin}
 * the funding interval in minutes.
 */
public record EdgexMetaData(Global global, List<Coin> coinList, List<Contract> contractList) {

    /** The EIP-712 domain's chain ({@code nativeChainId}, else {@code chainId}) and verifying contract. */
    public record Global(String chainId, String nativeChainId, String contractAddress) {
    }

    public record Coin(String coinId, String coinName, String resolution, String stepSize) {
    }

    public record Contract(String contractId, String contractName, String baseCoinId, String quoteCoinId,
            BigDecimal tickSize, BigDecimal stepSize, BigDecimal minOrderSize, BigDecimal maxOrderSize,
            String resolution, BigDecimal defaultMakerFeeRate, BigDecimal defaultTakerFeeRate,
            Long fundingRateIntervalMin, Boolean enableTrade, Boolean enableDisplay, List<RiskTier> riskTierList) {
    }

    public record RiskTier(Integer tier, BigDecimal positionValueUpperBound, BigDecimal maxLeverage) {
    }
}
