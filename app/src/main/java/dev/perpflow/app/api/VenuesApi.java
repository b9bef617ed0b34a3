package dev.perpflow.app.api;

import dev.perpflow.app.control.Refusal;
import dev.perpflow.app.venue.VenueHealth;
import dev.perpflow.app.persistence.FundingQueries;
import dev.perpflow.app.persistence.FundingQueries.DexSymbolRow;
import dev.perpflow.app.persistence.VenueRepository;
import dev.perpflow.app.persistence.VenueRepository.VenueRow;
import dev.perpflow.funding.FeeSchedule;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Header;

/**
 * {@code /api/v1/dexes…}: the venues, their fees (the configured fee schedule the opportunity finder uses),
 * health and markets, with the seed's response keys.
 */
public class VenuesApi {

    private final VenueRepository venues;
    private final FundingQueries queries;
    private final VenueHealth health;
    private final FeeSchedule fees;

    public VenuesApi(VenueRepository venues, FundingQueries queries, VenueHealth health, FeeSchedule fees) {
        this.venues = venues;
        this.queries = queries;
        this.health = health;
        this.fees = fees;
    }

    /** {@code GET /dexes}. */
    public ApiResponse all() throws SQLException {
        List<Map<String, Object>> list = new ArrayList<>();
        for (VenueRow venue : venues.findAll()) {
            list.add(summary(venue));
        }
        return ApiResponse.ok(Map.of("dexes", list, "count", list.size()));
    }

    /** {@code GET /dexes/{dex}}. */
    public ApiResponse one(@Header("dex") String dex) throws SQLException {
        VenueRow venue = require(dex);
        Map<String, Object> body = summary(venue);
        VenueRepository.VenueDetails details = venues.details(venue.id());
        body.put("api_base_url", details.apiBaseUrl());
        body.put("supports_websocket", details.supportsWebsocket());
        body.put("collection_interval_seconds", venue.collectionIntervalSeconds());
        body.put("rate_limit_per_minute", details.rateLimitPerMinute());
        body.put("health", health.describe(venue));
        body.put("created_at", details.createdAt());
        body.put("updated_at", details.updatedAt());
        return ApiResponse.ok(body);
    }

    /** {@code GET /dexes/{dex}/symbols}, highest 24 h volume first. */
    public ApiResponse symbols(@Header("dex") String dex) throws SQLException {
        VenueRow venue = require(dex);
        List<Map<String, Object>> symbols = new ArrayList<>();
        for (DexSymbolRow row : queries.venueSymbols(venue.name())) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("symbol", row.symbol());
            m.put("dex_symbol_format", row.dexSymbolFormat());
            m.put("is_active", row.active());
            m.put("min_order_size", row.minOrderSize());
            m.put("volume_24h", row.volume24h());
            m.put("open_interest_usd", row.openInterestUsd());
            m.put("spread_bps", row.spreadBps());
            m.put("last_updated", row.updatedAt());
            symbols.add(m);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("dex_name", venue.name());
        body.put("symbols", symbols);
        body.put("count", symbols.size());
        return ApiResponse.ok(body);
    }

    private Map<String, Object> summary(VenueRow venue) throws SQLException {
        FeeSchedule.Fees venueFees = fees.feesOf(venue.name());
        Map<String, Object> feeStructure = new LinkedHashMap<>();
        feeStructure.put("maker_fee_percent", venueFees.maker().movePointRight(2).stripTrailingZeros());
        feeStructure.put("taker_fee_percent", venueFees.taker().movePointRight(2).stripTrailingZeros());
        feeStructure.put("has_fee_tiers", false);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", venue.name());
        m.put("display_name", venue.displayName());
        m.put("is_active", venue.active());
        m.put("fee_structure", feeStructure);
        m.put("supported_symbols_count", queries.venueActivity(venue.name()).activeSymbols());
        m.put("last_successful_fetch", venue.lastSuccessfulFetch());
        m.put("last_error", VenueHealth.masked(venue.lastError()));
        m.put("consecutive_errors", venue.consecutiveErrors());
        m.put("is_healthy", health.isHealthy(venue));
        return m;
    }

    private VenueRow require(String dex) throws SQLException {
        return venues.findByName(dex == null ? "" : dex.trim())
                .orElseThrow(() -> Refusal.notFound("unknown dex '" + dex + "'"));
    }
}
