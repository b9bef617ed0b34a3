package dev.perpflow.component.sim;

import dev.perpflow.exchange.model.Instrument;
import dev.perpflow.exchange.model.OrderBook;
import dev.perpflow.exchange.model.PriceLevel;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * State of one simulated market: a seeded geometric random walk for the mid price, a mean-reverting funding rate
 * and the synthetic book around mid. Not thread-safe: {@link SimExchange} serializes access.
 */
final class SimMarket {

    private static final double FUNDING_PERSISTENCE = 0.8;
    private static final MathContext MC = MathContext.DECIMAL64;

    private SimMarketConfig config;
    private final SimVenueConfig venue;
    private final SplittableRandom priceRandom;
    private final SplittableRandom fundingRandom;
    private Duration settlementPeriod;
    private long extraHalfSpreadTicks;
    private double mid;
    private double fundingDeviation;
    private Instant nextSettlement;

    SimMarket(SimVenueConfig venue, SimMarketConfig config, Instant start) {
        this.venue = venue;
        this.config = config;
        long marketSeed = venue.seed() * 31 + config.symbol().hashCode();
        this.priceRandom = new SplittableRandom(marketSeed);
        this.fundingRandom = new SplittableRandom(marketSeed ^ 0x5DEECE66DL);
        this.settlementPeriod = venue.settlementPeriodOf(config);
        this.mid = config.initialPrice().doubleValue();
        this.nextSettlement = start.plus(settlementPeriod);
    }

    /** The venue changes the market's funding interval (as Binance-style venues do); the next period uses it. */
    void changeFundingInterval(SimVenueConfig venue, int hours) {
        config = config.withFundingIntervalHours(hours);
        settlementPeriod = venue.settlementPeriodOf(config);
    }

    SimMarketConfig config() {
        return config;
    }

    String symbol() {
        return config.symbol();
    }

    /** One step of the price process. */
    void stepPrice() {
        if (venue.priceVolatility() > 0) {
            mid *= Math.exp(venue.priceVolatility() * gaussian(priceRandom));
        }
    }

    /** Moves the mid to an exact price (tests script price paths with it). */
    void setMid(BigDecimal price) {
        mid = price.doubleValue();
    }

    BigDecimal mid() {
        return roundToTick(BigDecimal.valueOf(mid), RoundingMode.HALF_EVEN);
    }

    Instant nextSettlement() {
        return nextSettlement;
    }

    /** Current funding rate for one interval. */
    BigDecimal fundingRate() {
        return config.baseFundingRate().add(BigDecimal.valueOf(fundingDeviation), MC).setScale(10, RoundingMode.HALF_EVEN);
    }

    BigDecimal predictedRate() {
        return config.baseFundingRate().add(BigDecimal.valueOf(fundingDeviation * FUNDING_PERSISTENCE), MC)
                .setScale(10, RoundingMode.HALF_EVEN);
    }

    /** After a settlement: the rate moves on and the next settlement is scheduled. */
    void advanceFunding() {
        double volatility = config.fundingVolatility().doubleValue();
        fundingDeviation = fundingDeviation * FUNDING_PERSISTENCE + volatility * gaussian(fundingRandom);
        nextSettlement = nextSettlement.plus(settlementPeriod);
    }

    /** Widens (or, with 0, restores) the half spread by whole ticks: a thin, stressed market. */
    void widenSpread(long extraTicks) {
        this.extraHalfSpreadTicks = Math.max(0, extraTicks);
    }

    BigDecimal bestBid() {
        return levelPrice(0, false);
    }

    BigDecimal bestAsk() {
        return levelPrice(0, true);
    }

    /** Price of level {@code k} (0 = best) on the ask side or the bid side. */
    BigDecimal levelPrice(int k, boolean ask) {
        BigDecimal offset = config.tickSize().multiply(BigDecimal.valueOf(venue.halfSpreadTicks() + extraHalfSpreadTicks
                + (long) k * venue.levelSpacingTicks()));
        BigDecimal m = BigDecimal.valueOf(mid);
        return ask ? roundToTick(m.add(offset), RoundingMode.CEILING)
                : roundToTick(m.subtract(offset), RoundingMode.FLOOR).max(config.tickSize());
    }

    /** Contracts per book level: the venue's level notional at this price, at least one lot. */
    BigDecimal levelQuantity(BigDecimal price) {
        return quantityForNotional(venue.levelNotionalUsd(), price);
    }

    BigDecimal quantityForNotional(BigDecimal notional, BigDecimal price) {
        BigDecimal perContract = price.multiply(config.quantityMultiplier());
        BigDecimal contracts = notional.divide(perContract, MC);
        BigDecimal lots = contracts.divide(config.lotSize(), 0, RoundingMode.DOWN);
        return lots.max(BigDecimal.ONE).multiply(config.lotSize());
    }

    OrderBook book(String venueName, int depth, Instant at, long sequence) {
        int levels = Math.min(depth, venue.bookLevels());
        List<PriceLevel> bids = new ArrayList<>(levels);
        List<PriceLevel> asks = new ArrayList<>(levels);
        for (int k = 0; k < levels; k++) {
            BigDecimal bid = levelPrice(k, false);
            BigDecimal ask = levelPrice(k, true);
            bids.add(new PriceLevel(bid, levelQuantity(bid)));
            asks.add(new PriceLevel(ask, levelQuantity(ask)));
        }
        return new OrderBook(venueName, config.symbol(), bids, asks, sequence, at);
    }

    Instrument instrument(String venueName) {
        return new Instrument(venueName, config.symbol(), config.venueSymbol(), "USDT", config.tickSize(),
                config.lotSize(), config.minNotional(), config.maxLeverage(), config.fundingIntervalHours(),
                config.quantityMultiplier());
    }

    BigDecimal roundToTick(BigDecimal price, RoundingMode mode) {
        return price.divide(config.tickSize(), 0, mode).multiply(config.tickSize());
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller: deterministic for a given random sequence, unlike nextGaussian's platform variations.
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }
}
