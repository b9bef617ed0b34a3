package dev.perpflow.fundingarb;

import dev.perpflow.config.ConfigException;
import dev.perpflow.config.ConfigReader;
import dev.perpflow.funding.FundingMath;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A funding-arbitrage run's configuration: every key of the seed's YAML with the seed's defaults, plus the settings
 * the seed fixed in code (spread thresholds, exit polling). Fixed against the seed: {@code dry_run},
 * {@code max_entry_price_divergence_pct} and {@code wide_spread_cooldown_minutes} are honoured,
 * {@code max_positions} is not capped at 1, and {@code time_based} is a real risk strategy.
 *
 * @param minProfitRate        net rate per 8 h after round-trip fees an opportunity must reach (YAML: APY)
 * @param maxTotalExposureUsd  cap per venue: the sum of the sizes of this run's positions with a leg there
 * @param excludeSymbols       never traded (the seed hard-coded CC, Z and AI16Z)
 * @param nakedLegAction       what a restart does with a position that has one leg only
 * @param maxLeverage          highest leverage an entry uses: positions are sized at target margin × the lower of
 *                             this and both venues' maximum, and both venues are set to exactly that (the seed used
 *                             the venues' maximum, up to 20×, where an isolated position is ~5 % from liquidation,
 *                             inside the default 10 % liquidation guard)
 */
