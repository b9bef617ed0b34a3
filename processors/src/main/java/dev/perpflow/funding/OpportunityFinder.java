package dev.perpflow.funding;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Ranks cross-venue funding arbitrage over the latest rates: for every symbol, every ordered venue pair (long the
 * lower rate's venue, short the other) with 8-hour normalized rates, net of round-trip maker fees, through the
 * seed's filters. A pure function of its inputs plus the runtime set of untradeable (venue, symbol) marks.
 */
public final class OpportunityFinder {

    private static final BigDecimal LONG_HEAVY = new BigDecimal("1.2");
    private static final BigDecimal SHORT_HEAVY = new BigDecimal("0.8");
    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    private final FeeSchedule fees;
    private final Set<String> untradeable = ConcurrentHashMap.newKeySet();

    public OpportunityFinder(FeeSchedule fees) {
        this.fees = fees;
    }

    public FeeSchedule fees() {
        return fees;
    }

    /** Excludes a market from results, e.g. after a venue refused to trade it. */
    public void markUntradeable(String venue, String symbol) {
        untradeable.add(key(venue, symbol));
    }

    public void clearUntradeable(String venue, String symbol) {
        untradeable.remove(key(venue, symbol));
    }

    public boolean isUntradeable(String venue, String symbol) {
        return untradeable.contains(key(venue, symbol));
    }

    /** Every opportunity passing {@code filter}, sorted and truncated as it says. */
    public List<Opportunity> find(Collection<LatestRate> rates, OpportunityFilter filter, Instant now) {
        Map<String, List<Leg>> bySymbol = new HashMap<>();
        for (LatestRate rate : rates) {
            String symbol = rate.symbol().toUpperCase(Locale.ROOT);
            if (filter.symbol() != null && !filter.symbol().equalsIgnoreCase(symbol)) {
                continue;
            }
            String venue = rate.venue().toLowerCase(Locale.ROOT);
            if (!untradeable.contains(key(venue, symbol))) {
                bySymbol.computeIfAbsent(symbol, s -> new ArrayList<>()).add(new Leg(venue, rate));
            }
        }
        Map<String, BigDecimal> makerFees = new HashMap<>();
        List<Opportunity> found = new ArrayList<>();
        for (Map.Entry<String, List<Leg>> entry : bySymbol.entrySet()) {
            List<Leg> legs = entry.getValue();
            for (Leg longLeg : legs) {
                for (Leg shortLeg : legs) {
                    if (longLeg == shortLeg || longLeg.venue.equals(shortLeg.venue)
                            || !venuesPass(filter, longLeg.venue, shortLeg.venue)) {
                        continue;
                    }
                    BigDecimal divergence = shortLeg.ratePer8h.subtract(longLeg.ratePer8h);
                    if (divergence.compareTo(filter.minDivergence()) < 0) {
                        continue;
                    }
                    BigDecimal fee = makerFees.computeIfAbsent(longLeg.venue, v -> fees.feesOf(v).maker())
                            .add(makerFees.computeIfAbsent(shortLeg.venue, v -> fees.feesOf(v).maker())).multiply(TWO);
                    BigDecimal net = divergence.subtract(fee);
                    if (net.signum() <= 0 || net.compareTo(filter.minProfit()) < 0) {
                        continue;
                    }
                    Opportunity opportunity = build(entry.getKey(), longLeg, shortLeg, divergence, fee, net, now);
                    if (liquidityPasses(filter, opportunity)) {
                        found.add(opportunity);
                    }
                }
            }
        }
        found.sort(filter.sortBy().comparator(filter.sortDesc()));
        return found.size() > filter.limit() ? List.copyOf(found.subList(0, filter.limit())) : found;
    }

    private static boolean venuesPass(OpportunityFilter f, String longVenue, String shortVenue) {
        if (f.dex() != null && !f.dex().equals(longVenue) && !f.dex().equals(shortVenue)) {
            return false;
        }
        if (!f.dexPair().isEmpty() && !(f.dexPair().contains(longVenue) && f.dexPair().contains(shortVenue))) {
            return false;
        }
        if (!f.dexes().isEmpty() && !f.dexes().contains(longVenue) && !f.dexes().contains(shortVenue)) {
            return false;
        }
        if (!f.whitelistDexes().isEmpty()
                && !(f.whitelistDexes().contains(longVenue) && f.whitelistDexes().contains(shortVenue))) {
            return false;
        }
        if (f.excludeDexes().contains(longVenue) || f.excludeDexes().contains(shortVenue)) {
            return false;
        }
        return f.requiredDex() == null || f.requiredDex().equals(longVenue) || f.requiredDex().equals(shortVenue);
    }

    private static boolean liquidityPasses(OpportunityFilter f, Opportunity o) {
        if (f.minApy() != null && o.annualizedApy().compareTo(f.minApy()) < 0) {
            return false;
        }
        BigDecimal volume = o.minVolume24h();
        if (volume != null && (below(volume, f.minVolume24h()) || above(volume, f.maxVolume24h()))) {
            return false;
        }
        if (o.minOiUsd() != null && below(o.minOiUsd(), f.minOiUsd())) {
            return false;
        }
        if (f.maxOiUsd() != null && !maxOiPasses(f, o)) {
            return false;
        }
        if (o.oiRatio() != null && (below(o.oiRatio(), f.oiRatioMin()) || above(o.oiRatio(), f.oiRatioMax()))) {
            return false;
        }
        if (f.oiImbalance() != null && !f.oiImbalance().equals(o.oiImbalance())) {
            return false;
        }
        return f.maxSpreadBps() == null || o.avgSpreadBps() == null || o.avgSpreadBps() <= f.maxSpreadBps();
    }

    /** With a required venue the cap applies to that venue's OI, which must be known; else to the smaller OI. */
    private static boolean maxOiPasses(OpportunityFilter f, Opportunity o) {
        if (f.requiredDex() != null) {
            BigDecimal oi = f.requiredDex().equals(o.longDex()) ? o.longDexOiUsd() : o.shortDexOiUsd();
            return oi != null && oi.compareTo(f.maxOiUsd()) <= 0;
        }
        return o.minOiUsd() == null || o.minOiUsd().compareTo(f.maxOiUsd()) <= 0;
    }

    private Opportunity build(String symbol, Leg longLeg, Leg shortLeg, BigDecimal divergence, BigDecimal fee,
            BigDecimal net, Instant now) {
        LatestRate l = longLeg.rate;
        LatestRate s = shortLeg.rate;
        BigDecimal minVolume = l.volume24hUsd() != null && s.volume24hUsd() != null
                ? l.volume24hUsd().min(s.volume24hUsd()) : null;
        BigDecimal minOi = minKnown(l.openInterestUsd(), s.openInterestUsd());
        BigDecimal maxOi = maxKnown(l.openInterestUsd(), s.openInterestUsd());
        BigDecimal oiRatio = l.openInterestUsd() != null && s.openInterestUsd() != null && s.openInterestUsd().signum() > 0
                ? l.openInterestUsd().divide(s.openInterestUsd(), MathContext.DECIMAL64) : null;
        String imbalance = oiRatio == null ? null : oiRatio.compareTo(LONG_HEAVY) > 0 ? "long_heavy"
                : oiRatio.compareTo(SHORT_HEAVY) < 0 ? "short_heavy" : "balanced";
        Integer avgSpread = l.spreadBps() != null && s.spreadBps() != null ? (l.spreadBps() + s.spreadBps()) / 2 : null;
        return new Opportunity(symbol, longLeg.venue, shortLeg.venue, longLeg.ratePer8h, shortLeg.ratePer8h,
                l.intervalHours(), s.intervalHours(), divergence, fee, net, FundingMath.apyPercent(net),
                l.volume24hUsd(), s.volume24hUsd(), minVolume, l.openInterestUsd(), s.openInterestUsd(), minOi, maxOi,
                oiRatio, imbalance, l.spreadBps(), s.spreadBps(), avgSpread, now);
    }

    private static BigDecimal minKnown(BigDecimal a, BigDecimal b) {
        return a == null ? b : b == null ? a : a.min(b);
    }

    private static BigDecimal maxKnown(BigDecimal a, BigDecimal b) {
        return a == null ? b : b == null ? a : a.max(b);
    }

    private static boolean below(BigDecimal value, BigDecimal bound) {
        return bound != null && value.compareTo(bound) < 0;
    }

    private static boolean above(BigDecimal value, BigDecimal bound) {
        return bound != null && value.compareTo(bound) > 0;
    }

    private static String key(String venue, String symbol) {
        return venue.toLowerCase(Locale.ROOT) + '|' + symbol.toUpperCase(Locale.ROOT);
    }

    /** A rate with its normalized value computed once per ranking. */
    private static final class Leg {
        final String venue;
        final LatestRate rate;
        final BigDecimal ratePer8h;

        Leg(String venue, LatestRate rate) {
            this.venue = venue;
            this.rate = rate;
            this.ratePer8h = rate.ratePer8h();
        }
    }
}
