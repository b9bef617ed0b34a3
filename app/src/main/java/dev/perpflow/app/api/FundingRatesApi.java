package dev.perpflow.app.api;

import dev.perpflow.app.control.Refusal;
import dev.perpflow.app.persistence.FundingQueries;
import dev.perpflow.app.persistence.FundingQueries.LatestRateRow;
import dev.perpflow.app.persistence.VenueRepository;
import dev.perpflow.app.persistence.VenueRepository.VenueRow;
import dev.perpflow.exchange.model.FundingRate;
import dev.perpflow.funding.FeeSchedule;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.camel.Header;

/**
 * {@code /api/v1/funding-rates…}: latest rates with the seed's response keys. Every rate shown is normalized to
 * 8 hours ({@code raw × 8 / interval_hours}); the raw rate and interval are added next to it.
 */
public class FundingRatesApi {

    /** Funding payments per year at the canonical 8 h interval: 3 a day. */
    static final BigDecimal PERIODS_PER_YEAR = BigDecimal.valueOf(1095);

    private final FundingQueries queries;
    private final VenueRepository venues;
    private final FeeSchedule fees;
    private final Clock clock;

    public FundingRatesApi(FundingQueries queries, VenueRepository venues, FeeSchedule fees, Clock clock) {
        this.queries = queries;
        this.venues = venues;
        this.fees = fees;
        this.clock = clock;
    }

    /**
     * {@code GET /funding-rates/compare?symbol=&dex1=&dex2=}: the two venues' rates, the divergence, which side to
     * long (the lower rate) and the 8-hour net after round-trip maker fees.
     */
    public ApiResponse compare(@Header("symbol") String symbol, @Header("dex1") String dex1, @Header("dex2") String dex2)
            throws SQLException {
        String sym = QueryParameters.required("symbol", symbol);
        VenueRow first = requireVenue(QueryParameters.required("dex1", dex1));
        VenueRow second = requireVenue(QueryParameters.required("dex2", dex2));
        if (first.name().equals(second.name())) {
            throw Refusal.invalid("dex2", "dex1 and dex2 must be different venues");
        }
        LatestRateRow a = latest(first.name(), sym);
        LatestRateRow b = latest(second.name(), sym);
        BigDecimal rateA = per8h(a);
        BigDecimal rateB = per8h(b);
        BigDecimal divergence = rateB.subtract(rateA).abs();
        String longDex = rateA.compareTo(rateB) <= 0 ? a.dex() : b.dex();
        String shortDex = longDex.equals(a.dex()) ? b.dex() : a.dex();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("symbol", a.symbol());
        body.put("dex1", side(a));
        body.put("dex2", side(b));
        body.put("divergence", divergence.stripTrailingZeros());
        body.put("divergence_bps", divergence.movePointRight(4).stripTrailingZeros());
        body.put("long_recommendation", longDex);
        body.put("short_recommendation", shortDex);
        body.put("estimated_net_profit_8h",
                divergence.subtract(fees.roundTripMakerFee(longDex, shortDex)).stripTrailingZeros());
        body.put("timestamp", clock.instant());
        return ApiResponse.ok(body);
    }

    private LatestRateRow latest(String dex, String symbol) throws SQLException {
        return queries.latestRates(dex, symbol).stream().findFirst()
                .orElseThrow(() -> Refusal.notFound("no funding rate for " + symbol + " on " + dex));
    }

