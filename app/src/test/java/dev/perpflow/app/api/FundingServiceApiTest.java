package dev.perpflow.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.perpflow.app.AppTestSupport;
import dev.perpflow.app.persistence.FundingRepository;
import dev.perpflow.app.persistence.VenueRepository;
import dev.perpflow.exchange.model.FundingRate;
import dev.perpflow.exchange.model.FundingSnapshot;
import dev.perpflow.exchange.model.MarketStats;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every read endpoint of the funding service against the real app, with rates written through the collection
 * code path: {@code alpha} settles every 8 h, {@code beta} every hour (its raw rate is shown ×8).
 */
class FundingServiceApiTest extends AppTestSupport {

    private Instant now;

    @Override
    protected Properties extraProperties() {
        Properties properties = new Properties();
        properties.setProperty("perpflow.sim.venues", "");
        properties.setProperty("perpflow.fees.aster.maker", "0.0001");
        return properties;
    }

    @BeforeEach
    void storeRatesOnce() throws Exception {
        if (now != null) {
            return;
        }
        VenueRepository venues = new VenueRepository(dataSource());
        FundingRepository funding = new FundingRepository(dataSource());
        int alpha = venues.register("alpha", "Alpha", "https://alpha.example", true, new BigDecimal("0.02"),
                new BigDecimal("0.05"), 60);
        int beta = venues.register("beta", "Beta", null, true, new BigDecimal("0.01"), new BigDecimal("0.04"), 60);
        now = Instant.now();
        funding.storeRound(alpha, snapshot("alpha", 8, "0.0001", now, 5_000_000));
        funding.storeRound(beta, snapshot("beta", 1, "0.00005", now, 2_000_000));
    }

    private static FundingSnapshot snapshot(String venue, int hours, String rate, Instant at, long volume) {
        List<FundingRate> rates = List.of(
                new FundingRate(venue, "BTC", new BigDecimal(rate), hours, null, new BigDecimal("90000"), null,
                        at.plus(Duration.ofHours(hours)), at),
                new FundingRate(venue, "ETH", new BigDecimal(rate).negate(), hours, null, new BigDecimal("3000"), null,
                        null, at));
        List<MarketStats> stats = List.of(new MarketStats(venue, "BTC", BigDecimal.valueOf(volume), null, at),
                new MarketStats(venue, "ETH", BigDecimal.valueOf(volume / 2), null, at));
        return new FundingSnapshot(venue, rates, stats, at, Duration.ofMillis(10));
    }

    @Test
    void fundingRatesAreGroupedBySymbolAndNormalizedTo8h() throws Exception {
        JsonNode body = getJson("/api/v1/funding-rates", 200);
        assertThat(body.at("/data/BTC/alpha").decimalValue()).isEqualByComparingTo("0.0001");
        assertThat(body.at("/data/BTC/beta").decimalValue()).isEqualByComparingTo("0.0004");
        assertThat(body.get("count").asInt()).isEqualTo(4);
        assertThat(body.has("dex_metadata")).isFalse();
    }

    @Test
    void fundingRatesFilterByDexAndSymbolAndIncludeMetadata() throws Exception {
        JsonNode body = getJson("/api/v1/funding-rates?dex=BETA&symbol=eth&include_metadata=true", 200);
        assertThat(body.get("count").asInt()).isEqualTo(1);
        assertThat(body.at("/data/ETH/beta").decimalValue()).isEqualByComparingTo("-0.0004");
        assertThat(body.get("dex_metadata").findValuesAsText("name")).contains("alpha", "beta");
    }

    @Test
    void fundingRatesRejectBadInput() throws Exception {
        assertThat(getJson("/api/v1/funding-rates?include_metadata=maybe", 400).get("parameter").asText())
                .isEqualTo("include_metadata");
        assertThat(getJson("/api/v1/funding-rates?dex=nowhere", 404).get("detail").asText()).contains("nowhere");
    }

    @Test
    void venueRatesShowAnnualizedRate() throws Exception {
        JsonNode body = getJson("/api/v1/funding-rates/beta", 200);
        assertThat(body.get("dex_name").asText()).isEqualTo("beta");
        assertThat(body.at("/rates/BTC/funding_rate").decimalValue()).isEqualByComparingTo("0.0004");
        assertThat(body.at("/rates/BTC/annualized_rate").decimalValue()).isEqualByComparingTo("0.438");
        assertThat(body.at("/rates/BTC/raw_rate").decimalValue()).isEqualByComparingTo("0.00005");
        assertThat(body.at("/rates/BTC/interval_hours").asInt()).isEqualTo(1);
        getJson("/api/v1/funding-rates/nowhere", 404);
    }

