package dev.perpflow.app.api;

import dev.perpflow.app.control.Refusal;
import dev.perpflow.app.persistence.FundingQueries;
import dev.perpflow.app.persistence.FundingQueries.HistoryPoint;
import dev.perpflow.app.persistence.VenueRepository;
import dev.perpflow.app.persistence.VenueRepository.VenueRow;
import dev.perpflow.exchange.model.FundingRate;
import dev.perpflow.funding.FundingMath;
import dev.perpflow.funding.FundingStatistics;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.camel.Header;

/** {@code /api/v1/history/funding-rates/{dex}/{symbol}} and {@code /stats/funding-rates/{symbol}}: 8-hour rates over time. */
public class HistoryApi {

    static final int DEFAULT_HISTORY_DAYS = 7;
    static final int DEFAULT_STATS_DAYS = 30;

    private final FundingQueries queries;
    private final VenueRepository venues;
    private final Clock clock;

    public HistoryApi(FundingQueries queries, VenueRepository venues, Clock clock) {
        this.queries = queries;
        this.venues = venues;
        this.clock = clock;
    }

    /** {@code GET /history/funding-rates/{dex}/{symbol}?period=7d&limit=1000}. */
    public ApiResponse history(@Header("dex") String dex, @Header("symbol") String symbol, @Header("period") String period,
            @Header("limit") String limit) throws SQLException {
        int days = QueryParameters.periodDays("period", period, DEFAULT_HISTORY_DAYS);
        int max = QueryParameters.integer("limit", limit, 1000, 1, 10_000);
        VenueRow venue = requireVenue(dex);
        requireSymbol(symbol);
        List<HistoryPoint> points = queries.history(venue.name(), symbol, since(days), max);
        List<BigDecimal> rates = points.stream().map(HistoryApi::per8h).toList();
        Map<String, Object> statistics = summary(FundingStatistics.of(rates));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("symbol", symbol.toUpperCase(Locale.ROOT));
        body.put("dex_name", venue.name());
        body.put("period_days", days);
        body.put("data_points", points.stream().map(p -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("time", p.time());
            m.put("funding_rate", per8h(p));
            m.put("annualized_rate", per8h(p).multiply(FundingMath.PERIODS_PER_YEAR).stripTrailingZeros());
            return m;
        }).toList());
        body.put("count", points.size());
        body.put("stats", statistics);
        return ApiResponse.ok(body);
    }

    /** {@code GET /stats/funding-rates/{symbol}?dex=&period=30d}. */
    public ApiResponse stats(@Header("symbol") String symbol, @Header("dex") String dex, @Header("period") String period)
            throws SQLException {
        int days = QueryParameters.periodDays("period", period, DEFAULT_STATS_DAYS);
        requireSymbol(symbol);
        String venue = dex == null || dex.isBlank() ? null : requireVenue(dex).name();
        List<BigDecimal> rates = queries.historyForSymbol(symbol, venue, since(days)).stream().map(HistoryApi::per8h)
                .toList();
        FundingStatistics stats = FundingStatistics.of(rates);
        Map<String, Object> statistics = summary(stats);
        statistics.put("percentile_25", plain(stats.percentile25()));
        statistics.put("percentile_75", plain(stats.percentile75()));
        statistics.put("annualized_apy", plain(stats.annualizedApy()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("symbol", symbol.toUpperCase(Locale.ROOT));
        body.put("dex_name", venue);
        body.put("period_days", days);
        body.put("statistics", statistics);
        body.put("sample_size", stats.sampleSize());
        return ApiResponse.ok(body);
    }

    /** The seed's short statistics block: average, median, min, max, volatility. */
    private static Map<String, Object> summary(FundingStatistics stats) {
        Map<String, Object> statistics = new LinkedHashMap<>();
        statistics.put("average", plain(stats.average()));
        statistics.put("median", plain(stats.median()));
        statistics.put("min", plain(stats.min()));
        statistics.put("max", plain(stats.max()));
        statistics.put("volatility", plain(stats.volatility()));
        return statistics;
    }

    private Instant since(int days) {
        return clock.instant().minus(Duration.ofDays(days));
    }

    private VenueRow requireVenue(String dex) throws SQLException {
        return venues.findByName(dex == null ? "" : dex.trim())
                .orElseThrow(() -> Refusal.notFound("unknown dex '" + dex + "'"));
    }

    private void requireSymbol(String symbol) throws SQLException {
        if (symbol == null || !queries.symbolExists(symbol)) {
            throw Refusal.notFound("unknown symbol '" + symbol + "'");
        }
    }

    private static BigDecimal per8h(HistoryPoint point) {
        return FundingRate.normalizeTo8h(point.rate(), point.intervalHours()).stripTrailingZeros();
    }

    private static BigDecimal plain(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros();
    }
}
