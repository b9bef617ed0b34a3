package dev.perpflow.funding;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hand-computed rankings. Maker fees (seed table): aster 0.00005, backpack 0.0002, lighter 0, paradex 0.00003.
 */
class OpportunityFinderTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    private final OpportunityFinder finder = new OpportunityFinder(FeeSchedule.defaults());

    private static LatestRate rate(String venue, String symbol, String raw, int hours, Long volume, Long oi,
            Integer spread) {
        return new LatestRate(venue, symbol, new BigDecimal(raw), hours, volume == null ? null : BigDecimal.valueOf(volume),
                oi == null ? null : BigDecimal.valueOf(oi), spread, NOW);
    }

    /** BTC: aster 0.0001/8h, lighter 0.0000375/1h (= 0.0003/8h), backpack 0.00005/1h (= 0.0004/8h). */
    private static List<LatestRate> btcMarket() {
        return List.of(
                rate("aster", "BTC", "0.0001", 8, 5_000_000L, 2_000_000L, 2),
                rate("lighter", "BTC", "0.0000375", 1, 3_000_000L, 1_000_000L, 4),
                rate("backpack", "BTC", "0.00005", 1, 1_000_000L, 3_000_000L, 10));
    }

    private List<Opportunity> find(List<LatestRate> rates, OpportunityFilter.Builder filter) {
        return finder.find(rates, filter.limit(100).build(), NOW);
    }

    private static List<String> pairs(List<Opportunity> opportunities) {
        return opportunities.stream().map(o -> o.longDex() + ">" + o.shortDex()).toList();
    }

    @Test
    void netProfitIsDivergenceMinusRoundTripMakerFees() {
        List<Opportunity> found = find(btcMarket(), OpportunityFilter.builder());
        // aster>backpack: 0.0004 − 0.0001 = 0.0003; fees 2 × (0.00005 + 0.0002) = 0.0005 → net < 0: dropped
        // aster>lighter:  0.0003 − 0.0001 = 0.0002; fees 2 × 0.00005 = 0.0001 → net 0.0001, APY 10.95
        // lighter>backpack: 0.0004 − 0.0003 = 0.0001; fees 2 × 0.0002 = 0.0004 → dropped
        assertThat(pairs(found)).containsExactly("aster>lighter");
        Opportunity o = found.get(0);
        assertThat(o.longRate()).isEqualByComparingTo("0.0001");
        assertThat(o.shortRate()).isEqualByComparingTo("0.0003");
        assertThat(o.divergence()).isEqualByComparingTo("0.0002");
        assertThat(o.estimatedFees()).isEqualByComparingTo("0.0001");
        assertThat(o.netProfitPercent()).isEqualByComparingTo("0.0001");
        assertThat(o.annualizedApy()).isEqualByComparingTo("10.95");
        assertThat(o.longIntervalHours()).isEqualTo(8);
        assertThat(o.shortIntervalHours()).isEqualTo(1);
        assertThat(o.discoveredAt()).isEqualTo(NOW);
    }

    @Test
    void liquidityFiguresAreDerivedFromBothLegs() {
        Opportunity o = find(btcMarket(), OpportunityFilter.builder()).get(0);
        assertThat(o.minVolume24h()).isEqualByComparingTo("3000000");
        assertThat(o.minOiUsd()).isEqualByComparingTo("1000000");
        assertThat(o.maxOiUsd()).isEqualByComparingTo("2000000");
        // 2,000,000 / 1,000,000 = 2 > 1.2
        assertThat(o.oiRatio()).isEqualByComparingTo("2");
        assertThat(o.oiImbalance()).isEqualTo("long_heavy");
        assertThat(o.avgSpreadBps()).isEqualTo(3);
    }

    @Test
    void everyOrderedPairIsConsideredBothWays() {
        List<LatestRate> rates = List.of(rate("lighter", "ETH", "0.0005", 8, null, null, null),
                rate("paradex", "ETH", "-0.0005", 8, null, null, null));
        assertThat(pairs(find(rates, OpportunityFilter.builder()))).containsExactly("paradex>lighter");
        List<LatestRate> flipped = List.of(rate("lighter", "ETH", "-0.0005", 8, null, null, null),
                rate("paradex", "ETH", "0.0005", 8, null, null, null));
        assertThat(pairs(find(flipped, OpportunityFilter.builder()))).containsExactly("lighter>paradex");
    }

    @Test
    void fourHourVenuesAreDoubled() {
        List<LatestRate> rates = List.of(rate("lighter", "SOL", "0.0001", 4, null, null, null),
                rate("paradex", "SOL", "0", 8, null, null, null));
        Opportunity o = find(rates, OpportunityFilter.builder()).get(0);
        assertThat(o.shortRate()).isEqualByComparingTo("0.0002");
        // 0.0002 − 2 × 0.00003 = 0.00014
        assertThat(o.netProfitPercent()).isEqualByComparingTo("0.00014");
    }

    /** Four venues on ETH with rising rates, so many pairs pass; used by the filter tests. */
    private static List<LatestRate> wideMarket() {
        List<LatestRate> rates = new ArrayList<>(List.of(
                rate("paradex", "ETH", "-0.001", 8, 9_000_000L, 4_000_000L, 2),
                rate("lighter", "ETH", "0", 8, 2_000_000L, 1_000_000L, 6),
                rate("aster", "ETH", "0.001", 8, 500_000L, 800_000L, 20),
                rate("grvt", "ETH", "0.002", 8, null, null, null)));
        rates.add(rate("lighter", "DOGE", "-0.002", 8, 100_000L, 50_000L, 30));
        rates.add(rate("aster", "DOGE", "0.002", 8, 200_000L, 60_000L, 40));
        return rates;
    }

    @Test
    void symbolFilter() {
        assertThat(find(wideMarket(), OpportunityFilter.builder().symbol("doge")))
                .extracting(Opportunity::symbol).containsOnly("DOGE").isNotEmpty();
    }

    @Test
    void dexFilterKeepsPairsWithEitherLeg() {
        assertThat(find(wideMarket(), OpportunityFilter.builder().dex("GRVT")))
                .allMatch(o -> o.longDex().equals("grvt") || o.shortDex().equals("grvt")).isNotEmpty();
    }

    @Test
    void dexPairKeepsExactlyThatPair() {
        assertThat(pairs(find(wideMarket(), OpportunityFilter.builder().dexPair(List.of("aster", "paradex")))))
                .containsExactly("paradex>aster");
    }

    @Test
    void dexesKeepsPairsTouchingAnyListedVenue() {
        assertThat(pairs(find(wideMarket(), OpportunityFilter.builder().dexes(List.of("grvt")).symbol("ETH"))))
                .containsExactlyInAnyOrder("paradex>grvt", "lighter>grvt", "aster>grvt");
    }

    @Test
    void whitelistNeedsBothLegsListed() {
        // ETH and DOGE both have lighter>aster; every pair touching paradex or grvt is gone
        assertThat(pairs(find(wideMarket(), OpportunityFilter.builder().whitelistDexes(List.of("lighter", "aster")))))
                .containsExactly("lighter>aster", "lighter>aster");
    }

    @Test
    void excludeDropsPairsTouchingTheVenue() {
        assertThat(find(wideMarket(), OpportunityFilter.builder().excludeDexes(List.of("aster"))))
                .noneMatch(o -> o.longDex().equals("aster") || o.shortDex().equals("aster")).isNotEmpty();
    }

    @Test
    void requiredDexMustBeOneLeg() {
        assertThat(find(wideMarket(), OpportunityFilter.builder().requiredDex("paradex")))
                .allMatch(o -> o.longDex().equals("paradex") || o.shortDex().equals("paradex")).hasSize(3);
    }

    @Test
    void minDivergenceAndMinProfit() {
        // lighter>aster on ETH: divergence 0.001, fees 2 × 0.00005 = 0.0001, net 0.0009
        assertThat(pairs(find(wideMarket(), OpportunityFilter.builder().symbol("ETH").minDivergence(new BigDecimal("0.002")))))
                .containsExactlyInAnyOrder("paradex>grvt", "lighter>grvt", "paradex>aster");
        assertThat(pairs(find(wideMarket(), OpportunityFilter.builder().symbol("ETH").minProfit(new BigDecimal("0.0025")))))
                .containsExactly("paradex>grvt");
    }

    @Test
    void minApy() {
        // net 0.0009 → 98.55 %; net 0.00194 (paradex>aster) → 212.43 %
        assertThat(find(wideMarket(), OpportunityFilter.builder().minApy(new BigDecimal("200"))))
                .allMatch(o -> o.annualizedApy().compareTo(new BigDecimal("200")) >= 0).isNotEmpty()
                .noneMatch(o -> o.longDex().equals("lighter") && o.shortDex().equals("aster") && o.symbol().equals("ETH"));
    }

    @Test
    void volumeBoundsApplyToTheSmallerKnownVolume() {
        List<Opportunity> found = find(wideMarket(), OpportunityFilter.builder().minVolume24h(new BigDecimal("1000000")));
        assertThat(pairs(found)).contains("paradex>lighter").doesNotContain("lighter>aster");
        assertThat(found).as("unknown volume (grvt) is not filtered out").anyMatch(o -> o.shortDex().equals("grvt"));
        assertThat(find(wideMarket(), OpportunityFilter.builder().maxVolume24h(new BigDecimal("150000"))))
                .filteredOn(o -> o.minVolume24h() != null).extracting(Opportunity::symbol).containsOnly("DOGE");
    }

    @Test
    void openInterestBounds() {
        assertThat(find(wideMarket(), OpportunityFilter.builder().minOiUsd(new BigDecimal("900000"))))
                .filteredOn(o -> o.minOiUsd() != null)
                .allMatch(o -> o.minOiUsd().compareTo(new BigDecimal("900000")) >= 0).isNotEmpty();
        assertThat(find(wideMarket(), OpportunityFilter.builder().maxOiUsd(new BigDecimal("100000"))))
                .filteredOn(o -> o.minOiUsd() != null).extracting(Opportunity::symbol).containsOnly("DOGE");
    }

    @Test
    void maxOiWithARequiredDexCapsThatVenuesOiWhichMustBeKnown() {
        List<Opportunity> found = find(wideMarket(), OpportunityFilter.builder().requiredDex("aster")
                .maxOiUsd(new BigDecimal("100000")));
        // aster's ETH OI 800,000 > cap; aster's DOGE OI 60,000 passes; grvt legs are excluded (aster OI known there,
        // but 800,000 > cap)
        assertThat(pairs(found)).containsExactly("lighter>aster");
        assertThat(found.get(0).symbol()).isEqualTo("DOGE");
    }

    @Test
    void oiRatioBoundsAndImbalance() {
        // paradex>lighter on ETH: 4,000,000 / 1,000,000 = 4 → long_heavy
        List<Opportunity> heavy = find(wideMarket(), OpportunityFilter.builder().oiImbalance("LONG_HEAVY"));
        assertThat(heavy).extracting(Opportunity::oiImbalance).containsOnly("long_heavy").isNotEmpty();
        assertThat(find(wideMarket(), OpportunityFilter.builder().oiRatioMin(new BigDecimal("3"))))
                .filteredOn(o -> o.oiRatio() != null).allMatch(o -> o.oiRatio().compareTo(new BigDecimal("3")) >= 0)
                .isNotEmpty();
        assertThat(find(wideMarket(), OpportunityFilter.builder().oiRatioMax(new BigDecimal("0.5"))))
                .filteredOn(o -> o.oiRatio() != null).allMatch(o -> o.oiRatio().compareTo(new BigDecimal("0.5")) <= 0);
    }

    @Test
    void maxSpreadUsesTheAverageOfBothLegs() {
        // lighter>aster ETH: (6 + 20) / 2 = 13; DOGE: (30 + 40) / 2 = 35
        assertThat(find(wideMarket(), OpportunityFilter.builder().maxSpreadBps(13)))
                .filteredOn(o -> o.avgSpreadBps() != null).allMatch(o -> o.avgSpreadBps() <= 13).isNotEmpty()
                .noneMatch(o -> o.symbol().equals("DOGE"));
    }

    @Test
    void sortsByAnyKeyWithMissingValuesLast() {
        List<Opportunity> byVolume = find(wideMarket(), OpportunityFilter.builder().sortBy(OpportunitySort.MIN_VOLUME_24H));
        assertThat(byVolume.get(0).minVolume24h()).isEqualByComparingTo("2000000");
        assertThat(byVolume.get(byVolume.size() - 1).minVolume24h()).isNull();
        List<Opportunity> ascending = find(wideMarket(), OpportunityFilter.builder().sortBy(OpportunitySort.MIN_VOLUME_24H)
                .sortDesc(false));
        assertThat(ascending.get(0).minVolume24h()).isEqualByComparingTo("100000");
        assertThat(ascending.get(ascending.size() - 1).minVolume24h()).isNull();
        List<Opportunity> byNet = find(wideMarket(), OpportunityFilter.builder());
        assertThat(byNet).isSortedAccordingTo((a, b) -> b.netProfitPercent().compareTo(a.netProfitPercent()));
    }

    @Test
    void limitTruncatesAfterSorting() {
        List<Opportunity> top = finder.find(wideMarket(), OpportunityFilter.builder().limit(2).build(), NOW);
        assertThat(top).hasSize(2);
        // best: DOGE lighter>aster, divergence 0.004, net 0.004 − 0.0001 = 0.0039
        assertThat(top.get(0).netProfitPercent()).isEqualByComparingTo("0.0039");
    }

    @Test
    void untradeableMarksAreSkippedUntilCleared() {
        finder.markUntradeable("Aster", "doge");
        assertThat(find(wideMarket(), OpportunityFilter.builder().symbol("DOGE"))).isEmpty();
        finder.clearUntradeable("aster", "DOGE");
        assertThat(find(wideMarket(), OpportunityFilter.builder().symbol("DOGE"))).hasSize(1);
    }

    @Test
    void twoZAndZNeverPair() {
        List<LatestRate> rates = List.of(rate("aster", "2Z", "0.001", 8, null, null, null),
                rate("lighter", "Z", "-0.001", 8, null, null, null));
        assertThat(find(rates, OpportunityFilter.builder())).isEmpty();
    }

    @Test
    void filterProblemsNameTheField() {
        assertThat(OpportunityFilter.builder().dexPair(List.of("aster")).build().problem()).get().asString()
                .contains("dex_pair");
        assertThat(OpportunityFilter.builder().oiImbalance("lopsided").build().problem()).get().asString()
                .contains("oi_imbalance");
        assertThat(OpportunityFilter.builder().limit(0).build().problem()).get().asString().contains("limit");
        assertThat(OpportunityFilter.defaults().problem()).isEmpty();
    }
}