    @Test
    void venueSymbolRateCarriesMarketData() throws Exception {
        JsonNode body = getJson("/api/v1/funding-rates/alpha/BTC", 200);
        assertThat(body.get("funding_rate").decimalValue()).isEqualByComparingTo("0.0001");
        assertThat(body.get("volume_24h").decimalValue()).isEqualByComparingTo("5000000");
        assertThat(body.get("mark_price").decimalValue()).isEqualByComparingTo("90000");
        assertThat(getJson("/api/v1/funding-rates/alpha/DOGE", 404).get("detail").asText()).contains("DOGE");
        getJson("/api/v1/funding-rates/nowhere/BTC", 404);
    }

    @Test
    void dexesListTheConfiguredFeeScheduleAndHealth() throws Exception {
        JsonNode body = getJson("/api/v1/dexes", 200);
        JsonNode alpha = findByName(body.get("dexes"), "alpha");
        // a venue the fee table does not know gets the seed's default 0.03 % / 0.06 %
        assertThat(alpha.at("/fee_structure/maker_fee_percent").decimalValue()).isEqualByComparingTo("0.03");
        assertThat(alpha.get("supported_symbols_count").asInt()).isEqualTo(2);
        JsonNode aster = findByName(body.get("dexes"), "aster");
        assertThat(aster.get("is_active").asBoolean()).isFalse();
        // perpflow.fees.aster.maker = 0.0001 overrides the seed's 0.00005; the taker fee keeps the seed's 0.04 %
        assertThat(aster.at("/fee_structure/maker_fee_percent").decimalValue()).isEqualByComparingTo("0.01");
        assertThat(aster.at("/fee_structure/taker_fee_percent").decimalValue()).isEqualByComparingTo("0.04");
    }

    @Test
    void dexDetailAndSymbolsSortedByVolume() throws Exception {
        JsonNode detail = getJson("/api/v1/dexes/Alpha", 200);
        assertThat(detail.get("api_base_url").asText()).isEqualTo("https://alpha.example");
        assertThat(detail.at("/health/name").asText()).isEqualTo("alpha");
        JsonNode symbols = getJson("/api/v1/dexes/alpha/symbols", 200);
        assertThat(symbols.get("symbols").findValuesAsText("symbol")).containsExactly("BTC", "ETH");
        getJson("/api/v1/dexes/nowhere", 404);
        getJson("/api/v1/dexes/nowhere/symbols", 404);
    }

