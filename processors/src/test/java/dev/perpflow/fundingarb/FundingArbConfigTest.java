package dev.perpflow.fundingarb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perpflow.config.ConfigException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FundingArbConfigTest {

    @Test
    void defaultsAreTheSeedsRuntimeDefaults() {
        FundingArbConfig config = FundingArbConfig.fromMap(Map.of("scan_exchanges", "aster, lighter, paradex"));
        assertThat(config.scanExchanges()).containsExactly("aster", "lighter", "paradex");
        assertThat(config.targetMargin()).isEqualByComparingTo("40");
        assertThat(config.maxPositions()).isEqualTo(5);
        assertThat(config.maxTotalExposureUsd()).isEqualByComparingTo("2000");
        assertThat(config.minProfitRate()).isEqualByComparingTo(new BigDecimal("0.25").divide(new BigDecimal("1095"),
                java.math.MathContext.DECIMAL64));
        assertThat(config.riskStrategy()).isEqualTo(RiskStrategy.COMBINED);
        assertThat(config.maxEntryPriceDivergencePct()).isEqualByComparingTo("0.01");
        assertThat(config.wideSpreadCooldownMinutes()).isEqualTo(60);
        assertThat(config.maxNewPositionsPerCycle()).isEqualTo(2);
        assertThat(config.checkIntervalSeconds()).isEqualTo(60);
        assertThat(config.excludeSymbols()).containsExactly("CC", "Z", "AI16Z");
        assertThat(config.nakedLegAction()).isEqualTo(FundingArbConfig.NakedLegAction.CLOSE);
        assertThat(config.dryRun()).isFalse();
    }

    @Test
    void theMandatoryVenueJoinsTheScanAndMaxPositionsIsNotCappedAtOne() {
        FundingArbConfig config = FundingArbConfig.fromMap(Map.of("scan_exchanges", List.of("aster"),
                "mandatory_exchange", "lighter", "max_positions", 7, "max_entry_price_divergence_pct", 0.02,
                "wide_spread_cooldown_minutes", 15, "risk_strategy", "time_based", "dry_run", true));
        assertThat(config.scanExchanges()).containsExactly("aster", "lighter");
        assertThat(config.maxPositions()).isEqualTo(7);
        assertThat(config.maxEntryPriceDivergencePct()).isEqualByComparingTo("0.02");
        assertThat(config.wideSpreadCooldownMinutes()).isEqualTo(15);
        assertThat(config.riskStrategy()).isEqualTo(RiskStrategy.TIME_BASED);
        assertThat(config.dryRun()).isTrue();
    }

    @Test
    void everyBadKeyIsReportedOnItsOwnLine() {
        assertThatThrownBy(() -> FundingArbConfig.fromMap(Map.of("scan_exchanges", "aster", "target_margin", "lots",
                "risk_strategy", "yolo", "profit_erosion_threshold", 2, "max_positon", 3)))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems()).containsExactlyInAnyOrder(
                        "max_positon: unknown key (known: " + String.join(", ", new java.util.TreeSet<>(FundingArbConfig.KEYS)) + ")",
                        "target_margin: 'lots' is not a number",
                        "risk_strategy: 'yolo' must be one of [combined, profit_erosion, divergence_flip, time_based]",
                        "profit_erosion_threshold: 2 is outside [0.1, 0.9]",
                        "scan_exchanges: needs at least two venues, got [aster]"));
    }

    @Test
    void scanExchangesIsRequired() {
        assertThatThrownBy(() -> FundingArbConfig.fromMap(Map.of())).hasMessageContaining("scan_exchanges: required");
    }
}
