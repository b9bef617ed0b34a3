package dev.perpflow.funding;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Maker and taker fee fractions per venue (0.0002 = 0.02 %), the seed's table by default, overridable per venue.
 * Immutable: {@link #withOverride} returns a new schedule.
 */
public final class FeeSchedule {

    /** One venue's fees; a negative maker fee is a rebate. */
    public record Fees(BigDecimal maker, BigDecimal taker) {

        public Fees {
            Objects.requireNonNull(maker, "maker");
            Objects.requireNonNull(taker, "taker");
        }
    }

    /** Fees assumed for a venue the table does not know. */
    public static final Fees UNKNOWN_VENUE = new Fees(new BigDecimal("0.0003"), new BigDecimal("0.0006"));

    private static final Map<String, Fees> SEED_TABLE = Map.of(
            "lighter", new Fees(BigDecimal.ZERO, BigDecimal.ZERO),
            "grvt", new Fees(new BigDecimal("-0.0001"), new BigDecimal("0.00055")),
            "edgex", new Fees(new BigDecimal("0.00015"), new BigDecimal("0.00038")),
            "paradex", new Fees(new BigDecimal("0.00003"), new BigDecimal("0.0002")),
            "backpack", new Fees(new BigDecimal("0.0002"), new BigDecimal("0.0005")),
            "aster", new Fees(new BigDecimal("0.00005"), new BigDecimal("0.0004")),
            "hyperliquid", new Fees(new BigDecimal("0.00015"), new BigDecimal("0.00045")));

    private final Map<String, Fees> fees;

    private FeeSchedule(Map<String, Fees> fees) {
        this.fees = Map.copyOf(fees);
    }

    public static FeeSchedule defaults() {
        return new FeeSchedule(SEED_TABLE);
    }

    public FeeSchedule withOverride(String venue, BigDecimal maker, BigDecimal taker) {
        Map<String, Fees> copy = new HashMap<>(fees);
        copy.put(key(venue), new Fees(maker, taker));
        return new FeeSchedule(copy);
    }

    public Fees feesOf(String venue) {
        return fees.getOrDefault(key(venue), UNKNOWN_VENUE);
    }

    public boolean knows(String venue) {
        return fees.containsKey(key(venue));
    }

    /**
     * The seed's round-trip cost of a two-leg position as a rate: entry and exit on both legs at maker fees,
     * {@code 2 × (maker_long + maker_short)}.
     */
    public BigDecimal roundTripMakerFee(String longVenue, String shortVenue) {
        return feesOf(longVenue).maker().add(feesOf(shortVenue).maker()).multiply(BigDecimal.valueOf(2));
    }

    /** {@link #roundTripMakerFee} in USD for a position of {@code sizeUsd} per leg. */
    public BigDecimal roundTripMakerCost(String longVenue, String shortVenue, BigDecimal sizeUsd) {
        return roundTripMakerFee(longVenue, shortVenue).multiply(sizeUsd);
    }

    private static String key(String venue) {
        return venue.toLowerCase(Locale.ROOT);
    }
}