    @Test
    void databaseHealthCountsRows() throws Exception {
        JsonNode body = getJson("/api/v1/health/database", 200);
        assertThat(body.get("connected").asBoolean()).isTrue();
        assertThat(body.at("/statistics/latest_rates").asLong()).isGreaterThanOrEqualTo(4);
        assertThat(body.at("/statistics/symbols").asLong()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void dexHealthReportsActivityAndUnknownIs404() throws Exception {
        JsonNode body = getJson("/api/v1/health/dex/alpha", 200);
        assertThat(body.get("active_symbols").asInt()).isEqualTo(2);
        assertThat(body.get("recent_updates").asInt()).isEqualTo(2);
        assertThat(body.get("consecutive_errors").asInt()).isZero();
        getJson("/api/v1/health/dex/nowhere", 404);
    }

    @Test
    void tasksStatusShowsRecentCollections() throws Exception {
        JsonNode body = getJson("/api/v1/tasks/status", 200);
        assertThat(body.get("recent_collections").findValuesAsText("dex_name")).contains("alpha", "beta");
        assertThat(body.at("/data_freshness/total_rates").asLong()).isGreaterThanOrEqualTo(4);
        JsonNode health = getJson("/api/v1/tasks/health", 200);
        assertThat(health.at("/indicators/data_is_fresh").asBoolean()).isTrue();
        assertThat(health.at("/indicators/collections_active").asBoolean()).isFalse();
        assertThat(health.get("recommendation").asText()).contains("perpflow.venues");
    }

    @Test
    void compareRecommendsLongOnTheLowerRateAndNetsOutMakerFees() throws Exception {
        JsonNode body = getJson("/api/v1/funding-rates/compare?symbol=BTC&dex1=beta&dex2=alpha", 200);
        assertThat(body.at("/dex1/name").asText()).isEqualTo("beta");
        assertThat(body.at("/dex1/funding_rate").decimalValue()).isEqualByComparingTo("0.0004");
        assertThat(body.get("divergence").decimalValue()).isEqualByComparingTo("0.0003");
        assertThat(body.get("divergence_bps").decimalValue()).isEqualByComparingTo("3");
        assertThat(body.get("long_recommendation").asText()).isEqualTo("alpha");
        assertThat(body.get("short_recommendation").asText()).isEqualTo("beta");
        // unknown venues pay the default maker 0.0003 each: 0.0003 − 2 × (0.0003 + 0.0003) = −0.0009
        assertThat(body.get("estimated_net_profit_8h").decimalValue()).isEqualByComparingTo("-0.0009");
    }

    @Test
    void compareRejectsMissingOrUnknownInput() throws Exception {
        assertThat(getJson("/api/v1/funding-rates/compare?symbol=BTC&dex1=alpha", 400).get("parameter").asText())
                .isEqualTo("dex2");
        getJson("/api/v1/funding-rates/compare?symbol=BTC&dex1=alpha&dex2=nowhere", 404);
        getJson("/api/v1/funding-rates/compare?symbol=DOGE&dex1=alpha&dex2=beta", 404);
        assertThat(getJson("/api/v1/funding-rates/compare?symbol=BTC&dex1=alpha&dex2=ALPHA", 400).get("detail")
                .asText()).contains("different");
    }

    @Test
    void historyReturnsNormalizedPointsWithStats() throws Exception {
        JsonNode body = getJson("/api/v1/history/funding-rates/beta/BTC?period=2d&limit=10", 200);
        assertThat(body.get("period_days").asInt()).isEqualTo(2);
        assertThat(body.get("count").asInt()).isEqualTo(1);
        assertThat(body.at("/data_points/0/funding_rate").decimalValue()).isEqualByComparingTo("0.0004");
        assertThat(body.at("/data_points/0/annualized_rate").decimalValue()).isEqualByComparingTo("0.438");
        assertThat(body.at("/stats/average").decimalValue()).isEqualByComparingTo("0.0004");
    }

    @Test
    void historyValidatesPeriodAndLimitAndUnknowns() throws Exception {
        assertThat(getJson("/api/v1/history/funding-rates/beta/BTC?period=invalid", 400).get("parameter").asText())
                .isEqualTo("period");
        assertThat(getJson("/api/v1/history/funding-rates/beta/BTC?limit=0", 400).get("parameter").asText())
                .isEqualTo("limit");
        getJson("/api/v1/history/funding-rates/nowhere/BTC", 404);
        getJson("/api/v1/history/funding-rates/beta/DOGE", 404);
    }

    @Test
    void statsAcrossVenuesOrForOne() throws Exception {
        JsonNode all = getJson("/api/v1/stats/funding-rates/BTC", 200);
        // alpha 0.0001 and beta 0.0004 (8 h): mean 0.00025, APY 27.375 %
        assertThat(all.get("sample_size").asInt()).isEqualTo(2);
        assertThat(all.at("/statistics/average").decimalValue()).isEqualByComparingTo("0.00025");
        assertThat(all.at("/statistics/annualized_apy").decimalValue()).isEqualByComparingTo("27.375");
        assertThat(all.at("/statistics/percentile_75").decimalValue()).isEqualByComparingTo("0.000325");
        JsonNode one = getJson("/api/v1/stats/funding-rates/BTC?dex=alpha&period=30d", 200);
        assertThat(one.get("dex_name").asText()).isEqualTo("alpha");
        assertThat(one.get("sample_size").asInt()).isEqualTo(1);
        getJson("/api/v1/stats/funding-rates/DOGE", 404);
        getJson("/api/v1/stats/funding-rates/BTC?dex=nowhere", 404);
        getJson("/api/v1/stats/funding-rates/BTC?period=30", 400);
    }

    @Test
    void openApiDocumentListsTheEndpoints() throws Exception {
        JsonNode body = getJson("/api/v1/openapi.json", 200);
        assertThat(body.get("paths").has("/api/v1/funding-rates/{dex}")).isTrue();
        assertThat(body.get("paths").has("/api/v1/health")).isTrue();
    }

    @Test
    void requestHeadersAreNotEchoed() throws Exception {
        assertThat(get("/api/v1/funding-rates/alpha?symbol=BTC").headers().firstValue("symbol")).isEmpty();
    }

    private static JsonNode findByName(JsonNode array, String name) {
        for (JsonNode node : array) {
            if (node.get("name").asText().equals(name)) {
                return node;
            }
        }
        throw new AssertionError("no " + name + " in " + array);
    }
}