    private static Map<String, Object> side(LatestRateRow row) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", row.dex());
        m.put("funding_rate", per8h(row));
        m.put("next_funding_time", row.nextFundingTime());
        m.put("timestamp", row.updatedAt());
        return m;
    }

    /** {@code GET /funding-rates?dex=&symbol=&include_metadata=}. */
    public ApiResponse all(@Header("dex") String dex, @Header("symbol") String symbol,
            @Header("include_metadata") String includeMetadata) throws SQLException {
        boolean metadata = QueryParameters.bool("include_metadata", includeMetadata, false);
        if (dex != null && !dex.isBlank()) {
            requireVenue(dex);
        }
        List<LatestRateRow> rows = queries.latestRates(blankToNull(dex), blankToNull(symbol));
        Map<String, Map<String, BigDecimal>> data = new TreeMap<>();
        Instant updatedAt = null;
        for (LatestRateRow row : rows) {
            data.computeIfAbsent(row.symbol(), s -> new TreeMap<>()).put(row.dex(), per8h(row));
            updatedAt = updatedAt == null || row.updatedAt().isAfter(updatedAt) ? row.updatedAt() : updatedAt;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", data);
        body.put("updated_at", updatedAt != null ? updatedAt : clock.instant());
        body.put("count", rows.size());
        if (metadata) {
            List<Map<String, Object>> dexMetadata = new ArrayList<>();
            for (VenueRow venue : venues.findAll()) {
                if (venue.active()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("name", venue.name());
                    m.put("display_name", venue.displayName());
                    m.put("maker_fee_percent", fees.feesOf(venue.name()).maker().movePointRight(2).stripTrailingZeros());
                    m.put("taker_fee_percent", fees.feesOf(venue.name()).taker().movePointRight(2).stripTrailingZeros());
                    dexMetadata.add(m);
                }
            }
            body.put("dex_metadata", dexMetadata);
        }
        return ApiResponse.ok(body);
    }

    /** {@code GET /funding-rates/{dex}}. */
    public ApiResponse venue(@Header("dex") String dex) throws SQLException {
        VenueRow venue = requireVenue(dex);
        Map<String, Object> rates = new TreeMap<>();
        Instant updatedAt = null;
        for (LatestRateRow row : queries.latestRates(venue.name(), null)) {
            Map<String, Object> rate = new LinkedHashMap<>();
            rate.put("funding_rate", per8h(row));
            rate.put("annualized_rate", annualized(per8h(row)));
            rate.put("raw_rate", row.rate().stripTrailingZeros());
            rate.put("interval_hours", row.intervalHours());
            rate.put("next_funding_time", row.nextFundingTime());
            rate.put("timestamp", row.updatedAt());
            rates.put(row.symbol(), rate);
            updatedAt = updatedAt == null || row.updatedAt().isAfter(updatedAt) ? row.updatedAt() : updatedAt;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("dex_name", venue.name());
        body.put("rates", rates);
        body.put("updated_at", updatedAt);
        return ApiResponse.ok(body);
    }

    /** {@code GET /funding-rates/{dex}/{symbol}}. */
    public ApiResponse venueSymbol(@Header("dex") String dex, @Header("symbol") String symbol) throws SQLException {
        VenueRow venue = requireVenue(dex);
        LatestRateRow row = queries.latestRates(venue.name(), symbol).stream().findFirst()
                .orElseThrow(() -> Refusal.notFound("no funding rate for " + symbol + " on " + venue.name()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("dex_name", venue.name());
        body.put("symbol", row.symbol());
        body.put("funding_rate", per8h(row));
        body.put("annualized_rate", annualized(per8h(row)));
        body.put("raw_rate", row.rate().stripTrailingZeros());
        body.put("interval_hours", row.intervalHours());
        body.put("predicted_rate", row.predictedRate());
        body.put("mark_price", row.markPrice());
        body.put("index_price", row.indexPrice());
        body.put("next_funding_time", row.nextFundingTime());
        body.put("timestamp", row.updatedAt());
        body.put("volume_24h", row.volume24h());
        body.put("open_interest_usd", row.openInterestUsd());
        return ApiResponse.ok(body);
    }

    VenueRow requireVenue(String dex) throws SQLException {
        Optional<VenueRow> venue = dex == null ? Optional.empty() : venues.findByName(dex.trim());
        return venue.orElseThrow(() -> Refusal.notFound("unknown dex '" + dex + "'"));
    }

    static BigDecimal per8h(LatestRateRow row) {
        return FundingRate.normalizeTo8h(row.rate(), row.intervalHours()).stripTrailingZeros();
    }

    /** The seed's annualized rate: 8 h rate × 3 × 365 (a fraction, not a percent). */
    static BigDecimal annualized(BigDecimal ratePer8h) {
        return ratePer8h.multiply(PERIODS_PER_YEAR).stripTrailingZeros();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
