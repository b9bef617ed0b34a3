package dev.perpflow.component.sim;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Everything that makes one simulated venue: its markets, fees, account, price and funding processes, synthetic
 * book shape and injected latency. Same config and seed, same run.
 *
 * @param makerFee               fee fraction on resting fills (negative = rebate)
 * @param takerFee               fee fraction on aggressive fills
 * @param initialBalance         starting USDT collateral
 * @param maintenanceMarginRate  used in the liquidation price
 * @param priceStep              how often the price process moves (and resting orders may fill)
 * @param priceVolatility        standard deviation of the log-price change per step
 * @param bookLevels             levels per side of the synthetic book
 * @param halfSpreadTicks        distance of the best bid/ask from mid, in ticks
 * @param levelSpacingTicks      distance between two levels, in ticks
 * @param levelNotionalUsd       quantity per level, expressed as USD value
 * @param restingFillNotionalUsd at most this much of a resting order fills per price step
 * @param settlementPeriod       real time between funding settlements; {@code null} = each market's interval
 * @param latency                fixed delay of every call
 * @param jitter                 up to this much extra, seeded
 */
public record SimVenueConfig(
        String name,
        long seed,
        List<SimMarketConfig> markets,
        BigDecimal makerFee,
        BigDecimal takerFee,
        BigDecimal initialBalance,
        BigDecimal maintenanceMarginRate,
        int defaultLeverage,
        Duration priceStep,
        double priceVolatility,
        int bookLevels,
        int halfSpreadTicks,
        int levelSpacingTicks,
        BigDecimal levelNotionalUsd,
        BigDecimal restingFillNotionalUsd,
        Duration settlementPeriod,
        Duration latency,
        Duration jitter) {

    private static final BigDecimal EIGHT = BigDecimal.valueOf(8);

    public SimVenueConfig {
        Objects.requireNonNull(name, "name");
        markets = List.copyOf(markets);
        if (markets.isEmpty()) {
            throw new IllegalArgumentException(name + ": a sim venue needs at least one market");
        }
        if (markets.stream().map(SimMarketConfig::symbol).distinct().count() != markets.size()) {
            throw new IllegalArgumentException(name + ": market symbols must be unique");
        }
        Objects.requireNonNull(makerFee, "makerFee");
        Objects.requireNonNull(takerFee, "takerFee");
        Objects.requireNonNull(initialBalance, "initialBalance");
        Objects.requireNonNull(maintenanceMarginRate, "maintenanceMarginRate");
        requirePositive(priceStep, "priceStep");
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(jitter, "jitter");
        if (latency.isNegative() || jitter.isNegative()) {
            throw new IllegalArgumentException(name + ": latency and jitter must not be negative");
        }
        if (settlementPeriod != null) {
            requirePositive(settlementPeriod, "settlementPeriod");
        }
        if (bookLevels < 1 || halfSpreadTicks < 1 || levelSpacingTicks < 1 || defaultLeverage < 1) {
            throw new IllegalArgumentException(name + ": book levels, spread and spacing ticks, and leverage must be >= 1");
        }
        if (priceVolatility < 0) {
            throw new IllegalArgumentException(name + ": priceVolatility must not be negative");
        }
    }

    /**
     * Default markets: BTC, ETH, SOL, {@code 2Z} and {@code Z} (distinct symbols the seed used to conflate) and
     * BONK traded as {@code 1000BONK}. 0.005 % maker, 0.04 % taker (Aster's), 100,000 USDT, 8 h funding, no
     * latency.
     */
    public static SimVenueConfig defaults(String name, long seed) {
        List<SimMarketConfig> markets = List.of(
                SimMarketConfig.of("BTC", "90000", "0.0001"),
                SimMarketConfig.of("ETH", "3000", "0.0001"),
                SimMarketConfig.of("SOL", "150", "0.00012"),
                SimMarketConfig.of("2Z", "0.3", "0.0002"),
                SimMarketConfig.of("Z", "0.05", "-0.00005"),
                SimMarketConfig.of("BONK", "0.02", "0.00015")
                        .withQuantityMultiplier("1000BONK", BigDecimal.valueOf(1000)));
        return new SimVenueConfig(name, seed, markets, new BigDecimal("0.00005"), new BigDecimal("0.0004"),
                new BigDecimal("100000"), new BigDecimal("0.005"), 5, Duration.ofSeconds(1), 0.0005, 10, 1, 1,
                new BigDecimal("50000"), new BigDecimal("20000"), null, Duration.ZERO, Duration.ZERO);
    }

    public SimVenueConfig withMarkets(UnaryOperator<SimMarketConfig> change) {
        return new SimVenueConfig(name, seed, markets.stream().map(change).toList(), makerFee, takerFee, initialBalance,
                maintenanceMarginRate, defaultLeverage, priceStep, priceVolatility, bookLevels, halfSpreadTicks,
                levelSpacingTicks, levelNotionalUsd, restingFillNotionalUsd, settlementPeriod, latency, jitter);
    }

    /** Adds {@code biasPer8h} (an 8-hour rate) to every market's base rate, scaled to the market's interval. */
    public SimVenueConfig withFundingBias(BigDecimal biasPer8h) {
        return withMarkets(m -> m.withBaseFundingRate(m.baseFundingRate().add(
                biasPer8h.multiply(BigDecimal.valueOf(m.fundingIntervalHours())).divide(EIGHT))));
    }

    /**
     * Moves every market to an interval of {@code hours}, scaling its base rate and volatility so the 8-hour
     * equivalent stays the same (an hourly venue pays an eighth of the rate, eight times as often).
     */
    public SimVenueConfig withFundingIntervalHours(int hours) {
        return withMarkets(m -> {
            BigDecimal factor = BigDecimal.valueOf(hours).divide(BigDecimal.valueOf(m.fundingIntervalHours()));
            return m.withFundingIntervalHours(hours)
                    .withBaseFundingRate(m.baseFundingRate().multiply(factor))
                    .withFundingVolatility(m.fundingVolatility().multiply(factor));
        });
    }

    public SimVenueConfig withFees(BigDecimal maker, BigDecimal taker) {
        return new SimVenueConfig(name, seed, markets, maker, taker, initialBalance, maintenanceMarginRate,
                defaultLeverage, priceStep, priceVolatility, bookLevels, halfSpreadTicks, levelSpacingTicks,
                levelNotionalUsd, restingFillNotionalUsd, settlementPeriod, latency, jitter);
    }

    public SimVenueConfig withSettlementPeriod(Duration period) {
        return new SimVenueConfig(name, seed, markets, makerFee, takerFee, initialBalance, maintenanceMarginRate,
                defaultLeverage, priceStep, priceVolatility, bookLevels, halfSpreadTicks, levelSpacingTicks,
                levelNotionalUsd, restingFillNotionalUsd, period, latency, jitter);
    }

    public SimVenueConfig withLatency(Duration fixed, Duration maxJitter) {
        return new SimVenueConfig(name, seed, markets, makerFee, takerFee, initialBalance, maintenanceMarginRate,
                defaultLeverage, priceStep, priceVolatility, bookLevels, halfSpreadTicks, levelSpacingTicks,
                levelNotionalUsd, restingFillNotionalUsd, settlementPeriod, fixed, maxJitter);
    }

    public SimVenueConfig withPriceProcess(Duration step, double volatility) {
        return new SimVenueConfig(name, seed, markets, makerFee, takerFee, initialBalance, maintenanceMarginRate,
                defaultLeverage, step, volatility, bookLevels, halfSpreadTicks, levelSpacingTicks, levelNotionalUsd,
                restingFillNotionalUsd, settlementPeriod, latency, jitter);
    }

    public SimVenueConfig withInitialBalance(BigDecimal balance) {
        return new SimVenueConfig(name, seed, markets, makerFee, takerFee, balance, maintenanceMarginRate,
                defaultLeverage, priceStep, priceVolatility, bookLevels, halfSpreadTicks, levelSpacingTicks,
                levelNotionalUsd, restingFillNotionalUsd, settlementPeriod, latency, jitter);
    }

    public SimVenueConfig withBook(int levels, BigDecimal levelNotional, BigDecimal restingFillNotional) {
        return new SimVenueConfig(name, seed, markets, makerFee, takerFee, initialBalance, maintenanceMarginRate,
                defaultLeverage, priceStep, priceVolatility, levels, halfSpreadTicks, levelSpacingTicks, levelNotional,
                restingFillNotional, settlementPeriod, latency, jitter);
    }

    public SimMarketConfig market(String symbol) {
        return markets.stream().filter(m -> m.symbol().equals(symbol)).findFirst().orElse(null);
    }

    /** Real time between settlements of a market. */
    public Duration settlementPeriodOf(SimMarketConfig market) {
        return settlementPeriod != null ? settlementPeriod : Duration.ofHours(market.fundingIntervalHours());
    }

    private static void requirePositive(Duration value, String field) {
        Objects.requireNonNull(value, field);
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(field + " must be positive, was " + value);
        }
    }
}