public record FundingArbConfig(
        List<String> scanExchanges,
        String mandatoryExchange,
        BigDecimal targetMargin,
        int maxPositions,
        BigDecimal maxTotalExposureUsd,
        BigDecimal minProfitApy,
        BigDecimal minProfitRate,
        BigDecimal maxOiUsd,
        BigDecimal minVolume24h,
        BigDecimal minOiUsd,
        RiskStrategy riskStrategy,
        BigDecimal profitErosionThreshold,
        BigDecimal minHoldHours,
        BigDecimal maxPositionAgeHours,
        BigDecimal maxEntryPriceDivergencePct,
        BigDecimal minLiquidationDistancePct,
        boolean enableLiquidationPrevention,
        int wideSpreadCooldownMinutes,
        int maxNewPositionsPerCycle,
        BigDecimal limitOrderOffsetPct,
        int checkIntervalSeconds,
        boolean dryRun,
        List<String> excludeSymbols,
        NakedLegAction nakedLegAction,
        int maxLeverage) {

    /** The seed's fixed (model-only) settings. */
    public static final BigDecimal SEVERE_EROSION_RATIO = new BigDecimal("0.2");
    public static final BigDecimal SEVERE_IMBALANCE = new BigDecimal("0.05");
    public static final BigDecimal ALIGNMENT_SPREAD_THRESHOLD = new BigDecimal("0.005");
    public static final BigDecimal MAX_EXIT_SPREAD = new BigDecimal("0.02");
    public static final BigDecimal MAX_EMERGENCY_SPREAD = new BigDecimal("0.03");
    public static final Duration EXIT_POLLING_MAX = Duration.ofMinutes(10);
    public static final Duration ENTRY_TIMEOUT = Duration.ofSeconds(30);
    public static final int FALLBACK_LEVERAGE = 5;
    public static final BigDecimal MIN_POSITION_USD = new BigDecimal("5");

    /** What a restart does with a position whose entry left one leg only. */
    public enum NakedLegAction { HEDGE, CLOSE }

    static final Set<String> KEYS = Set.of("scan_exchanges", "mandatory_exchange", "target_margin", "max_positions",
            "max_total_exposure_usd", "min_profit_rate", "max_oi_usd", "min_volume_24h", "min_oi_usd", "risk_strategy",
            "profit_erosion_threshold", "min_hold_hours", "max_position_age_hours", "max_entry_price_divergence_pct",
            "min_liquidation_distance_pct", "enable_liquidation_prevention", "wide_spread_cooldown_minutes",
            "max_new_positions_per_cycle", "limit_order_offset_pct", "check_interval_seconds", "dry_run",
            "exclude_symbols", "naked_leg_action", "max_leverage");

    public FundingArbConfig {
        scanExchanges = List.copyOf(scanExchanges);
        excludeSymbols = List.copyOf(excludeSymbols);
        Objects.requireNonNull(riskStrategy, "riskStrategy");
        Objects.requireNonNull(nakedLegAction, "nakedLegAction");
    }

    /** Reads a config as written in YAML; every problem is reported, one line per key; unknown keys are rejected. */
    public static FundingArbConfig fromMap(Map<String, ?> raw) {
        ConfigReader r = new ConfigReader(raw, KEYS);
        List<String> exchanges = new ArrayList<>(r.lowerCaseList("scan_exchanges", true));
        String mandatory = r.text("mandatory_exchange", "none", 1, 32).toLowerCase(java.util.Locale.ROOT);
        if (mandatory.equals("none")) {
            mandatory = null;
        } else if (!exchanges.contains(mandatory)) {
            exchanges.add(mandatory);   // the seed adds the mandatory venue to the scan
        }
        BigDecimal targetMargin = r.decimal("target_margin", "40", "0.10", "100000");
        BigDecimal defaultExposure = targetMargin.multiply(BigDecimal.valueOf(50));
        BigDecimal apy = r.decimal("min_profit_rate", "0.25", "0", "100");
        FundingArbConfig config = new FundingArbConfig(
                exchanges,
                mandatory,
                targetMargin,
                r.integer("max_positions", 5, 1, 1000),
                r.decimal("max_total_exposure_usd", defaultExposure.toPlainString(), "1", "1000000"),
                apy,
                FundingMath.ratePer8hFromApyPercent(apy.movePointRight(2)),
                r.decimal("max_oi_usd", "10000000", "1000", "999999999"),
                r.decimal("min_volume_24h", "350000", "0", null),
                r.decimal("min_oi_usd", "100000", "0", null),
                r.choice("risk_strategy", RiskStrategy.COMBINED, RiskStrategy.class),
                r.decimal("profit_erosion_threshold", "0.5", "0.1", "0.9"),
                r.decimal("min_hold_hours", "0", "0", "720"),
                r.decimal("max_position_age_hours", "168", "0.01", "720"),
                r.decimal("max_entry_price_divergence_pct", "0.01", "0.001", "0.10"),
                r.decimal("min_liquidation_distance_pct", "0.10", "0.01", "0.50"),
                r.bool("enable_liquidation_prevention", true),
                r.integer("wide_spread_cooldown_minutes", 60, 1, 10080),
                r.integer("max_new_positions_per_cycle", 2, 1, 100),
                r.decimal("limit_order_offset_pct", "0.0001", "-0.01", "0.05"),
                r.integer("check_interval_seconds", 60, 1, 300),
                r.bool("dry_run", false),
                r.has("exclude_symbols") ? upper(r.lowerCaseList("exclude_symbols", false)) : List.of("CC", "Z", "AI16Z"),
                r.choice("naked_leg_action", NakedLegAction.CLOSE, NakedLegAction.class),
                r.integer("max_leverage", FALLBACK_LEVERAGE, 1, 125));
        if (mandatory != null && exchanges.size() < 2) {
            r.problem("scan_exchanges: needs a second venue besides mandatory_exchange " + mandatory);
        } else if (mandatory == null && exchanges.size() == 1) {
            r.problem("scan_exchanges: needs at least two venues, got " + exchanges);
        }
        r.finish(problems -> new ConfigException("funding-arbitrage", problems));
        return config;
    }

    /** Position size in USD at {@code leverage} (each leg then commits the target margin). */
    public BigDecimal sizeUsd(int leverage) {
        return targetMargin.multiply(BigDecimal.valueOf(leverage));
    }

    /** The seed's cap on one position: target margin × 100. */
    public BigDecimal maxPositionSizeUsd() {
        return targetMargin.multiply(BigDecimal.valueOf(100));
    }

    public Duration checkInterval() {
        return Duration.ofSeconds(checkIntervalSeconds);
    }

    public Duration wideSpreadCooldown() {
        return Duration.ofMinutes(wideSpreadCooldownMinutes);
    }

    /** Hours as a duration (fractions allowed: 0.5 h = 30 min). */
    public static Duration hours(BigDecimal hours) {
        return Duration.ofMillis(hours.multiply(BigDecimal.valueOf(3_600_000), MathContext.DECIMAL64).longValue());
    }

    private static List<String> upper(List<String> symbols) {
        return symbols.stream().map(s -> s.toUpperCase(java.util.Locale.ROOT)).toList();
    }
}
